import { describe, expect, it } from 'vitest';
import { type ClientAbsenceFacts, rankClients, riskScore } from './risk.models';

const quiet: ClientAbsenceFacts = {
  tier: 'standard',
  status: 'active',
  contacts: 0,
  unanswered: 0,
  waitingForOwner: 0,
  noInformation: 0,
  angry: false,
  cancellationIntent: false,
  repeatContacts: 0,
  slaBreaches: 0,
  longestWaitHours: 0,
};

describe('risk score of a client after an absence', () => {
  it.each<[string, Partial<ClientAbsenceFacts>, number, string[]]>([
    ['a client nobody heard from', {}, 0, []],
    ['a key account nobody heard from', { tier: 'key' }, 0, []],
    ['a standard client answered quickly', { contacts: 1, longestWaitHours: 1 }, 0, []],
    ['a key account answered quickly', { tier: 'key', contacts: 1, longestWaitHours: 1 }, 15, ['key_account']],
    ['one unanswered message', { contacts: 1, unanswered: 1, longestWaitHours: 10 }, 25, ['unanswered']],
    ['unanswered messages are capped at two', { contacts: 5, unanswered: 5, longestWaitHours: 10 }, 50, ['unanswered']],
    [
      'a “no information” outcome on a key account',
      { tier: 'key', contacts: 1, noInformation: 1, longestWaitHours: 2 },
      45,
      ['no_information', 'key_account'],
    ],
    [
      'an angry key account about to cancel, answered late after writing three times',
      { tier: 'key', contacts: 1, angry: true, cancellationIntent: true, repeatContacts: 2, slaBreaches: 1, longestWaitHours: 30 },
      35 + 20 + 16 + 10 + 5 + 15,
      ['cancellation_intent', 'anger', 'repeat_contacts', 'key_account', 'sla_breaches', 'long_wait'],
    ],
    ['a client already at risk who wrote', { status: 'at_risk', contacts: 1, longestWaitHours: 1 }, 15, ['at_risk']],
    ['a question left for the owner', { contacts: 1, waitingForOwner: 1, longestWaitHours: 1 }, 10, ['waiting_for_owner']],
    ['a week without an answer', { contacts: 1, unanswered: 1, longestWaitHours: 7 * 24 }, 25 + 20, ['unanswered', 'long_wait']],
  ])('%s', (_name, facts, score, reasons) => {
    const risk = riskScore({ ...quiet, ...facts });
    expect(risk.score).toBe(score);
    expect(risk.reasons.map((reason) => reason.reason).sort()).toEqual([...reasons].sort());
    expect(risk.reasons.map((reason) => reason.points)).toEqual([...risk.reasons.map((reason) => reason.points)].sort((a, b) => b - a));
  });

  it('explains each reason with its points and count', () => {
    expect(riskScore({ ...quiet, contacts: 2, noInformation: 2 }).reasons).toEqual([{ reason: 'no_information', points: 60, count: 2 }]);
  });
});

describe('ranking', () => {
  const client = (name: string, tier: 'key' | 'standard', contacts: number, score: number) => ({
    name,
    tier,
    counts: { contacts },
    risk: { score, reasons: [] },
  });
  it('puts the highest score first, then who wrote most, then key accounts, then by name', () => {
    const ranked = rankClients([
      client('Vini', 'standard', 1, 10),
      client('Harbor', 'standard', 0, 0),
      client('Orsini', 'key', 2, 45),
      client('Bluefin', 'key', 0, 0),
      client('Northwind', 'key', 3, 45),
      client('Farmacia', 'standard', 0, 0),
    ]);
    expect(ranked.map((row) => `${row.rank}. ${row.name}`)).toEqual([
      '1. Northwind',
      '2. Orsini',
      '3. Vini',
      '4. Bluefin',
      '5. Farmacia',
      '6. Harbor',
    ]);
  });
});
