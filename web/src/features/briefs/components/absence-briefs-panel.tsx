import './briefs.css';
import type { Readiness } from '@contracts/absences.contracts';
import type { BriefSummary } from '@contracts/briefs.contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Loading } from '@/components/ui/loading';
import { type Column, DataTable } from '@/components/ui/table';
import { useCreateAllBriefs, useCreateBrief, useShareBriefs } from '../api/create-briefs';
import { useAbsenceBriefs, useReadiness } from '../api/get-absence-briefs';
import { ReadinessPanel } from './readiness-panel';
import { useBriefErrorMessage } from './use-brief-error';

function BriefStatus({ brief, state }: { brief: BriefSummary; state: Readiness['briefs'][number] | undefined }) {
  const { t } = useTranslation();
  if (brief.currentVersion === 0) return <Badge>{t('briefs.status.draft')}</Badge>;
  if (state?.acknowledged) return <Badge tone="success">{t('briefs.status.acknowledged')}</Badge>;
  if (state?.readBackMissing) return <Badge tone="warning">{t('briefs.status.readBackMissing')}</Badge>;
  return <Badge tone="danger">{t('briefs.status.notAcknowledged')}</Badge>;
}

/** Readiness and the brief list of one absence; rendered in the absence page's briefs slot. */
export function AbsenceBriefsPanel({ absenceId }: { absenceId: string }) {
  const { t } = useTranslation();
  const errorMessage = useBriefErrorMessage();
  const list = useAbsenceBriefs(absenceId);
  const readiness = useReadiness(absenceId);
  const createAll = useCreateAllBriefs(absenceId);
  const createOne = useCreateBrief(absenceId);
  const share = useShareBriefs(absenceId);
  const [confirming, setConfirming] = useState(false);

  if (list.isPending || readiness.isPending) return <Loading />;
  if (list.isError) return <Alert tone="error">{errorMessage(list.error)}</Alert>;
  if (readiness.isError) return <Alert tone="error">{errorMessage(readiness.error)}</Alert>;
  const { briefs, missing, viewerRole, absenceState } = list.data;
  const isOwner = viewerRole === 'owner';
  const stateOf = (briefId: string) => readiness.data.briefs.find((item) => item.briefId === briefId);
  const mutationError = createAll.error ?? createOne.error ?? share.error;

  const columns: Column<BriefSummary>[] = [
    {
      key: 'client',
      header: t('briefs.panel.columns.client'),
      isRowHeader: true,
      cell: (brief) => (
        <span className="stack stack--tight">
          <Link to={`/absences/${absenceId}/briefs/${brief.id}`}>{brief.clientName}</Link>
          {brief.keyAccount ? <Badge tone="accent">{t('briefs.status.key')}</Badge> : null}
        </span>
      ),
    },
    {
      key: 'version',
      header: t('briefs.panel.columns.version'),
      cell: (brief) => (brief.currentVersion ? t('briefs.brief.version', { version: brief.currentVersion }) : t('briefs.brief.draftOnly')),
    },
    { key: 'status', header: t('briefs.panel.columns.status'), cell: (brief) => <BriefStatus brief={brief} state={stateOf(brief.id)} /> },
    { key: 'questions', header: t('briefs.panel.columns.questions'), align: 'end', cell: (brief) => stateOf(brief.id)?.openQuestions ?? 0 },
  ];

  return (
    <div className="stack">
      <ReadinessPanel absenceId={absenceId} readiness={readiness.data} />
      <Card title={t('briefs.panel.title')}>
        <div className="stack">
          {isOwner && absenceState === 'draft' && briefs.length > 0 && !confirming ? (
            <div>
              <Button onClick={() => setConfirming(true)}>{t('briefs.panel.share')}</Button>
            </div>
          ) : null}
          {mutationError ? <Alert tone="error">{errorMessage(mutationError)}</Alert> : null}
          {share.isSuccess ? <Alert tone="success">{t('briefs.panel.shared')}</Alert> : null}
          {confirming ? (
            <div className="alert alert--warning" role="alertdialog" aria-labelledby="share-confirm-text">
              <p id="share-confirm-text">{t('briefs.panel.shareConfirm')}</p>
              <div className="form__actions">
                <Button busy={share.isPending} onClick={() => share.mutate(undefined, { onSettled: () => setConfirming(false) })}>
                  {t('briefs.panel.shareConfirmYes')}
                </Button>
                <Button variant="secondary" onClick={() => setConfirming(false)}>
                  {t('briefs.panel.cancel')}
                </Button>
              </div>
            </div>
          ) : null}
          <DataTable
            caption={t('briefs.panel.title')}
            columns={columns}
            rows={briefs}
            rowKey={(brief) => brief.id}
            empty={t('briefs.panel.empty')}
          />
          {missing.length > 0 ? (
            <>
              <h3 className="card__title">{t('briefs.panel.missingTitle')}</h3>
              <ul className="stack stack--tight">
                {missing.map((item) => (
                  <li key={`${item.clientId}-${item.projectId ?? ''}`} className="missing-brief">
                    <span>
                      {item.clientName} {item.keyAccount ? <Badge tone="accent">{t('briefs.status.key')}</Badge> : null}
                    </span>
                    {isOwner ? (
                      <Button size="small" variant="secondary" busy={createOne.isPending} onClick={() => createOne.mutate(item.clientId)}>
                        {t('briefs.panel.create')}
                      </Button>
                    ) : null}
                  </li>
                ))}
              </ul>
              {isOwner ? (
                <div>
                  <Button variant="secondary" busy={createAll.isPending} onClick={() => createAll.mutate(undefined)}>
                    {t('briefs.panel.createAll')}
                  </Button>
                </div>
              ) : null}
            </>
          ) : null}
        </div>
      </Card>
    </div>
  );
}
