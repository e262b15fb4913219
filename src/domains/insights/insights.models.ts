// Team insights: per absence and per delegate over a period, how ready the handover was and how the client contacts
// were handled. Pure: the repository reads the facts, these functions count them, so the page, the CSV and the tests agree.
import { DateTime } from 'luxon';
import type { ClientStatus } from '../../contracts/clients.contracts';
import type { ContactKind, ContactOutcome } from '../../contracts/coverage.contracts';
import type { AbsenceInsight, ClientChanges, DelegateInsight, Insights, ResponseTimes } from '../../contracts/insights.contracts';

/** A status change counts for an absence while it runs and this long after its return: the recovery's horizon. */
export const ATTRIBUTION_DAYS = 90;
export const MAX_PERIOD_YEARS = 5;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export type Period = { from: string; to: string; timeZone: string; start: Date; end: Date };

export type AbsenceFacts = {
  id: string;
  ownerId: string;
  startsAt: Date;
  endsAt: Date;
  returnedAt: Date | null;
  primaryDelegateId: string;
  backupDelegateId: string | null;
  /** The `absence.started` audit event's facts (score 0–1); null when none was recorded. */
  readiness: { score: number; gateOpen: boolean; overridden: boolean } | null;
  clientIds: string[];
};

export type ContactFacts = {
  absenceId: string;
  kind: ContactKind;
  receivedAt: Date;
  dueAt: Date | null;
  firstResponseAt: Date | null;
  closedAt: Date | null;
  outcome: ContactOutcome | null;
  /** Who handled it: the first responder, else who closed it, else whose queue it was in while the absence ran. */
  handlerId: string;
  /** Escalation rules that fired for it (one per rule, whoever was told). */
  escalations: number;
};

export type StatusChangeFacts = { clientId: string; from: ClientStatus | null; to: ClientStatus; at: Date };

/** Business minutes between two instants in the workspace's calendar. */
export type BusinessMinutes = (from: Date, to: Date) => number;

// ---- the period ----

export type PeriodProblem = 'reversed' | 'too_long';

/** The last 12 months up to today, in the workspace's time zone. */
export function defaultPeriod(now: Date, timeZone: string): { from: string; to: string } {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  return { from: today.minus({ months: 12 }).toISODate() ?? '', to: today.toISODate() ?? '' };
}

/** Both days are included: the period runs from `from` 00:00 to the end of `to`, in the workspace's time zone. */
export function periodOf(from: string, to: string, timeZone: string): Period | PeriodProblem {
  const first = DateTime.fromISO(from, { zone: timeZone }).startOf('day');
  const last = DateTime.fromISO(to, { zone: timeZone }).startOf('day');
  if (last < first) return 'reversed';
  if (last > first.plus({ years: MAX_PERIOD_YEARS })) return 'too_long';
  return { from, to, timeZone, start: first.toJSDate(), end: last.plus({ days: 1 }).toJSDate() };
}

/** When the absence stopped: the (early) return, else its planned end. */
export const absenceEnd = (absence: Pick<AbsenceFacts, 'endsAt' | 'returnedAt'>) => absence.returnedAt ?? absence.endsAt;

/** The absence ran for at least a moment inside the period. */
export const overlapsPeriod = (absence: Pick<AbsenceFacts, 'startsAt' | 'endsAt' | 'returnedAt'>, period: Pick<Period, 'start' | 'end'>) =>
  absence.startsAt < period.end && absenceEnd(absence) > period.start;

/** The earliest absence end that can still own a status change inside the period (what the repository reads from). */
export const attributionStart = (period: Pick<Period, 'start'>) => new Date(period.start.getTime() - ATTRIBUTION_DAYS * DAY_MS);

// ---- numbers ----

