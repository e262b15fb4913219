import { describe, expect, it } from 'vitest';
import { instantToLocal, localToInstant } from '../../platform/clock/zoned-time';
import {
  addBusinessMinutes,
  type BusinessCalendar,
  businessMinutesBetween,
  businessMinutesCounter,
  defaultBusinessCalendar,
  isBusinessTime,
  MAX_DAYS_WITHOUT_WORK,
  nextBusinessStart,
  type SlaTarget,
  slaSchedule,
  targetMinutes,
  validateCalendar,
} from './business-time.models';

const ROME = 'Europe/Rome';
const italianHolidays = ['2026-11-01', '2026-12-08', '2026-12-25', '2026-12-26', '2027-01-01', '2027-01-06'];
const rome: BusinessCalendar = { ...defaultBusinessCalendar(ROME), holidays: italianHolidays };
const at = (local: string, timeZone = ROME) => localToInstant(local, timeZone);
const local = (instant: Date, timeZone = ROME) => instantToLocal(instant, timeZone);
const mondays = (from: string, count: number) =>
  Array.from({ length: count }, (_, week) => new Date(Date.parse(`${from}T00:00:00Z`) + week * 7 * 86_400_000).toISOString().slice(0, 10));

describe('addBusinessMinutes (Rome, Monday–Friday 09:00–18:00, Italian holidays)', () => {
  const cases: { name: string; start: string; minutes: number; calendar?: BusinessCalendar; expected: string }[] = [
    {
      name: '4 h from Friday 16:00 carry over the weekend to Monday 11:00',
      start: '2026-12-18T16:00',
      minutes: 240,
      expected: '2026-12-21T11:00',
    },
    {
      name: '4 h from Friday 16:00 with 09:00–17:00 hours end Monday 12:00',
      start: '2026-12-18T16:00',
      minutes: 240,
      calendar: { ...rome, closesAt: '17:00' },
      expected: '2026-12-21T12:00',
    },
    { name: '1 working day from Monday 15:00 is Tuesday 15:00', start: '2026-11-02T15:00', minutes: 540, expected: '2026-11-03T15:00' },
    { name: 'a Saturday arrival starts counting Monday 09:00', start: '2026-11-07T10:00', minutes: 240, expected: '2026-11-09T13:00' },
    { name: 'arrival at 18:00 exactly counts from the next morning', start: '2026-11-06T18:00', minutes: 60, expected: '2026-11-09T10:00' },
    { name: 'arrival at 09:00 exactly counts at once', start: '2026-11-02T09:00', minutes: 60, expected: '2026-11-02T10:00' },
    { name: 'arrival one minute before opening', start: '2026-11-02T08:59', minutes: 1, expected: '2026-11-02T09:01' },
    {
      name: 'a window used up exactly ends at closing time, not next morning',
      start: '2026-11-02T17:00',
      minutes: 60,
      expected: '2026-11-02T18:00',
    },
    {
      name: 'one minute past a used-up window is the next opening plus one',
      start: '2026-11-02T17:00',
      minutes: 61,
      expected: '2026-11-03T09:01',
    },
    { name: 'zero minutes is the start itself, even on a Saturday', start: '2026-11-07T10:00', minutes: 0, expected: '2026-11-07T10:00' },
    { name: 'arrival in the night counts from the morning', start: '2026-11-03T02:00', minutes: 30, expected: '2026-11-03T09:30' },
    { name: 'Christmas and the weekend are skipped', start: '2026-12-24T17:00', minutes: 240, expected: '2026-12-28T12:00' },
    { name: 'New Year’s Day is skipped', start: '2026-12-31T16:00', minutes: 540, expected: '2027-01-04T16:00' },
    { name: 'Epiphany on a Wednesday is skipped', start: '2027-01-05T17:00', minutes: 120, expected: '2027-01-07T10:00' },
    { name: 'arrival on a holiday counts from the next working day', start: '2026-12-08T11:00', minutes: 60, expected: '2026-12-09T10:00' },
    { name: 'fractional minutes keep their seconds', start: '2026-11-02T09:00', minutes: 22.5, expected: '2026-11-02T09:22' },
    {
      name: 'a two-week summer closure is skipped',
      start: '2026-08-07T17:00',
      minutes: 120,
      calendar: {
        ...rome,
        holidays: [
          '2026-08-10',
          '2026-08-11',
          '2026-08-12',
          '2026-08-13',
          '2026-08-14',
          '2026-08-17',
          '2026-08-18',
          '2026-08-19',
          '2026-08-20',
          '2026-08-21',
        ],
      },
      expected: '2026-08-24T10:00',
    },
    {
      name: 'a Saturday worker counts Saturday and skips Sunday',
      start: '2026-11-07T17:00',
      minutes: 120,
      calendar: { ...rome, workingDays: [1, 2, 3, 4, 5, 6] },
      expected: '2026-11-09T10:00',
    },
    { name: 'a long target spans weeks (100 h = 11 days and 1 h)', start: '2026-11-02T09:00', minutes: 6000, expected: '2026-11-17T10:00' },
  ];
  it.each(cases)('$name', ({ start, minutes, calendar, expected }) => {
    expect(local(addBusinessMinutes(at(start), minutes, calendar ?? rome))).toBe(expected);
  });

  it('refuses an invalid date', () => {
    expect(() => addBusinessMinutes(new Date(Number.NaN), 60, rome)).toThrow(/valid date/);
    expect(() => businessMinutesBetween(at('2026-11-02T09:00'), new Date('nope'), rome)).toThrow(/valid date/);
  });

  it('refuses negative or non-finite minutes', () => {
    expect(() => addBusinessMinutes(at('2026-11-02T09:00'), -1, rome)).toThrow(/≥ 0/);
    expect(() => addBusinessMinutes(at('2026-11-02T09:00'), Number.NaN, rome)).toThrow(/≥ 0/);
  });
});

