import { describe, expect, it } from 'vitest';
import {
  type AwayAbsence,
  type AwayWindows,
  actingDelegate,
  autoReplyProblems,
  awayWindowOf,
  canTransition,
  coverFrom,
  coverWarnings,
  defaultAutoReply,
  editableFields,
  formatReturnDate,
  planProblem,
  renderAutoReplyText,
} from './absences.models';

const d = (day: number, hour = 0) => new Date(Date.UTC(2026, 6, day, hour));
const w = (from: Date, to: Date) => ({ from, to });
const absence = { startsAt: d(1), endsAt: d(15), primaryDelegateId: 'P', backupDelegateId: 'B', managerId: 'M' };
const noBackup = { ...absence, backupDelegateId: null };

describe('actingDelegate', () => {
  const cases: { name: string; at: Date; away: AwayWindows; people?: typeof absence | typeof noBackup; expected: string | null }[] = [
    { name: 'the primary when nobody else is away', at: d(3), away: {}, expected: 'P/primary' },
    { name: 'nobody before the absence starts', at: d(0, 23), away: {}, expected: null },
    { name: 'the primary at the very start (start inclusive)', at: d(1), away: {}, expected: 'P/primary' },
    { name: 'nobody at the very end (end exclusive)', at: d(15), away: {}, expected: null },
    { name: 'the backup while the primary is partly away', at: d(5), away: { P: [w(d(4), d(7))] }, expected: 'B/backup' },
    { name: 'the primary again once they are back', at: d(7), away: { P: [w(d(4), d(7))] }, expected: 'P/primary' },
    { name: 'the backup from the first hour of the primary’s absence', at: d(4), away: { P: [w(d(4), d(7))] }, expected: 'B/backup' },
    {
      name: 'the manager when primary and backup are both away',
      at: d(5),
      away: { P: [w(d(4), d(7))], B: [w(d(5), d(6))] },
      expected: 'M/manager',
    },
    {
      name: 'back-to-back windows of the primary leave no hole',
      at: d(6),
      away: { P: [w(d(4), d(6)), w(d(6), d(8))] },
      expected: 'B/backup',
    },
    {
      name: 'the manager when the primary is away and there is no backup',
      at: d(5),
      people: noBackup,
      away: { P: [w(d(4), d(7))] },
      expected: 'M/manager',
    },
    {
      name: 'nobody when all three are away',
      at: d(5),
      away: { P: [w(d(1), d(15))], B: [w(d(1), d(15))], M: [w(d(5), d(6))] },
      expected: null,
    },
    { name: 'the primary when only the backup is away', at: d(5), away: { B: [w(d(1), d(15))] }, expected: 'P/primary' },
  ];
  it.each(cases)('$name', ({ at, away, people, expected }) => {
    const acting = actingDelegate({ absence: people ?? absence, awayWindows: away }, at);
    expect(acting ? `${acting.userId}/${acting.role}` : null).toBe(expected);
  });
});

describe('coverFrom', () => {
  const own = (ownerId: string, startsAt: Date, endsAt: Date, more: Partial<AwayAbsence> = {}): AwayAbsence => ({
    id: `${ownerId}-own`,
    ownerId,
    state: 'active',
    startsAt,
    endsAt,
    startedAt: startsAt,
    returnedAt: null,
    ...more,
  });
  const cover = (others: AwayAbsence[], at: Date) => {
    const { acting, away } = coverFrom(absence, others, at);
    return { acting: `${acting.userId}/${acting.role}`, away: [...away].sort() };
  };

  it('names who covers and who is away at that moment', () => {
    expect(cover([], d(5))).toEqual({ acting: 'P/primary', away: [] });
    expect(cover([own('P', d(4), d(7)), own('B', d(5), d(6))], d(5))).toEqual({ acting: 'M/manager', away: ['B', 'P'] });
    expect(cover([own('B', d(4), d(7))], d(8))).toEqual({ acting: 'P/primary', away: [] });
  });

  it('ends an away window at an early return, and ignores plans closed before they started', () => {
    expect(cover([own('P', d(4), d(10), { returnedAt: d(6) })], d(7))).toEqual({ acting: 'P/primary', away: [] });
    expect(cover([own('P', d(4), d(10), { state: 'closed', startedAt: null })], d(5))).toEqual({ acting: 'P/primary', away: [] });
  });

  it('falls back to the manager outside the absence', () => {
    expect(cover([], d(20))).toEqual({ acting: 'M/manager', away: [] });
  });
});