/**
 * The p-th percentile (0–1) by linear interpolation between the closest ranks (as spreadsheets' PERCENTILE.INC):
 * p = 0.5 is the usual median, the mean of the two middle values of an even count. Null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const below = Math.floor(rank);
  const lower = sorted[below] ?? 0;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] ?? lower;
  return lower + (upper - lower) * (rank - below);
}

const oneDecimal = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/**
 * An SLA breach: an email's first response came after its deadline, or it had none and was still waiting when the
 * deadline passed (the waiting stops at the first response, else when the contact was closed, else it goes on now).
 * Calls and meetings have no deadline: they were answered as they happened.
 */
export function isSlaBreach(contact: Pick<ContactFacts, 'dueAt' | 'firstResponseAt' | 'closedAt'>, now: Date): boolean {
  if (!contact.dueAt) return false;
  const stoppedWaiting = contact.firstResponseAt ?? contact.closedAt ?? now;
  return stoppedWaiting > contact.dueAt;
}

/** A contact with its time to first response, worked out once (business minutes walk the calendar day by day). */
export type TimedContact = ContactFacts & { response: { minutes: number; businessMinutes: number } | null };

/** Emails only: calls and meetings are answered as they happen and would only pull the times to 0. */
export function timeContacts(contacts: readonly ContactFacts[], businessMinutes: BusinessMinutes): TimedContact[] {
  return contacts.map((contact) => {
    const answeredAt = contact.kind === 'email' ? contact.firstResponseAt : null;
    return {
      ...contact,
      response: answeredAt
        ? {
            minutes: (answeredAt.getTime() - contact.receivedAt.getTime()) / MINUTE_MS,
            businessMinutes: businessMinutes(contact.receivedAt, answeredAt),
          }
        : null,
    };
  });
}

/** Time to first response over the emails that got one. */
export function responseTimes(contacts: readonly TimedContact[]): ResponseTimes {
  const responses = contacts.flatMap((contact) => (contact.response ? [contact.response] : []));
  const wall = responses.map((response) => response.minutes);
  const business = responses.map((response) => response.businessMinutes);
  return {
    answered: responses.length,
    medianMinutes: oneDecimal(percentile(wall, 0.5)),
    p90Minutes: oneDecimal(percentile(wall, 0.9)),
    medianBusinessMinutes: oneDecimal(percentile(business, 0.5)),
    p90BusinessMinutes: oneDecimal(percentile(business, 0.9)),
  };
}

export function summariseHandling(contacts: readonly TimedContact[], now: Date) {
  return {
    contacts: contacts.length,
    emails: contacts.filter((contact) => contact.kind === 'email').length,
    firstResponse: responseTimes(contacts),
    slaBreaches: contacts.filter((contact) => isSlaBreach(contact, now)).length,
    noInformation: contacts.filter((contact) => contact.outcome === 'no_information').length,
    escalations: contacts.reduce((sum, contact) => sum + contact.escalations, 0),
  };
}

// ---- clients at risk, lost, won back ----

type ClientChangeKind = keyof ClientChanges;

export function changeKind(change: Pick<StatusChangeFacts, 'from' | 'to'>): ClientChangeKind | null {
  if (change.to === 'at_risk') return 'atRisk';
  if (change.to === 'lost') return 'lost';
  if (change.to === 'won_back' || (change.from === 'lost' && change.to === 'active')) return 'wonBack';
  return null;
}

/**
 * Each status change inside the period goes to the latest absence that covered the client and had started by then,
 * if it came before that absence's end plus ATTRIBUTION_DAYS; a client counts once per kind and absence.
 */
export function attributeStatusChanges(
  absences: readonly AbsenceFacts[],
  changes: readonly StatusChangeFacts[],
  period: Pick<Period, 'start' | 'end'>,
): Map<string, ClientChanges> {
  const seen = new Map<string, Record<ClientChangeKind, Set<string>>>();
  for (const change of changes) {
    const kind = changeKind(change);
    if (!kind || change.at < period.start || change.at >= period.end) continue;
    const owner = absences
      .filter((absence) => absence.clientIds.includes(change.clientId) && absence.startsAt <= change.at)
      .reduce<AbsenceFacts | null>((latest, absence) => (!latest || absence.startsAt > latest.startsAt ? absence : latest), null);
    if (!owner || change.at.getTime() > absenceEnd(owner).getTime() + ATTRIBUTION_DAYS * DAY_MS) continue;
    const sets = seen.get(owner.id) ?? { atRisk: new Set(), lost: new Set(), wonBack: new Set() };
    sets[kind].add(change.clientId);
    seen.set(owner.id, sets);
  }
  return new Map([...seen].map(([id, sets]) => [id, { atRisk: sets.atRisk.size, lost: sets.lost.size, wonBack: sets.wonBack.size }]));
}