describe('daylight saving (Europe/Rome)', () => {
  it('4 h from Friday 17:00 before the spring change end Monday 12:00 local, one real hour less later', () => {
    const start = at('2027-03-26T17:00');
    const due = addBusinessMinutes(start, 240, rome);
    expect(local(due)).toBe('2027-03-29T12:00');
    expect(due.toISOString()).toBe('2027-03-29T10:00:00.000Z');
    expect((due.getTime() - start.getTime()) / 3_600_000).toBe(66);
    expect(businessMinutesBetween(start, due, rome)).toBe(240);
  });

  it('4 h from Friday 17:00 before the autumn change end Monday 12:00 local, one real hour more later', () => {
    const start = at('2026-10-23T17:00');
    const due = addBusinessMinutes(start, 240, rome);
    expect(local(due)).toBe('2026-10-26T12:00');
    expect((due.getTime() - start.getTime()) / 3_600_000).toBe(68);
    expect(businessMinutesBetween(start, due, rome)).toBe(240);
  });

  // Working hours across the change count the real minutes: the spring night is an hour shorter.
  const night: BusinessCalendar = { ...rome, workingDays: [1, 2, 3, 4, 5, 6, 7], opensAt: '01:00', closesAt: '04:00', holidays: [] };
  it.each([
    { name: 'spring-forward night (02:00–03:00 does not exist)', day: '2027-03-28', next: '2027-03-29', expected: 120 },
    { name: 'fall-back night (02:00–03:00 happens twice)', day: '2026-10-25', next: '2026-10-26', expected: 240 },
    { name: 'an ordinary night', day: '2026-11-01', next: '2026-11-02', expected: 180 },
  ])('a 01:00–04:00 window on the $name counts $expected minutes', ({ day, next, expected }) => {
    expect(businessMinutesBetween(at(`${day}T00:00`), at(`${next}T00:00`), night)).toBe(expected);
  });

  it('a window swallowed by the spring gap has no business time that day', () => {
    // 02:30 does not exist and becomes 03:30, after the 03:15 closing.
    const calendar: BusinessCalendar = { ...night, opensAt: '02:30', closesAt: '03:15' };
    expect(businessMinutesBetween(at('2027-03-28T00:00'), at('2027-03-29T00:00'), calendar)).toBe(0);
    expect(local(addBusinessMinutes(at('2027-03-28T00:00'), 10, calendar))).toBe('2027-03-29T02:40');
  });
});

