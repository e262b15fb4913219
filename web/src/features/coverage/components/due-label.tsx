import type { ContactOutcome, ContactSummary } from '@contracts/coverage.contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { useFormatters } from '@/lib/format';

const MINUTE = 60_000;

/** "No information" is a failure the manager hears about: it must not look like a success. */
export const outcomeTone: Record<ContactOutcome, BadgeTone> = {
  answered: 'success',
  follow_up: 'info',
  handed_to_backup: 'info',
  waiting_for_owner: 'neutral',
  no_information: 'warning',
};

/** "1 h 20 min", "35 min", "3 days 4 h": whole minutes, days only beyond two of them. */
export function formatDuration(t: TFunction, ms: number): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / MINUTE));
  if (minutes < 60) return t('coverage.duration.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours >= 48) {
    const days = Math.floor(hours / 24);
    const rest = hours % 24;
    const dayText = t('coverage.duration.days', { count: days });
    return rest ? `${dayText} ${t('coverage.duration.hours', { count: rest })}` : dayText;
  }
  const rest = minutes % 60;
  const hourText = t('coverage.duration.hours', { count: hours });
  return rest ? `${hourText} ${t('coverage.duration.minutes', { count: rest })}` : hourText;
}

export type Due = { tone: BadgeTone; text: string };

/** Where a contact stands against its first-response deadline at `now` (server time). */
export function dueState(
  t: TFunction,
  contact: Pick<ContactSummary, 'dueAt' | 'warnAt' | 'state' | 'firstResponseAt'>,
  now: number,
): Due | null {
  if (contact.state === 'closed' || !contact.dueAt) return null;
  if (contact.firstResponseAt) return { tone: 'success', text: t('coverage.due.answered') };
  const left = Date.parse(contact.dueAt) - now;
  if (Math.abs(left) < MINUTE) return { tone: 'danger', text: t('coverage.due.now') };
  if (left < 0) return { tone: 'danger', text: t('coverage.due.overdueBy', { duration: formatDuration(t, left) }) };
  const warned = contact.warnAt !== null && now >= Date.parse(contact.warnAt);
  return { tone: warned ? 'warning' : 'neutral', text: t('coverage.due.dueIn', { duration: formatDuration(t, left) }) };
}

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
