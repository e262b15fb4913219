import { describe, expect, it } from 'vitest';
import {
  type AbsenceFacts,
  attributeStatusChanges,
  buildInsights,
  type ContactFacts,
  changeKind,
  defaultPeriod,
  isSlaBreach,
  overlapsPeriod,
  type Period,
  percentile,
  periodOf,
  responseTimes,
  type StatusChangeFacts,
  timeContacts,
} from './insights.models';

const at = (iso: string) => new Date(iso);
const minutes = (base: string, n: number) => new Date(at(base).getTime() + n * 60_000);
const wallClock = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 60_000;

describe('percentiles of first-response times', () => {
  it.each<[string, number[], number | null, number | null]>([
    ['no answered contact', [], null, null],
    ['one value', [40], 40, 40],
    ['an odd count: the middle one', [30, 10, 20], 20, 28],
    ['an even count: the mean of the two middle ones', [10, 40, 20, 30], 25, 37],
    ['ten values', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5.5, 9.1],
    ['one slow outlier barely moves the median', [10, 10, 10, 10, 600], 10, 364],
  ])('%s', (_name, values, median, p90) => {
    expect(percentile(values, 0.5)).toBe(median);
    const ninety = percentile(values, 0.9);
    expect(ninety === null ? null : Math.round(ninety * 10) / 10).toBe(p90);
  });

  it('does not reorder the caller’s values', () => {
    const values = [3, 1, 2];
    percentile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });
});

const contact = (overrides: Partial<ContactFacts> = {}): ContactFacts => ({
  absenceId: 'a1',
  kind: 'email',
  receivedAt: at('2026-03-23T08:00:00Z'),
  dueAt: at('2026-03-23T12:00:00Z'),
  firstResponseAt: null,
  closedAt: null,
  outcome: null,
  handlerId: 'peter',
  escalations: 0,
  ...overrides,
});

describe('an SLA breach', () => {
  const now = at('2026-03-30T08:00:00Z');
  it.each<[string, Partial<ContactFacts>, Date, boolean]>([
    ['answered before the deadline', { firstResponseAt: at('2026-03-23T09:00:00Z') }, now, false],
    ['answered exactly at the deadline', { firstResponseAt: at('2026-03-23T12:00:00Z') }, now, false],
    ['answered after the deadline', { firstResponseAt: at('2026-03-23T12:01:00Z') }, now, true],
    ['never answered, deadline passed', {}, now, true],
    ['never answered, deadline still ahead', {}, at('2026-03-23T11:00:00Z'), false],
    ['closed without an answer before the deadline', { closedAt: at('2026-03-23T10:00:00Z') }, now, false],
    ['closed without an answer after the deadline', { closedAt: at('2026-03-23T13:00:00Z') }, now, true],
    ['answered late, even though closed in time afterwards', { firstResponseAt: at('2026-03-23T13:00:00Z'), closedAt: now }, now, true],
    ['a call: no deadline', { kind: 'call', dueAt: null, firstResponseAt: at('2026-03-23T08:00:00Z') }, now, false],
  ])('%s', (_name, overrides, when, breached) => {
    expect(isSlaBreach(contact(overrides), when)).toBe(breached);
  });
});

describe('time to first response', () => {
  it('counts answered emails only, in wall-clock and business minutes', () => {
    const times = responseTimes(
      timeContacts(
        [
          contact({ firstResponseAt: minutes('2026-03-23T08:00:00Z', 40) }),
          contact({ firstResponseAt: minutes('2026-03-23T08:00:00Z', 120) }),
          contact(),
          contact({ kind: 'call', dueAt: null, firstResponseAt: at('2026-03-23T08:00:00Z') }),
        ],
        (from, to) => wallClock(from, to) / 2,
      ),
    );
    expect(times).toEqual({ answered: 2, medianMinutes: 80, p90Minutes: 112, medianBusinessMinutes: 40, p90BusinessMinutes: 56 });
  });

  it('is empty, not zero, when no email was answered', () => {
    expect(
      responseTimes(timeContacts([contact(), contact({ kind: 'call', firstResponseAt: at('2026-03-23T08:00:00Z') })], wallClock)),
    ).toEqual({
      answered: 0,
      medianMinutes: null,
      p90Minutes: null,
      medianBusinessMinutes: null,
      p90BusinessMinutes: null,
    });
  });
});

