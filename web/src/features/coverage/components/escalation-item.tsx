import type { Escalation } from '@contracts/coverage.contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/field';
import { useFormatters } from '@/lib/format';
import { useSession } from '@/lib/session';
import { useAcknowledgeEscalation } from '../api/acknowledge-escalation';
import { useResolveEscalation } from '../api/resolve-escalation';
import { EscalationEvidence } from './escalation-evidence';
import { useCoverageErrorMessage } from './use-coverage-error';

export const stateTone: Record<Escalation['state'], BadgeTone> = { open: 'danger', acknowledged: 'warning', resolved: 'success' };

function ResolveForm({ escalation, onDone }: { escalation: Escalation; onDone: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useCoverageErrorMessage();
  const resolve = useResolveEscalation();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) {
      setProblem(t('coverage.escalations.noteRequired'));
      return;
    }
    setProblem(undefined);
    resolve.mutate({ escalationId: escalation.id, note: note.trim() }, { onSuccess: onDone });
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <TextAreaField
        label={t('coverage.escalations.resolveNote')}
        rows={3}
        value={note}
        required
        error={problem}
        maxLength={5000}
        onChange={(event) => setNote(event.target.value)}
      />
      {resolve.isError ? <Alert tone="error">{errorMessage(resolve.error)}</Alert> : null}
      <div className="form__actions">
        <Button type="submit" busy={resolve.isPending}>
          {t('coverage.escalations.resolve')}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t('coverage.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** One escalation: what rule fired for whom, the evidence, and the manager's acknowledge / resolve. */
export function EscalationItem({
  escalation,
  headingLevel = 2,
  showContactLink = true,
}: {
  escalation: Escalation;
  headingLevel?: 2 | 3;
  showContactLink?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const errorMessage = useCoverageErrorMessage();
  const acknowledge = useAcknowledgeEscalation();
  const session = useSession();
  const [resolving, setResolving] = useState(false);
  // The recipient handles it; managers and admins may too (the server has the last word).
  const canHandle = session.user.id === escalation.recipientId || session.user.role === 'manager' || session.user.role === 'admin';
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="escalation">
      <div className="escalation__head">
        <Heading className="escalation__title">
          {t(`coverage.rules.${escalation.rule}`)}
          {escalation.clientName ? ` · ${escalation.clientName}` : ''}
        </Heading>
        <Badge tone={stateTone[escalation.state]}>{t(`coverage.escalations.states.${escalation.state}`)}</Badge>
      </div>
      <p className="escalation__who">
        {t('coverage.escalations.people', { owner: escalation.ownerName, delegate: escalation.delegateName })} ·{' '}
        {t(`coverage.escalations.targets.${escalation.target}`, { name: escalation.recipientName })} ·{' '}
        <time dateTime={escalation.createdAt}>{format.dateTime(escalation.createdAt)}</time>
      </p>
      <EscalationEvidence escalation={escalation} />
      {escalation.acknowledgedAt ? (
        <p className="muted escalation__trail">
          {t('coverage.escalations.acknowledgedBy', {
            name: escalation.acknowledgedByName ?? '—',
            date: format.dateTime(escalation.acknowledgedAt),
          })}
        </p>
      ) : null}
      {escalation.resolvedAt ? (
        <p className="muted escalation__trail">
          {t('coverage.escalations.resolvedBy', { name: escalation.resolvedByName ?? '—', date: format.dateTime(escalation.resolvedAt) })}
          {escalation.resolutionNote ? <span className="pre-line"> — {escalation.resolutionNote}</span> : null}
        </p>
      ) : null}
      {acknowledge.isError ? <Alert tone="error">{errorMessage(acknowledge.error)}</Alert> : null}
      {resolving ? (
        <ResolveForm escalation={escalation} onDone={() => setResolving(false)} />
      ) : (
        <div className="form__actions escalation__actions">
          {showContactLink ? (
            <Link to={`/coverage/contacts/${escalation.contactId}`} className="button button--secondary button--small">
              {t('coverage.escalations.openContact')}
            </Link>
          ) : null}
          {canHandle && escalation.state === 'open' ? (
            <Button size="small" variant="secondary" busy={acknowledge.isPending} onClick={() => acknowledge.mutate(escalation.id)}>
              {t('coverage.escalations.acknowledge')}
            </Button>
          ) : null}
          {canHandle && escalation.state !== 'resolved' ? (
            <Button size="small" onClick={() => setResolving(true)}>
              {t('coverage.escalations.resolveOpen')}
            </Button>
          ) : null}
        </div>
      )}
    </article>
  );
}
