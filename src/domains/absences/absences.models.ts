import { DateTime } from 'luxon';
import { type AutoReplyTextsInput, autoReplyPlaceholders, defaultAutoReplyTexts } from '../../contracts/absences.contracts';
import type { Language } from '../../contracts/workspaces.contracts';
import type { AbsenceState } from './absences.schema';

/** A half-open time window [from, to): the start belongs to it, the end does not. */
export type TimeWindow = { from: Date; to: Date };
export type DelegateRole = 'primary' | 'backup' | 'manager';
export type ActingDelegate = { userId: string; role: DelegateRole };
export type CoverPeople = {
  startsAt: Date;
  endsAt: Date;
  primaryDelegateId: string;
  backupDelegateId: string | null;
  managerId: string;
};
/** Each person's own absences (their away windows), by user id. */
export type AwayWindows = Record<string, TimeWindow[] | undefined>;

const covers = (window: TimeWindow, at: Date) => window.from.getTime() <= at.getTime() && at.getTime() < window.to.getTime();
export const isAway = (awayWindows: AwayWindows, userId: string, at: Date) =>
  (awayWindows[userId] ?? []).some((window) => covers(window, at));

/**
 * Who answers for the owner at a moment: the primary delegate unless they are away themselves,
 * then the backup, then the manager. Null outside the absence, or when all three are away.
 */
export function actingDelegate(
  { absence, awayWindows }: { absence: CoverPeople; awayWindows: AwayWindows },
  at: Date,
): ActingDelegate | null {
  if (!covers({ from: absence.startsAt, to: absence.endsAt }, at)) return null;
  const chain: ActingDelegate[] = [
    { userId: absence.primaryDelegateId, role: 'primary' },
    ...(absence.backupDelegateId ? [{ userId: absence.backupDelegateId, role: 'backup' as const }] : []),
    { userId: absence.managerId, role: 'manager' },
  ];
  return chain.find((candidate) => !isAway(awayWindows, candidate.userId, at)) ?? null;
}

export type CoverWarning = {
  kind: 'primary_away' | 'backup_away' | 'manager_away';
  userId: string;
  from: Date;
  to: Date;
  coveredBy: ActingDelegate | null;
};

/**
 * The stretches of the absence where one of its people is away, and who covers then. The window is
 * cut at every boundary of anyone's away window, so the acting delegate is constant in each piece;
 * neighbouring pieces with the same warning are merged.
 */
export function coverWarnings({ absence, awayWindows }: { absence: CoverPeople; awayWindows: AwayWindows }): CoverWarning[] {
  const people: [CoverWarning['kind'], string | null][] = [
    ['primary_away', absence.primaryDelegateId],
    ['backup_away', absence.backupDelegateId],
    ['manager_away', absence.managerId],
  ];
  const start = absence.startsAt.getTime();
  const end = absence.endsAt.getTime();
  const cuts = new Set([start, end]);
  for (const [, userId] of people)
    for (const window of userId ? (awayWindows[userId] ?? []) : [])
      for (const edge of [window.from.getTime(), window.to.getTime()]) if (edge > start && edge < end) cuts.add(edge);
  const points = [...cuts].sort((a, b) => a - b);
  const warnings: CoverWarning[] = [];
  for (let index = 0; index + 1 < points.length; index += 1) {
    const from = new Date(points[index] as number);
    const to = new Date(points[index + 1] as number);
    const coveredBy = actingDelegate({ absence, awayWindows }, from);
    for (const [kind, userId] of people) {
      if (!userId || !isAway(awayWindows, userId, from)) continue;
      const previous = warnings.findLast((warning) => warning.kind === kind && warning.userId === userId);
      const sameCover = previous?.coveredBy?.userId === coveredBy?.userId && previous?.coveredBy?.role === coveredBy?.role;
      if (previous && previous.to.getTime() === from.getTime() && sameCover) previous.to = to;
      else warnings.push({ kind, userId, from, to, coveredBy });
    }
  }
  return warnings.sort((a, b) => a.from.getTime() - b.from.getTime());
}

/** The time an absence really kept its owner away: it ends early when they came back early. */
export function awayWindowOf(absence: { startsAt: Date; endsAt: Date; returnedAt: Date | null }): TimeWindow {
  const to = absence.returnedAt && absence.returnedAt < absence.endsAt ? absence.returnedAt : absence.endsAt;
  return { from: absence.startsAt, to };
}

/** What of a person's own absence keeps them away. */
export type AwayAbsence = {
  id: string;
  ownerId: string;
  state: AbsenceState;
  startsAt: Date;
  endsAt: Date;
  startedAt: Date | null;
  returnedAt: Date | null;
};

/** Each person's away windows from their own absences (closed plans that never started do not count). */
export function awayWindowsFrom(rows: AwayAbsence[], exceptId?: string): AwayWindows {
  const windows: AwayWindows = {};
  for (const row of rows) {
    if (row.id === exceptId || (row.state === 'closed' && !row.startedAt)) continue;
    windows[row.ownerId] = [...(windows[row.ownerId] ?? []), awayWindowOf(row)];
  }
  return windows;
}

/**
 * Who covers an absence at a moment (the manager when nobody else can) and which of its delegates and manager are
 * away then, from their own absences that overlap it.
 */
export function coverFrom(absence: CoverPeople, othersOverlapping: AwayAbsence[], at: Date) {
  const people = [absence.primaryDelegateId, absence.backupDelegateId, absence.managerId].filter((id): id is string => Boolean(id));
  const awayWindows = awayWindowsFrom(othersOverlapping);
  return {
    acting: actingDelegate({ absence, awayWindows }, at) ?? { userId: absence.managerId, role: 'manager' as const },
    away: new Set(people.filter((id) => isAway(awayWindows, id, at))),
  };
}

