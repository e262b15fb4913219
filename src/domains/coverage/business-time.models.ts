// Business time for first-response SLAs: only minutes inside working hours, on working days that are
// not holidays, count. Days are walked in the calendar's own time zone, so a daylight-saving change
// moves the instants, never the local opening hours.
import { DateTime, IANAZone } from 'luxon';
import { defaultCoverageSettings, isRealDate, localTimePattern } from '../../contracts/coverage.contracts';

export type BusinessCalendar = {
  timeZone: string;
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  workingDays: number[];
  /** `HH:mm`, local. */
  opensAt: string;
  /** `HH:mm`, local, later than opensAt. */
  closesAt: string;
  /** Local dates `YYYY-MM-DD` that are not worked. */
  holidays: string[];
};
/** In business time; one day is one working day's length. */
export type SlaTarget = { hours: number } | { days: number };

/**
 * A walk that meets no working day in this many consecutive days gives up: the calendar cannot
 * ever open (every day a holiday), and looping on would never end.
 */
export const MAX_DAYS_WITHOUT_WORK = 366;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export const defaultBusinessCalendar = (timeZone: string): BusinessCalendar => {
  const { workingDays, opensAt, closesAt, holidays } = defaultCoverageSettings.calendar;
  return { timeZone, workingDays: [...workingDays], opensAt, closesAt, holidays: [...holidays] };
};

/** Everything wrong with a calendar, in words a settings page can show; [] when it is usable. */
export function validateCalendar(calendar: BusinessCalendar): string[] {
  const problems = formatProblems(calendar);
  if (problems.length > 0) return problems;
  const gap = longestRunWithoutWork(compile(calendar));
  if (gap && gap.days >= MAX_DAYS_WITHOUT_WORK)
    problems.push(`there is no working day from ${gap.from} to ${gap.to}: every working day in between is a holiday`);
  return problems;
}

/**
 * The instant at which `minutes` of business time have passed since `start`: the earliest such
 * instant, so a window that is used up exactly ends at closing time, not at the next opening.
 * Zero minutes is `start` itself.
 */
export function addBusinessMinutes(start: Date, minutes: number, calendar: BusinessCalendar): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`business minutes must be a finite number ≥ 0, not ${minutes}`);
  const compiled = compileOrThrow(calendar);
  let remaining = Math.round(minutes * MINUTE_MS);
  let cursor = instantOf(start);
  if (remaining === 0) return new Date(cursor);
  for (const window of windowsFrom(compiled, cursor)) {
    if (window.closes <= cursor) continue;
    cursor = Math.max(cursor, window.opens);
    const available = window.closes - cursor;
    if (remaining <= available) return new Date(cursor + remaining);
    remaining -= available;
  }
  throw new Error('unreachable: windowsFrom either yields forever or throws');
}

/** Business minutes in [from, to): 0 when `to` is not after `from`. Fractional when the instants carry seconds. */
export function businessMinutesBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  const compiled = compileOrThrow(calendar);
  const start = instantOf(from);
  const end = instantOf(to);
  if (end <= start) return 0;
  let total = 0;
  for (const window of windowsFrom(compiled, start, end)) {
    if (window.opens >= end) break;
    total += Math.max(0, Math.min(window.closes, end) - Math.max(window.opens, start));
  }
  return total / MINUTE_MS;
}

/**
 * `businessMinutesBetween` for many intervals inside [from, to] (a report over thousands of contacts): the working
 * windows of the range are laid out once with their running totals, then each interval costs two binary searches
 * instead of a walk through the calendar. An interval reaching outside the range is walked as usual.
 */
export function businessMinutesCounter(range: { from: Date; to: Date }, calendar: BusinessCalendar): (from: Date, to: Date) => number {
  const compiled = compileOrThrow(calendar);
  const first = instantOf(range.from);
  const last = instantOf(range.to);
  const windows = last > first ? [...windowsFrom(compiled, first, last)] : [];
  // before[i]: business milliseconds in the windows ahead of window i.
  const before = [0];
  for (const window of windows) before.push((before[before.length - 1] ?? 0) + (window.closes - window.opens));
  /** Business milliseconds from the first window's opening up to `instant`. */
  const elapsed = (instant: number) => {
    let low = 0;
    let high = windows.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((windows[middle]?.opens ?? 0) <= instant) low = middle + 1;
      else high = middle;
    }
    const window = windows[low - 1];
    if (!window) return 0;
    return (before[low - 1] ?? 0) + Math.min(window.closes, instant) - window.opens;
  };
  return (from, to) => {
    const start = instantOf(from);
    const end = instantOf(to);
    if (end <= start) return 0;
    if (start < first || end > last) return businessMinutesBetween(from, to, calendar);
    return (elapsed(end) - elapsed(start)) / MINUTE_MS;
  };
}