describe('coverWarnings', () => {
  it('are empty when everybody is there', () => {
    expect(coverWarnings({ absence, awayWindows: {} })).toEqual([]);
  });

  it('clip the primary’s away window to the absence and name the backup', () => {
    expect(coverWarnings({ absence, awayWindows: { P: [w(d(10), d(20))] } })).toEqual([
      { kind: 'primary_away', userId: 'P', from: d(10), to: d(15), coveredBy: { userId: 'B', role: 'backup' } },
    ]);
  });

  it('split the primary’s window where the backup is away too, and warn about the backup', () => {
    expect(coverWarnings({ absence, awayWindows: { P: [w(d(2), d(8))], B: [w(d(5), d(6))] } })).toEqual([
      { kind: 'primary_away', userId: 'P', from: d(2), to: d(5), coveredBy: { userId: 'B', role: 'backup' } },
      { kind: 'primary_away', userId: 'P', from: d(5), to: d(6), coveredBy: { userId: 'M', role: 'manager' } },
      { kind: 'backup_away', userId: 'B', from: d(5), to: d(6), coveredBy: { userId: 'M', role: 'manager' } },
      { kind: 'primary_away', userId: 'P', from: d(6), to: d(8), coveredBy: { userId: 'B', role: 'backup' } },
    ]);
  });

  it('merge back-to-back away windows into one warning', () => {
    expect(coverWarnings({ absence, awayWindows: { P: [w(d(2), d(4)), w(d(4), d(6))] } })).toEqual([
      { kind: 'primary_away', userId: 'P', from: d(2), to: d(6), coveredBy: { userId: 'B', role: 'backup' } },
    ]);
  });

  it('report a real gap (nobody covers) when all three are away', () => {
    const all = w(d(3), d(4));
    expect(coverWarnings({ absence, awayWindows: { P: [all], B: [all], M: [all] } }).map((warning) => warning.coveredBy)).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('ignore windows outside the absence', () => {
    expect(coverWarnings({ absence, awayWindows: { P: [w(d(20), d(25))], M: [w(d(0), d(1))] } })).toEqual([]);
  });
});

describe('planProblem', () => {
  const plan = { ownerId: 'O', startsAt: d(10), endsAt: d(12), primaryDelegateId: 'P', backupDelegateId: 'B', managerId: 'M' };
  const now = d(1);
  it.each([
    ['a valid plan', {}, null],
    ['end equal to start', { endsAt: d(10) }, 'absence.ends_before_start'],
    ['end before start', { endsAt: d(9) }, 'absence.ends_before_start'],
    ['end in the past', { startsAt: d(0, 1), endsAt: d(0, 5) }, 'absence.ends_in_past'],
    ['the owner as primary', { primaryDelegateId: 'O' }, 'absence.delegate_is_owner'],
    ['the owner as backup', { backupDelegateId: 'O' }, 'absence.delegate_is_owner'],
    ['the same person twice', { backupDelegateId: 'P' }, 'absence.delegates_same'],
    ['no backup', { backupDelegateId: null }, null],
    ['the owner as manager', { managerId: 'O' }, 'absence.manager_is_owner'],
  ] as const)('%s → %s', (_name, change, expected) => {
    expect(planProblem({ ...plan, ...change }, now)).toBe(expected);
  });
});

describe('lifecycle rules', () => {
  it.each([
    ['draft', 7],
    ['handover', 7],
    ['active', 1],
    ['returned', 0],
    ['closed', 0],
  ] as const)('in %s, %i fields can be edited', (state, count) => {
    expect(editableFields(state)).toHaveLength(count);
  });

  it.each([
    ['share', 'draft', true],
    ['share', 'handover', false],
    ['start', 'handover', true],
    ['start', 'active', false],
    ['end', 'active', true],
    ['imBack', 'handover', false],
    ['close', 'active', false],
    ['close', 'returned', true],
    ['override', 'active', false],
  ] as const)('%s from %s: %s', (step, state, expected) => {
    expect(canTransition(step, state)).toBe(expected);
  });

  it('an early return shortens the away window', () => {
    expect(awayWindowOf({ startsAt: d(1), endsAt: d(10), returnedAt: d(5) })).toEqual(w(d(1), d(5)));
    expect(awayWindowOf({ startsAt: d(1), endsAt: d(10), returnedAt: null })).toEqual(w(d(1), d(10)));
  });
});

describe('auto-reply texts', () => {
  it('accept the default texts and every known placeholder', () => {
    expect(autoReplyProblems(defaultAutoReply)).toEqual([]);
  });

  it('name unknown placeholders and stray braces, per language and field', () => {
    const texts = {
      en: { subject: 'Away {{retrun_date}}', body: 'Ask {{ delegate_name }}' },
      it: { subject: 'Assente', body: 'Scrivere a {{delegate_email}} o {{delegate_phone' },
    };
    expect(autoReplyProblems(texts)).toEqual([
      { language: 'en', field: 'subject', problem: 'unknown', token: '{{retrun_date}}' },
      { language: 'it', field: 'body', problem: 'unbalanced', token: '{{' },
    ]);
  });

  it('render placeholders, spaces inside braces allowed', () => {
    const values = {
      delegate_name: 'Sara Colombo',
      delegate_email: 'sara@x.example',
      delegate_phone: '',
      return_date: 'Monday',
      status_link: 'https://s',
    };
    expect(renderAutoReplyText('Ask {{ delegate_name }} ({{delegate_email}}) until {{return_date}}', values)).toBe(
      'Ask Sara Colombo (sara@x.example) until Monday',
    );
  });

  it('write the return date in the client’s language and the workspace time zone', () => {
    const endsAt = new Date('2027-01-04T17:00:00Z');
    expect(formatReturnDate(endsAt, 'en', 'Europe/Rome')).toMatch(/^Monday,? 4 January 2027.*18:00$/);
    expect(formatReturnDate(endsAt, 'it', 'Europe/Rome')).toMatch(/^lunedì 4 gennaio 2027.*18:00$/);
  });
});

describe('rendering the auto-reply text', () => {
  const values = {
    delegate_name: 'Sara Colombo',
    delegate_email: 'sara@example.test',
    delegate_phone: '',
    return_date: '6 January',
    status_link: '',
  };
  it('fills every placeholder, spaces inside the braces allowed', () => {
    expect(renderAutoReplyText('{{ delegate_name }} ({{delegate_email}}) until {{return_date}}', values)).toBe(
      'Sara Colombo (sara@example.test) until 6 January',
    );
  });
  it('drops an empty value with the space before it, so no stray space is left before punctuation', () => {
    expect(renderAutoReplyText('Write to {{delegate_email}} {{delegate_phone}}.', values)).toBe('Write to sara@example.test.');
  });
});