describe('businessMinutesBetween', () => {
  const cases: { name: string; from: string; to: string; expected: number }[] = [
    { name: 'inside one working day', from: '2026-11-02T10:00', to: '2026-11-02T12:30', expected: 150 },
    { name: 'over a weekend', from: '2026-11-06T17:00', to: '2026-11-09T10:00', expected: 120 },
    { name: 'entirely in a weekend', from: '2026-11-07T08:00', to: '2026-11-08T20:00', expected: 0 },
    { name: 'from the night to the evening', from: '2026-11-02T00:00', to: '2026-11-02T23:59', expected: 540 },
    { name: 'a full week', from: '2026-11-02T00:00', to: '2026-11-09T00:00', expected: 5 * 540 },
    { name: 'over Christmas', from: '2026-12-24T17:00', to: '2026-12-28T10:00', expected: 120 },
    { name: 'end before start', from: '2026-11-02T12:00', to: '2026-11-02T10:00', expected: 0 },
    { name: 'end equal to start', from: '2026-11-02T12:00', to: '2026-11-02T12:00', expected: 0 },
  ];
  it.each(cases)('$name: $expected', ({ from, to, expected }) => {
    expect(businessMinutesBetween(at(from), at(to), rome)).toBe(expected);
  });

  it('is exact to the millisecond', () => {
    const from = new Date(at('2026-11-02T09:00').getTime() + 30_000);
    expect(businessMinutesBetween(from, at('2026-11-02T09:01'), rome)).toBe(0.5);
  });
});

describe('businessMinutesBetween is the inverse of addBusinessMinutes', () => {
  // A fixed linear congruential sequence: varied samples, the same on every run.
  const samples = (seed: number, count: number) => {
    let state = seed;
    const next = () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    };
    const from = Date.parse('2026-09-01T00:00:00Z');
    const span = Date.parse('2027-05-01T00:00:00Z') - from;
    return Array.from({ length: count }, () => ({ start: new Date(from + Math.floor(next() * span)), minutes: Math.floor(next() * 8000) }));
  };
  const calendars: { name: string; seed: number; calendar: BusinessCalendar }[] = [
    { name: 'Rome with holidays', seed: 1, calendar: rome },
    {
      name: 'New York, Sunday to Thursday, 08:30–17:15',
      seed: 2,
      calendar: {
        timeZone: 'America/New_York',
        workingDays: [7, 1, 2, 3, 4],
        opensAt: '08:30',
        closesAt: '17:15',
        holidays: ['2026-11-26', '2026-12-25'],
      },
    },
    {
      name: 'Rome every day through the night',
      seed: 3,
      calendar: { ...rome, workingDays: [1, 2, 3, 4, 5, 6, 7], opensAt: '00:00', closesAt: '23:59' },
    },
  ];
  it.each(calendars)('$name', ({ seed, calendar }) => {
    for (const { start, minutes } of samples(seed, 300)) {
      const end = addBusinessMinutes(start, minutes, calendar);
      expect(businessMinutesBetween(start, end, calendar)).toBe(minutes);
      // The earliest such instant: one millisecond before, the target was not yet reached.
      if (minutes > 0) expect(businessMinutesBetween(start, new Date(end.getTime() - 1), calendar)).toBeLessThan(minutes);
    }
  });
});

describe('nextBusinessStart and isBusinessTime', () => {
  const cases: { at: string; start: string; running: boolean }[] = [
    { at: '2026-11-07T10:00', start: '2026-11-09T09:00', running: false },
    { at: '2026-11-02T09:00', start: '2026-11-02T09:00', running: true },
    { at: '2026-11-02T17:59', start: '2026-11-02T17:59', running: true },
    { at: '2026-11-02T18:00', start: '2026-11-03T09:00', running: false },
    { at: '2026-12-24T18:30', start: '2026-12-28T09:00', running: false },
    { at: '2027-01-06T10:00', start: '2027-01-07T09:00', running: false },
  ];
  it.each(cases)('at $at the clock counts from $start (running: $running)', ({ at: when, start, running }) => {
    expect(local(nextBusinessStart(at(when), rome))).toBe(start);
    expect(isBusinessTime(at(when), rome)).toBe(running);
  });
});

