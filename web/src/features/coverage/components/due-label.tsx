import type { ContactOutcome, ContactSummary } from '@contracts/coverage.contracts';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { useFormatters } from '@/lib/format';
import { dueState } from './due';

/** "No information" is a failure the manager hears about: it must not look like a success. */
export const outcomeTone: Record<ContactOutcome, BadgeTone> = {
  answered: 'success',
  follow_up: 'info',
  handed_to_backup: 'info',
  waiting_for_owner: 'neutral',
  no_information: 'warning',
};

/** The live countdown; the exact deadline is in the title and the machine-readable time. */
export function DueLabel({ contact, now }: { contact: ContactSummary; now: number }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (contact.state === 'closed') {
    if (!contact.outcome) return <Badge tone="neutral">{t('coverage.states.closed')}</Badge>;
    return <Badge tone={outcomeTone[contact.outcome]}>{t(`coverage.outcomes.${contact.outcome}`)}</Badge>;
  }
  const due = dueState(t, contact, now);
  if (!due || !contact.dueAt) return <span className="muted">{t('coverage.due.none')}</span>;
  return (
    <time dateTime={contact.dueAt} title={t('coverage.due.deadline', { date: format.dateTime(contact.dueAt) })}>
      <Badge tone={due.tone}>{due.text}</Badge>
    </time>
  );
}