// ---- the rows ----

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

const noChanges: ClientChanges = { atRisk: 0, lost: 0, wonBack: 0 };

/**
 * The insights of a period. `absences` may include absences that ended before the period (they can own a status
 * change inside it); only those overlapping the period get a row, and only their contacts count. Each contact counts
 * for exactly one person, its handler, so the delegates' rows add up to the totals.
 */
export function buildInsights(input: {
  period: Period;
  absences: readonly AbsenceFacts[];
  contacts: readonly ContactFacts[];
  changes: readonly StatusChangeFacts[];
  nameOf: (userId: string) => string;
  now: Date;
  businessMinutes: BusinessMinutes;
}): Insights {
  const { period, now, businessMinutes, nameOf } = input;
  const inPeriod = input.absences.filter((absence) => overlapsPeriod(absence, period));
  const ids = new Set(inPeriod.map((absence) => absence.id));
  const contacts = timeContacts(
    input.contacts.filter((contact) => ids.has(contact.absenceId)),
    businessMinutes,
  );
  const byAbsence = groupBy(contacts, (contact) => contact.absenceId);
  const byHandler = groupBy(contacts, (contact) => contact.handlerId);
  const changes = attributeStatusChanges(input.absences, input.changes, period);
  const person = (id: string) => ({ id, name: nameOf(id) });

  const absences: AbsenceInsight[] = [...inPeriod]
    .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime() || a.id.localeCompare(b.id))
    .map((absence) => ({
      absenceId: absence.id,
      owner: person(absence.ownerId),
      startsAt: absence.startsAt.toISOString(),
      endsAt: absence.endsAt.toISOString(),
      returnedAt: absence.returnedAt?.toISOString() ?? null,
      delegates: [
        { ...person(absence.primaryDelegateId), role: 'primary' as const },
        ...(absence.backupDelegateId ? [{ ...person(absence.backupDelegateId), role: 'backup' as const }] : []),
      ],
      readiness: absence.readiness
        ? {
            percent: Math.round(Math.min(1, Math.max(0, absence.readiness.score)) * 100),
            gateOpen: absence.readiness.gateOpen,
            overridden: absence.readiness.overridden,
          }
        : null,
      ...summariseHandling(byAbsence.get(absence.id) ?? [], now),
      clients: changes.get(absence.id) ?? noChanges,
    }));

  const covered = new Map<string, Set<string>>();
  const cover = (personId: string, absenceId: string) => covered.set(personId, (covered.get(personId) ?? new Set()).add(absenceId));
  for (const absence of inPeriod) {
    cover(absence.primaryDelegateId, absence.id);
    if (absence.backupDelegateId) cover(absence.backupDelegateId, absence.id);
  }
  for (const contact of contacts) cover(contact.handlerId, contact.absenceId);
  const delegates: DelegateInsight[] = [...covered]
    .map(([id, absenceIds]) => ({
      ...person(id),
      absences: absenceIds.size,
      ...summariseHandling(byHandler.get(id) ?? [], now),
    }))
    .sort((a, b) => b.contacts - a.contacts || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));

  const sumChanges = absences.reduce(
    (sum, row) => ({
      atRisk: sum.atRisk + row.clients.atRisk,
      lost: sum.lost + row.clients.lost,
      wonBack: sum.wonBack + row.clients.wonBack,
    }),
    noChanges,
  );
  return {
    period: { from: period.from, to: period.to, timeZone: period.timeZone },
    totals: { absences: absences.length, ...summariseHandling(contacts, now), clients: sumChanges },
    absences,
    delegates,
  };
}