describe('the period', () => {
  it('defaults to the last 12 months up to today in the workspace’s zone', () => {
    // 23:30 UTC on 31 March is already 1 April in Rome.
    expect(defaultPeriod(at('2026-03-31T23:30:00Z'), 'Europe/Rome')).toEqual({ from: '2025-04-01', to: '2026-04-01' });
  });

  it.each<[string, string, string, string | [string, string]]>([
    ['one day', '2026-03-23', '2026-03-23', ['2026-03-22T23:00:00.000Z', '2026-03-23T23:00:00.000Z']],
    ['across the change to summer time', '2026-03-28', '2026-03-29', ['2026-03-27T23:00:00.000Z', '2026-03-29T22:00:00.000Z']],
    ['exactly five years', '2021-03-23', '2026-03-23', ['2021-03-22T23:00:00.000Z', '2026-03-23T23:00:00.000Z']],
    ['five years and a day', '2021-03-22', '2026-03-23', 'too_long'],
    ['to before from', '2026-03-24', '2026-03-23', 'reversed'],
  ])('%s', (_name, from, to, expected) => {
    const period = periodOf(from, to, 'Europe/Rome');
    if (typeof expected === 'string') expect(period).toBe(expected);
    else expect(typeof period === 'string' ? period : [period.start.toISOString(), period.end.toISOString()]).toEqual(expected);
  });

  const march = periodOf('2026-03-01', '2026-03-31', 'UTC') as Period;
  it.each<[string, string, string, string | null, boolean]>([
    ['inside', '2026-03-10T09:00:00Z', '2026-03-20T18:00:00Z', null, true],
    ['started before, ended inside', '2026-02-20T09:00:00Z', '2026-03-02T18:00:00Z', null, true],
    ['spans the whole period', '2026-02-01T09:00:00Z', '2026-05-01T18:00:00Z', null, true],
    ['ended the moment the period began', '2026-02-20T09:00:00Z', '2026-03-01T00:00:00Z', null, false],
    ['starts the day after the period', '2026-04-01T00:00:00Z', '2026-04-10T18:00:00Z', null, false],
    ['starts on the last day of the period', '2026-03-31T23:00:00Z', '2026-04-10T18:00:00Z', null, true],
    ['planned into the period but back early before it', '2026-02-20T09:00:00Z', '2026-03-10T18:00:00Z', '2026-02-27T12:00:00Z', false],
  ])('an absence %s', (_name, startsAt, endsAt, returnedAt, overlaps) => {
    expect(overlapsPeriod({ startsAt: at(startsAt), endsAt: at(endsAt), returnedAt: returnedAt ? at(returnedAt) : null }, march)).toBe(
      overlaps,
    );
  });
});

const absence = (overrides: Partial<AbsenceFacts> = {}): AbsenceFacts => ({
  id: 'a1',
  ownerId: 'anna',
  startsAt: at('2026-03-23T08:00:00Z'),
  endsAt: at('2026-04-03T17:00:00Z'),
  returnedAt: at('2026-04-03T17:00:00Z'),
  primaryDelegateId: 'peter',
  backupDelegateId: 'sara',
  readiness: { score: 0.875, gateOpen: true, overridden: false },
  clientIds: ['orsini', 'vini'],
  ...overrides,
});
const change = (clientId: string, from: StatusChangeFacts['from'], to: StatusChangeFacts['to'], when: string): StatusChangeFacts => ({
  clientId,
  from,
  to,
  at: at(when),
});