describe('targetMinutes', () => {
  const cases: { target: SlaTarget; calendar?: BusinessCalendar; expected: number }[] = [
    { target: { hours: 4 }, expected: 240 },
    { target: { hours: 0.5 }, expected: 30 },
    { target: { days: 1 }, expected: 540 },
    { target: { days: 2 }, calendar: { ...rome, opensAt: '08:30', closesAt: '12:30' }, expected: 480 },
    { target: { days: 0.5 }, expected: 270 },
  ];
  it.each(cases)('$target → $expected minutes', ({ target, calendar, expected }) => {
    expect(targetMinutes(target, calendar ?? rome)).toBe(expected);
  });

  it('refuses a target that is not positive', () => {
    expect(() => targetMinutes({ hours: 0 }, rome)).toThrow(/positive/);
    expect(() => targetMinutes({ days: -1 }, rome)).toThrow(/positive/);
  });
});

describe('slaSchedule: warn at 75 %, due at 100 %, escalate at 200 %', () => {
  const cases: { name: string; receivedAt: string; target: SlaTarget; expected: [string, string, string] }[] = [
    {
      name: 'key account, 4 h, Monday morning',
      receivedAt: '2026-11-02T10:00',
      target: { hours: 4 },
      expected: ['2026-11-02T13:00', '2026-11-02T14:00', '2026-11-02T18:00'],
    },
    {
      name: 'key account, 4 h, Saturday',
      receivedAt: '2026-11-07T10:00',
      target: { hours: 4 },
      expected: ['2026-11-09T12:00', '2026-11-09T13:00', '2026-11-09T17:00'],
    },
    {
      name: 'standard, 1 day, Friday afternoon',
      receivedAt: '2026-12-18T15:00',
      target: { days: 1 },
      expected: ['2026-12-21T12:45', '2026-12-21T15:00', '2026-12-22T15:00'],
    },
    {
      name: 'standard, 1 day, Christmas Eve',
      receivedAt: '2026-12-24T12:00',
      target: { days: 1 },
      expected: ['2026-12-28T09:45', '2026-12-28T12:00', '2026-12-29T12:00'],
    },
  ];
  it.each(cases)('$name', ({ receivedAt, target, expected }) => {
    const schedule = slaSchedule(at(receivedAt), target, rome);
    expect([local(schedule.warnAt), local(schedule.dueAt), local(schedule.secondDueAt)]).toEqual(expected);
  });
});

describe('validateCalendar', () => {
  const cases: { name: string; calendar: BusinessCalendar; problem: RegExp | null }[] = [
    { name: 'the default calendar is fine', calendar: defaultBusinessCalendar(ROME), problem: null },
    { name: 'Italian holidays are fine', calendar: rome, problem: null },
    { name: 'an unknown time zone', calendar: { ...rome, timeZone: 'Europe/Atlantis' }, problem: /not a known time zone/ },
    { name: 'no working day', calendar: { ...rome, workingDays: [] }, problem: /at least one working day/ },
    { name: 'a weekday out of range', calendar: { ...rome, workingDays: [1, 8] }, problem: /1 \(Monday\) to 7 \(Sunday\), not 8/ },
    { name: 'a malformed opening time', calendar: { ...rome, opensAt: '9:00' }, problem: /opening time "9:00"/ },
    { name: 'closing before opening', calendar: { ...rome, opensAt: '18:00', closesAt: '09:00' }, problem: /must be later than opening/ },
    { name: 'closing equal to opening', calendar: { ...rome, opensAt: '09:00', closesAt: '09:00' }, problem: /must be later than opening/ },
    { name: 'a day that does not exist', calendar: { ...rome, holidays: ['2026-02-30'] }, problem: /not 2026-02-30/ },
    {
      name: 'a year and more of holidays on every working day',
      calendar: { ...rome, workingDays: [1], holidays: mondays('2027-01-04', 53) },
      problem: /no working day from 2026-12-29 to 2028-01-09/,
    },
    {
      name: 'a long closure under a year is fine',
      calendar: { ...rome, workingDays: [1], holidays: mondays('2027-01-04', 50) },
      problem: null,
    },
  ];
  it.each(cases)('$name', ({ calendar, problem }) => {
    const problems = validateCalendar(calendar);
    if (problem === null) expect(problems).toEqual([]);
    else expect(problems.join('\n')).toMatch(problem);
  });
});