export function targetMinutes(target: SlaTarget, calendar: BusinessCalendar): number {
  const amount = 'hours' in target ? target.hours : target.days;
  if (!Number.isFinite(amount) || amount <= 0) throw new RangeError(`an SLA target must be a positive number, not ${amount}`);
  if ('hours' in target) return target.hours * 60;
  const { opensAt, closesAt } = compileOrThrow(calendar);
  return target.days * (closesAt - opensAt);
}

/** First-response schedule: warning at 75 % of the target, due at 100 %, manager escalation after a second full window (200 %). */
export function slaSchedule(
  receivedAt: Date,
  target: SlaTarget,
  calendar: BusinessCalendar,
): { warnAt: Date; dueAt: Date; secondDueAt: Date } {
  const minutes = targetMinutes(target, calendar);
  return {
    warnAt: addBusinessMinutes(receivedAt, minutes * 0.75, calendar),
    dueAt: addBusinessMinutes(receivedAt, minutes, calendar),
    secondDueAt: addBusinessMinutes(receivedAt, minutes * 2, calendar),
  };
}

/** Whether business time is running at `at` (opening instant included, closing instant excluded). */
export function isBusinessTime(at: Date, calendar: BusinessCalendar): boolean {
  const instant = instantOf(at);
  const [today] = windowsFrom(compileOrThrow(calendar), instant, instant);
  return today !== undefined && today.opens <= instant && instant < today.closes;
}

/** Where a clock started at `at` begins to count: `at` itself during working hours, else the next opening. */
export function nextBusinessStart(at: Date, calendar: BusinessCalendar): Date {
  const instant = instantOf(at);
  for (const window of windowsFrom(compileOrThrow(calendar), instant)) {
    if (window.closes > instant) return new Date(Math.max(instant, window.opens));
  }
  throw new Error('unreachable: windowsFrom either yields forever or throws');
}

// ── internals ──────────────────────────────────────────────────────────────────────────────────

function instantOf(date: Date): number {
  const instant = date.getTime();
  if (Number.isNaN(instant)) throw new RangeError('an SLA time must be a valid date');
  return instant;
}

type CompiledCalendar = {
  timeZone: string;
  workingDays: ReadonlySet<number>;
  holidays: ReadonlySet<string>;
  /** Minutes after local midnight. */
  opensAt: number;
  closesAt: number;
};
/** One working day's opening hours as instants (epoch ms). */
type Window = { opens: number; closes: number };

/** Checking a zone builds an Intl formatter (~40 µs); the answer never changes while the process runs. */
const knownZones = new Map<string, boolean>();
function isKnownZone(timeZone: string): boolean {
  let known = knownZones.get(timeZone);
  if (known === undefined) {
    known = IANAZone.isValidZone(timeZone);
    if (knownZones.size < 1_000) knownZones.set(timeZone, known);
  }
  return known;
}

function formatProblems(calendar: BusinessCalendar): string[] {
  const problems: string[] = [];
  if (!isKnownZone(calendar.timeZone)) problems.push(`"${calendar.timeZone}" is not a known time zone`);
  if (calendar.workingDays.length === 0) problems.push('there must be at least one working day');
  const badDays = calendar.workingDays.filter((day) => !Number.isInteger(day) || day < 1 || day > 7);
  if (badDays.length > 0) problems.push(`working days are numbered 1 (Monday) to 7 (Sunday), not ${badDays.join(', ')}`);
  const opensOk = localTimePattern.test(calendar.opensAt);
  const closesOk = localTimePattern.test(calendar.closesAt);
  if (!opensOk) problems.push(`opening time "${calendar.opensAt}" is not a time such as 09:00`);
  if (!closesOk) problems.push(`closing time "${calendar.closesAt}" is not a time such as 18:00`);
  if (opensOk && closesOk && calendar.closesAt <= calendar.opensAt)
    problems.push(`closing time ${calendar.closesAt} must be later than opening time ${calendar.opensAt}`);
  const badHolidays = calendar.holidays.filter((day) => !isRealDate(day));
  if (badHolidays.length > 0) problems.push(`holidays must be dates such as 2026-12-25, not ${badHolidays.join(', ')}`);
  return problems;
}

