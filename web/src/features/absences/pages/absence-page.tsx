import '../absences.css';
import type { Absence } from '@contracts/absences.contracts';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { TextAreaField } from '@/components/ui/field';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { useFormatters } from '@/lib/format';
import { useChangeAbsenceState } from '../api/change-absence-state';
import { useAbsence } from '../api/get-absence';
import { useCoverableClients } from '../api/get-coverable-clients';
import { usePeople } from '../api/get-people';
import { useOverrideGate } from '../api/override-gate';
import { useAutoReplyPreview } from '../api/preview-auto-reply';
import { AbsenceStateBadge, useAbsenceErrorMessage, usePersonName } from '../components/absence-helpers';
import { CoverWarnings } from '../components/cover-warnings';
import { StatusLinkPanel } from '../components/status-link-panel';

function OverrideForm({ absence }: { absence: Absence }) {
  const { t } = useTranslation();
  const errorMessage = useAbsenceErrorMessage();
  const override = useOverrideGate();
  const [reason, setReason] = useState('');
  const tooShort = reason.trim().length < 10;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!tooShort) override.mutate({ absenceId: absence.id, reason: reason.trim() }, { onSuccess: () => setReason('') });
  };
  return (
    <Card title={t('absences.override.title')} description={t('absences.override.description')}>
      <form className="form" onSubmit={submit}>
        {override.isError ? <Alert tone="error">{errorMessage(override.error)}</Alert> : null}
        {absence.gateOverride ? <Alert tone="info">{t('absences.override.already')}</Alert> : null}
        <TextAreaField
          label={t('absences.override.reason')}
          hint={t('absences.override.reasonHint')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          rows={3}
          maxLength={2000}
          required
        />
        <div className="form__actions">
          <Button type="submit" variant="danger" busy={override.isPending} disabled={tooShort}>
            {t('absences.override.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

/**
 * `briefsPanel` is the handover part of the page (readiness, briefs), provided by the briefs feature, and
 * `returnPanel` the way to the return briefing and recovery, provided by the recovery feature, both through the
 * app's router: features never import each other.
 */
export function AbsencePage({
  briefsPanel,
  returnPanel,
}: {
  briefsPanel?: (absenceId: string) => ReactNode;
  returnPanel?: (absenceId: string, state: Absence['state']) => ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const errorMessage = useAbsenceErrorMessage();
  const absenceId = useParams().absenceId ?? '';
  const absence = useAbsence(absenceId);
  const people = usePeople();
  const clients = useCoverableClients();
  const nameOf = usePersonName(people.data);
  const change = useChangeAbsenceState();
  const rendered = useAutoReplyPreview(
    {
      autoReply: absence.data?.autoReply ?? { en: { subject: '-', body: '-' }, it: { subject: '-', body: '-' } },
      absenceId,
    },
    { enabled: Boolean(absence.data) },
  );

  if (absence.isPending) return <Loading />;
  if (absence.isError || !absence.data)
    return (
      <>
        <PageHeader title={t('absences.detail.notFound')} />
        <Alert tone="error">{errorMessage(absence.error)}</Alert>
        <Link to="/absences">{t('absences.back')}</Link>
      </>
    );
  const data = absence.data;
  const clientName = (id: string) => clients.data?.find((client) => client.id === id)?.name ?? t('absences.unknownClient');
  const step = (which: 'return' | 'close', confirmKey: string) => {
    if (window.confirm(t(confirmKey))) change.mutate({ absenceId: data.id, step: which });
  };
  const row = (term: string, value: ReactNode) => (
    <div className="details__row">
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );

  return (
    <>
      <Link className="back-link" to="/absences">
        {t('absences.back')}
      </Link>
      <PageHeader
        title={t('absences.list.awayName', { name: nameOf(data.ownerId) })}
        description={t('absences.list.range', { from: format.dateTime(data.startsAt), to: format.dateTime(data.endsAt) })}
        actions={
          <div className="absences-actions">
            {data.actions.edit ? (
              <Link className="button button--secondary" to={`/absences/${data.id}/edit`}>
                {t('absences.detail.edit')}
              </Link>
            ) : null}
            {data.actions.imBack ? (
              <Button busy={change.isPending} onClick={() => step('return', 'absences.detail.confirmBack')}>
                {t('absences.detail.imBack')}
              </Button>
            ) : null}
            {data.actions.close ? (
              <Button variant="secondary" busy={change.isPending} onClick={() => step('close', 'absences.detail.confirmClose')}>
                {data.state === 'returned' ? t('absences.detail.close') : t('absences.detail.cancel')}
              </Button>
            ) : null}
          </div>
        }
      />
      {change.isError ? <Alert tone="error">{errorMessage(change.error)}</Alert> : null}
      {data.startedWithGapAt ? (
        <Alert tone="error" title={t('absences.detail.gapTitle')}>
          {t('absences.detail.gap', { date: format.dateTime(data.startedWithGapAt) })}
        </Alert>
      ) : null}
      <CoverWarnings warnings={data.warnings} people={people.data} />
      <Card title={t('absences.detail.overview')}>
        <dl className="details">
          {row(t('absences.columns.state'), <AbsenceStateBadge state={data.state} />)}
          {row(t('absences.roles.owner'), nameOf(data.ownerId))}
          {row(t('absences.roles.primary'), nameOf(data.primaryDelegateId))}
          {row(t('absences.roles.backup'), nameOf(data.backupDelegateId))}
          {row(t('absences.roles.manager'), nameOf(data.managerId))}
          {row(t('absences.detail.timezone'), format.timezone)}
          {data.gateOverride
            ? row(
                t('absences.detail.override'),
                t('absences.detail.overrideBy', {
                  person: nameOf(data.gateOverride.by),
                  date: format.dateTime(data.gateOverride.at),
                  reason: data.gateOverride.reason,
                }),
              )
            : null}
          {data.returnedAt ? row(t('absences.detail.returnedAt'), format.dateTime(data.returnedAt)) : null}
        </dl>
      </Card>
      {returnPanel?.(data.id, data.state)}
      {briefsPanel?.(data.id)}
      <Card title={t('absences.detail.coverage', { count: data.coverage.length })}>
        {data.coverage.length === 0 ? (
          <p className="empty">{t('absences.detail.noCoverage')}</p>
        ) : (
          <ul className="chip-list absences-coverage">
            {data.coverage.map((item) => (
              <li key={`${item.clientId}-${item.projectId ?? ''}`} className="chip absences-chip">
                {clientName(item.clientId)}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t('absences.autoReply.title')} description={t('absences.autoReply.everySender')}>
        <div className="grid grid--two">
          {(['en', 'it'] as const).map((language) => (
            <figure key={language} className="absences-preview" lang={language}>
              <figcaption className="muted">{t('absences.autoReply.previewFor', { language: t(`languages.${language}`) })}</figcaption>
              <p className="absences-preview__subject">{(rendered.data?.texts ?? data.autoReply)[language].subject}</p>
              <p className="absences-preview__body">{(rendered.data?.texts ?? data.autoReply)[language].body}</p>
            </figure>
          ))}
        </div>
      </Card>
      {data.actions.statusLink ? <StatusLinkPanel absenceId={data.id} /> : null}
      {data.actions.override ? <OverrideForm absence={data} /> : null}
    </>
  );
}