describe('clients at risk, lost and won back', () => {
  it.each<[StatusChangeFacts['from'], StatusChangeFacts['to'], string | null]>([
    ['active', 'at_risk', 'atRisk'],
    ['at_risk', 'lost', 'lost'],
    ['lost', 'won_back', 'wonBack'],
    ['lost', 'active', 'wonBack'],
    ['at_risk', 'active', null],
    ['won_back', 'active', null],
  ])('%s → %s counts as %s', (from, to, kind) => {
    expect(changeKind({ from, to })).toBe(kind);
  });

  const year = periodOf('2026-01-01', '2026-12-31', 'UTC') as Period;
  const spring = absence();
  const autumn = absence({
    id: 'a2',
    startsAt: at('2026-10-05T08:00:00Z'),
    endsAt: at('2026-10-16T17:00:00Z'),
    returnedAt: at('2026-10-16T17:00:00Z'),
    clientIds: ['orsini'],
  });

  it('go to the latest absence that covered the client, within 90 days of its end, once per client', () => {
    const changes = [
      change('orsini', 'active', 'at_risk', '2026-03-25T10:00:00Z'), // during spring
      change('orsini', 'at_risk', 'active', '2026-03-30T10:00:00Z'), // not a kind counted
      change('orsini', 'active', 'at_risk', '2026-04-20T10:00:00Z'), // spring again: the same client once
      change('vini', 'active', 'lost', '2026-06-30T10:00:00Z'), // 88 days after spring's end
      change('vini', 'lost', 'won_back', '2026-07-10T10:00:00Z'), // 98 days after: nobody's
      change('orsini', 'active', 'lost', '2026-10-20T10:00:00Z'), // autumn, the later absence covering Orsini
      change('nobody', 'active', 'lost', '2026-03-25T10:00:00Z'), // a client neither absence covered
      change('orsini', 'active', 'at_risk', '2026-03-20T10:00:00Z'), // before any absence
    ];
    const result = attributeStatusChanges([spring, autumn], changes, year);
    expect(Object.fromEntries(result)).toEqual({
      a1: { atRisk: 1, lost: 1, wonBack: 0 },
      a2: { atRisk: 0, lost: 1, wonBack: 0 },
    });
  });

  it('only count changes inside the period, even for an absence that ended before it', () => {
    const april = periodOf('2026-04-10', '2026-04-30', 'UTC') as Period;
    const changes = [
      change('orsini', 'active', 'at_risk', '2026-03-25T10:00:00Z'),
      change('vini', 'active', 'lost', '2026-04-20T10:00:00Z'),
    ];
    expect(Object.fromEntries(attributeStatusChanges([spring], changes, april))).toEqual({ a1: { atRisk: 0, lost: 1, wonBack: 0 } });
  });
});