function compileOrThrow(calendar: BusinessCalendar): CompiledCalendar {
  const problems = formatProblems(calendar);
  if (problems.length > 0) throw new RangeError(`invalid business calendar: ${problems.join('; ')}`);
  return compile(calendar);
}

function compile(calendar: BusinessCalendar): CompiledCalendar {
  const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  return {
    timeZone: calendar.timeZone,
    workingDays: new Set(calendar.workingDays),
    holidays: new Set(calendar.holidays),
    opensAt: minutesOf(calendar.opensAt),
    closesAt: minutesOf(calendar.closesAt),
  };
}

/** A local calendar date, carried as midnight UTC so that stepping a day never meets daylight saving. */
const dayKey = (day: number) => new Date(day).toISOString().slice(0, 10);
const isoWeekday = (day: number) => ((new Date(day).getUTCDay() + 6) % 7) + 1;
const isWorkingDay = (calendar: CompiledCalendar, day: number) =>
  calendar.workingDays.has(isoWeekday(day)) && !calendar.holidays.has(dayKey(day));

/** Resolving a zone offset is the costly step (Intl); SLA jobs and reports ask for the same days again and again. */
const instantCache = new Map<string, number>();
const INSTANT_CACHE_SIZE = 20_000;

/** A local wall-clock time → its instant; a time skipped by daylight saving moves forward by the gap (luxon's rule). */
function localInstant(calendar: CompiledCalendar, day: number, minuteOfDay: number): number {
  const key = `${calendar.timeZone} ${day} ${minuteOfDay}`;
  const cached = instantCache.get(key);
  if (cached !== undefined) return cached;
  const date = new Date(day);
  const instant = DateTime.fromObject(
    {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: Math.floor(minuteOfDay / 60),
      minute: minuteOfDay % 60,
    },
    { zone: calendar.timeZone },
  ).toMillis();
  if (instantCache.size >= INSTANT_CACHE_SIZE) instantCache.clear();
  instantCache.set(key, instant);
  return instant;
}

/**
 * The opening hours of every working day from the local date of `from` on, in order; stops after
 * the local date of `until` when given. Throws when MAX_DAYS_WITHOUT_WORK days pass without one.
 */
function* windowsFrom(calendar: CompiledCalendar, from: number, until?: number): Generator<Window> {
  const localDay = (instant: number) => {
    const local = DateTime.fromMillis(instant, { zone: calendar.timeZone });
    return Date.UTC(local.year, local.month - 1, local.day);
  };
  const lastDay = until === undefined ? Number.POSITIVE_INFINITY : localDay(until);
  let idleDays = 0;
  for (let day = localDay(from); day <= lastDay; day += DAY_MS) {
    if (!isWorkingDay(calendar, day)) {
      idleDays += 1;
      if (idleDays >= MAX_DAYS_WITHOUT_WORK)
        throw new RangeError(
          `the business calendar has no working day for ${MAX_DAYS_WITHOUT_WORK} days after ${dayKey(day - (idleDays - 1) * DAY_MS)}`,
        );
      continue;
    }
    idleDays = 0;
    const opens = localInstant(calendar, day, calendar.opensAt);
    const closes = localInstant(calendar, day, calendar.closesAt);
    // A daylight-saving gap can swallow a short window whole; then that day has no business time.
    if (closes > opens) yield { opens, closes };
  }
}

/** The longest stretch of consecutive non-working days around the holidays (a holiday run can only be that long there). */
function longestRunWithoutWork(calendar: CompiledCalendar): { from: string; to: string; days: number } | null {
  if (calendar.holidays.size === 0) return null;
  const days = [...calendar.holidays].map((key) => Date.parse(`${key}T00:00:00Z`)).sort((a, b) => a - b);
  const first = (days[0] as number) - 7 * DAY_MS;
  const last = (days[days.length - 1] as number) + 7 * DAY_MS;
  let best: { from: number; days: number } | null = null;
  let runStart: number | null = null;
  for (let day = first; day <= last + DAY_MS; day += DAY_MS) {
    const idle = day <= last && !isWorkingDay(calendar, day);
    if (idle && runStart === null) runStart = day;
    if (!idle && runStart !== null) {
      const length = Math.round((day - runStart) / DAY_MS);
      if (!best || length > best.days) best = { from: runStart, days: length };
      runStart = null;
    }
  }
  return best && { from: dayKey(best.from), to: dayKey(best.from + (best.days - 1) * DAY_MS), days: best.days };
}