describe('calendars that can never open fail loudly instead of looping', () => {
  it('no working day', () => {
    expect(() => addBusinessMinutes(at('2026-11-02T09:00'), 60, { ...rome, workingDays: [] })).toThrow(/at least one working day/);
  });

  it('every working day a holiday for more than a year', () => {
    const calendar = { ...rome, workingDays: [1], holidays: mondays('2027-01-04', 53) };
    expect(() => addBusinessMinutes(at('2027-01-02T09:00'), 60, calendar)).toThrow(
      new RegExp(`no working day for ${MAX_DAYS_WITHOUT_WORK} days`),
    );
    expect(() => nextBusinessStart(at('2027-01-02T09:00'), calendar)).toThrow(/no working day/);
  });

  it('an invalid calendar is refused by every function, with the reason', () => {
    const calendar = { ...rome, opensAt: '18:00', closesAt: '09:00' };
    expect(() => businessMinutesBetween(at('2026-11-02T09:00'), at('2026-11-03T09:00'), calendar)).toThrow(/must be later than opening/);
    expect(() => targetMinutes({ days: 1 }, calendar)).toThrow(/must be later than opening/);
  });
});

describe('businessMinutesCounter: many intervals over one range count what businessMinutesBetween counts', () => {
  it.each<[string, BusinessCalendar]>([
    ['Rome with holidays', rome],
    [
      'a night shift across both daylight-saving changes',
      { ...defaultBusinessCalendar(ROME), opensAt: '01:00', closesAt: '04:00', workingDays: [1, 2, 3, 4, 5, 6, 7] },
    ],
    ['New York, Monday to Saturday', { ...defaultBusinessCalendar('America/New_York'), workingDays: [1, 2, 3, 4, 5, 6] }],
  ])('%s', (_name, calendar) => {
    const range = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2027-04-30T00:00:00Z') };
    const count = businessMinutesCounter(range, calendar);
    // A fixed pseudo-random walk: the same intervals every run.
    let seed = 7;
    const next = () => {
      seed = (seed * 48_271) % 2_147_483_647;
      return seed / 2_147_483_647;
    };
    const span = range.to.getTime() - range.from.getTime();
    for (let index = 0; index < 400; index++) {
      const from = new Date(range.from.getTime() + Math.floor(next() * span));
      const to = new Date(from.getTime() + Math.floor(next() * 20 * 86_400_000));
      expect(count(from, to), `${from.toISOString()} → ${to.toISOString()}`).toBeCloseTo(businessMinutesBetween(from, to, calendar), 6);
    }
  });

  it('counts an interval outside its range, and nothing for an empty or reversed one', () => {
    const count = businessMinutesCounter({ from: at('2026-11-02T00:00'), to: at('2026-11-03T00:00') }, rome);
    expect(count(at('2026-11-02T10:00'), at('2026-11-02T11:30'))).toBe(90);
    expect(count(at('2026-11-02T17:00'), at('2026-11-03T10:00'))).toBe(120);
    expect(count(at('2026-11-02T11:00'), at('2026-11-02T10:00'))).toBe(0);
    expect(
      businessMinutesCounter({ from: at('2026-11-02T00:00'), to: at('2026-11-02T00:00') }, rome)(
        at('2026-11-02T10:00'),
        at('2026-11-02T10:30'),
      ),
    ).toBe(30);
  });
});