export type PlanProblem =
  | 'absence.ends_before_start'
  | 'absence.ends_in_past'
  | 'absence.delegate_is_owner'
  | 'absence.delegates_same'
  | 'absence.manager_is_owner';

/** The rules of a plan, whatever else is in the database. */
export function planProblem(
  plan: { ownerId: string; startsAt: Date; endsAt: Date; primaryDelegateId: string; backupDelegateId: string | null; managerId: string },
  now: Date,
): PlanProblem | null {
  if (plan.endsAt.getTime() <= plan.startsAt.getTime()) return 'absence.ends_before_start';
  if (plan.endsAt.getTime() <= now.getTime()) return 'absence.ends_in_past';
  if (plan.primaryDelegateId === plan.ownerId || plan.backupDelegateId === plan.ownerId) return 'absence.delegate_is_owner';
  if (plan.backupDelegateId === plan.primaryDelegateId) return 'absence.delegates_same';
  if (plan.managerId === plan.ownerId) return 'absence.manager_is_owner';
  return null;
}

export type AbsenceField = 'startsAt' | 'endsAt' | 'primaryDelegateId' | 'backupDelegateId' | 'managerId' | 'coverage' | 'autoReply';

/** Dates, people and coverage change only before the absence starts; the auto-reply until the return. */
export function editableFields(state: AbsenceState): readonly AbsenceField[] {
  if (state === 'draft' || state === 'handover')
    return ['startsAt', 'endsAt', 'primaryDelegateId', 'backupDelegateId', 'managerId', 'coverage', 'autoReply'];
  if (state === 'active') return ['autoReply'];
  return [];
}

/** Which states each lifecycle step leaves from. */
export const transitionsFrom = {
  share: ['draft'],
  start: ['draft', 'handover'],
  end: ['active'],
  imBack: ['active'],
  // Closing a planned absence cancels it; an active one must return first.
  close: ['draft', 'handover', 'returned'],
  override: ['draft', 'handover'],
} as const satisfies Record<string, readonly AbsenceState[]>;

export const canTransition = (step: keyof typeof transitionsFrom, state: AbsenceState) =>
  (transitionsFrom[step] as readonly AbsenceState[]).includes(state);

/** The gate lets an absence start when the briefs side says so or a manager overrode it. */
export const gatePasses = (gate: { open: boolean; overridden: boolean }, override: unknown) =>
  gate.open || gate.overridden || Boolean(override);

// ---- auto-reply texts ----

const placeholderPattern = /\{\{\s*([^{}]*?)\s*\}\}/g;
export type AutoReplyProblem = { language: Language; field: 'subject' | 'body'; problem: 'unknown' | 'unbalanced'; token: string };

/** Placeholders a text uses that Baton does not know, and stray braces (a typo must never reach a client). */
export function autoReplyProblems(texts: AutoReplyTextsInput): AutoReplyProblem[] {
  const problems: AutoReplyProblem[] = [];
  for (const language of ['en', 'it'] as const) {
    for (const field of ['subject', 'body'] as const) {
      const text = texts[language][field];
      for (const match of text.matchAll(placeholderPattern)) {
        const name = match[1] ?? '';
        if (!(autoReplyPlaceholders as readonly string[]).includes(name))
          problems.push({ language, field, problem: 'unknown', token: match[0] });
      }
      const rest = text.replace(placeholderPattern, '');
      const stray = rest.match(/\{\{|\}\}/);
      if (stray) problems.push({ language, field, problem: 'unbalanced', token: stray[0] });
    }
  }
  return problems;
}

export type AutoReplyValues = Record<(typeof autoReplyPlaceholders)[number], string>;

/** Fills the placeholders; an empty value (no phone on file) takes the space before it along. */
export const renderAutoReplyText = (text: string, values: AutoReplyValues) =>
  text.replace(/([ \t]*)\{\{\s*([^{}]*?)\s*\}\}/g, (token, space: string, name: string) => {
    if (!(name in values)) return token;
    const value = values[name as keyof AutoReplyValues];
    return value ? space + value : '';
  });

const statusLinkLines: Record<Language, string> = {
  en: 'Status of your requests:',
  it: 'Lo stato delle sue richieste:',
};

/**
 * The body a client receives (and the owner previews): placeholders filled; a status link, when there is one,
 * goes where `{{status_link}}` stands, or on a line of its own at the end when the text has no such placeholder.
 */
export function composeAutoReplyBody(
  template: string,
  values: Omit<AutoReplyValues, 'status_link'>,
  statusLink: string | null,
  language: Language,
) {
  const body = renderAutoReplyText(template, { ...values, status_link: statusLink ?? '' });
  if (!statusLink || /\{\{\s*status_link\s*\}\}/.test(template)) return body;
  return `${body.trimEnd()}\n\n${statusLinkLines[language]} ${statusLink}`;
}

/** The return date as a client reads it: their language, the workspace's time zone. */
export const formatReturnDate = (endsAt: Date, language: Language, timeZone: string) =>
  DateTime.fromJSDate(endsAt, { zone: timeZone })
    .setLocale(language === 'it' ? 'it-IT' : 'en-GB')
    .toLocaleString({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** The texts a new absence starts with (shared with the web UI's plan form). */
export const defaultAutoReply: AutoReplyTextsInput = defaultAutoReplyTexts;
