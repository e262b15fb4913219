import type { TFunction } from 'i18next';

// Pure, so the countdown wording can be tested in both languages without a browser (tests/web/coverage-due.test.ts).

const MINUTE = 60_000;

export type DueTone = 'neutral' | 'warning' | 'danger' | 'success';
export type Due = { tone: DueTone; text: string };
type Deadline = { dueAt: string | null; warnAt: string | null; state: 'open' | 'closed'; firstResponseAt: string | null };

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

/** Where a contact stands against its first-response deadline at `now` (server time); null without one. */
export function dueState(t: TFunction, contact: Deadline, now: number): Due | null {
  if (contact.state === 'closed' || !contact.dueAt) return null;
  if (contact.firstResponseAt) return { tone: 'success', text: t('coverage.due.answered') };
  const left = Date.parse(contact.dueAt) - now;
  if (Math.abs(left) < MINUTE) return { tone: 'danger', text: t('coverage.due.now') };
  if (left < 0) return { tone: 'danger', text: t('coverage.due.overdueBy', { duration: formatDuration(t, left) }) };
  const warned = contact.warnAt !== null && now >= Date.parse(contact.warnAt);
  return { tone: warned ? 'warning' : 'neutral', text: t('coverage.due.dueIn', { duration: formatDuration(t, left) }) };
}
