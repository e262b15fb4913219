import { describe, expect, it } from 'vitest';
import { coverageSettingsSchema, defaultCoverageSettings, isRealDate } from './coverage.contracts';

const calendar = defaultCoverageSettings.calendar;
const settingsWith = (change: Record<string, unknown>) => ({ ...defaultCoverageSettings, ...change });
const calendarWith = (change: Record<string, unknown>) => settingsWith({ calendar: { ...calendar, ...change } });

describe('coverageSettingsSchema', () => {
  it('accepts the defaults: 09:00–18:00 Monday to Friday, key accounts 4 h, others 1 day', () => {
    expect(coverageSettingsSchema.parse(defaultCoverageSettings)).toEqual({
      calendar: { workingDays: [1, 2, 3, 4, 5], opensAt: '09:00', closesAt: '18:00', holidays: [] },
      sla: { key: { hours: 4 }, standard: { days: 1 } },
    });
  });

  it('accepts holidays and a six-day week', () => {
    const input = calendarWith({
      workingDays: [1, 2, 3, 4, 5, 6],
      holidays: ['2026-12-25', '2027-01-06'],
      opensAt: '08:30',
      closesAt: '12:30',
    });
    expect(coverageSettingsSchema.safeParse(input).success).toBe(true);
  });

  const refused: { name: string; input: unknown; path: string; message: RegExp }[] = [
    {
      name: 'closing before opening',
      input: calendarWith({ opensAt: '18:00', closesAt: '09:00' }),
      path: 'calendar.closesAt',
      message: /later than opening/,
    },
    {
      name: 'closing at opening',
      input: calendarWith({ opensAt: '09:00', closesAt: '09:00' }),
      path: 'calendar.closesAt',
      message: /later than opening/,
    },
    { name: 'a time without its leading zero', input: calendarWith({ opensAt: '9:00' }), path: 'calendar.opensAt', message: /HH:mm/ },
    { name: 'a time past midnight', input: calendarWith({ closesAt: '24:00' }), path: 'calendar.closesAt', message: /HH:mm/ },
    { name: 'no working day', input: calendarWith({ workingDays: [] }), path: 'calendar.workingDays', message: /at least one working day/ },
    { name: 'a weekday 0', input: calendarWith({ workingDays: [0, 1] }), path: 'calendar.workingDays.0', message: /./ },
    { name: 'a day twice', input: calendarWith({ workingDays: [1, 1] }), path: 'calendar.workingDays', message: /only once/ },
    {
      name: 'a day that does not exist',
      input: calendarWith({ holidays: ['2026-02-30'] }),
      path: 'calendar.holidays.0',
      message: /YYYY-MM-DD/,
    },
    {
      name: 'a date in another format',
      input: calendarWith({ holidays: ['25/12/2026'] }),
      path: 'calendar.holidays.0',
      message: /YYYY-MM-DD/,
    },
    {
      name: 'a holiday twice',
      input: calendarWith({ holidays: ['2026-12-25', '2026-12-25'] }),
      path: 'calendar.holidays',
      message: /only once/,
    },
    {
      name: 'more than 366 holidays',
      input: calendarWith({
        holidays: Array.from({ length: 367 }, (_, day) => new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10)),
      }),
      path: 'calendar.holidays',
      message: /./,
    },
    {
      name: 'a time zone (it is the workspace’s)',
      input: calendarWith({ timeZone: 'Europe/Rome' }),
      path: 'calendar',
      message: /timeZone/,
    },
    { name: 'a zero target', input: settingsWith({ sla: { key: { hours: 0 }, standard: { days: 1 } } }), path: 'sla.key', message: /./ },
    {
      name: 'an absurd target',
      input: settingsWith({ sla: { key: { hours: 4 }, standard: { days: 101 } } }),
      path: 'sla.standard',
      message: /./,
    },
    {
      name: 'hours and days at once',
      input: settingsWith({ sla: { key: { hours: 4, days: 1 }, standard: { days: 1 } } }),
      path: 'sla.key',
      message: /./,
    },
    { name: 'minutes', input: settingsWith({ sla: { key: { minutes: 30 }, standard: { days: 1 } } }), path: 'sla.key', message: /./ },
    { name: 'a missing target', input: settingsWith({ sla: { key: { hours: 4 } } }), path: 'sla.standard', message: /./ },
  ];
  it.each(refused)('refuses $name', ({ input, path, message }) => {
    const result = coverageSettingsSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((candidate) => candidate.path.join('.').startsWith(path));
    expect(issue?.message).toMatch(message);
  });
});

describe('isRealDate', () => {
  it.each([
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['2026-12-25', true],
  ])('%s → %s', (value, expected) => {
    expect(isRealDate(value)).toBe(expected);
  });
});