describe('the rows of a period', () => {
  const period = periodOf('2026-01-01', '2026-12-31', 'Europe/Rome') as Period;
  const names: Record<string, string> = { anna: 'Anna', peter: 'Peter', sara: 'Sara', marco: 'Marco', lucia: 'Lucia' };
  const now = at('2026-12-31T12:00:00Z');
  const received = '2026-03-23T08:00:00Z';
  const build = (absences: AbsenceFacts[], contacts: ContactFacts[], changes: StatusChangeFacts[] = []) =>
    buildInsights({ period, absences, contacts, changes, now, nameOf: (id) => names[id] ?? '', businessMinutes: wallClock });

  const spring = absence();
  const lucias = absence({
    id: 'a2',
    ownerId: 'lucia',
    startsAt: at('2026-05-04T07:00:00Z'),
    endsAt: at('2026-05-08T16:00:00Z'),
    returnedAt: at('2026-05-06T16:00:00Z'),
    primaryDelegateId: 'sara',
    backupDelegateId: null,
    readiness: { score: 0.5, gateOpen: false, overridden: true },
    clientIds: ['northwind'],
  });
  const lastYear = absence({
    id: 'a0',
    startsAt: at('2025-12-01T08:00:00Z'),
    endsAt: at('2025-12-12T17:00:00Z'),
    returnedAt: at('2025-12-12T17:00:00Z'),
    readiness: null,
  });
  const contacts: ContactFacts[] = [
    contact({ firstResponseAt: minutes(received, 40), closedAt: minutes(received, 45), outcome: 'answered' }),
    contact({ firstResponseAt: minutes(received, 300), handlerId: 'sara', escalations: 1 }), // late: breach
    contact({ escalations: 2 }), // never answered: breach, escalated twice (two rules)
    contact({
      kind: 'call',
      dueAt: null,
      firstResponseAt: at(received),
      closedAt: at(received),
      outcome: 'no_information',
      escalations: 1,
    }),
    contact({ absenceId: 'a2', firstResponseAt: minutes(received, 10), handlerId: 'sara' }),
    contact({ absenceId: 'a0', firstResponseAt: minutes(received, 999) }), // an absence outside the period
  ];
  const insights = build([lastYear, spring, lucias], contacts, [change('northwind', 'active', 'at_risk', '2026-05-05T10:00:00Z')]);

  it('has one row per absence in the period, the latest first, with what a manager reads', () => {
    expect(insights.absences.map((row) => row.absenceId)).toEqual(['a2', 'a1']);
    const [lucia, anna] = insights.absences;
    expect(anna).toMatchObject({
      owner: { id: 'anna', name: 'Anna' },
      delegates: [
        { id: 'peter', name: 'Peter', role: 'primary' },
        { id: 'sara', name: 'Sara', role: 'backup' },
      ],
      readiness: { percent: 88, gateOpen: true, overridden: false },
      contacts: 4,
      emails: 3,
      firstResponse: { answered: 2, medianMinutes: 170, p90Minutes: 274 },
      slaBreaches: 2,
      noInformation: 1,
      escalations: 4,
      clients: { atRisk: 0, lost: 0, wonBack: 0 },
    });
    expect(lucia).toMatchObject({
      delegates: [{ id: 'sara', role: 'primary' }],
      readiness: { percent: 50, gateOpen: false, overridden: true },
      returnedAt: '2026-05-06T16:00:00.000Z',
      contacts: 1,
      firstResponse: { medianMinutes: 10, p90Minutes: 10 },
      clients: { atRisk: 1, lost: 0, wonBack: 0 },
    });
  });

  it('has one row per person who covered an absence or handled a contact, and they add up to the totals', () => {
    expect(insights.delegates).toEqual([
      expect.objectContaining({
        id: 'peter',
        absences: 1,
        contacts: 3,
        slaBreaches: 1,
        noInformation: 1,
        escalations: 3,
        firstResponse: expect.objectContaining({ medianMinutes: 40 }),
      }),
      expect.objectContaining({
        id: 'sara',
        absences: 2,
        contacts: 2,
        slaBreaches: 1,
        escalations: 1,
        firstResponse: expect.objectContaining({ medianMinutes: 155 }),
      }),
    ]);
    for (const key of ['contacts', 'emails', 'slaBreaches', 'noInformation', 'escalations'] as const) {
      expect(insights.delegates.reduce((sum, row) => sum + row[key], 0)).toBe(insights.totals[key]);
    }
    expect(insights.totals).toMatchObject({ absences: 2, contacts: 5, clients: { atRisk: 1, lost: 0, wonBack: 0 } });
    expect(insights.totals.firstResponse).toMatchObject({ answered: 3, medianMinutes: 40 });
  });

  it('is empty for a quiet period', () => {
    const empty = build([], []);
    expect(empty).toMatchObject({
      absences: [],
      delegates: [],
      totals: { absences: 0, contacts: 0, firstResponse: { medianMinutes: null } },
    });
  });
});
