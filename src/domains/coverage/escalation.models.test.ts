import { describe, expect, it } from 'vitest';
import {
  type EscalationPeople,
  escalationRecipient,
  handOffTarget,
  type InboundFacts,
  inboundEscalations,
  noInformationEscalation,
  slaEscalation,
  slaWarningDue,
} from './escalation.models';

const open = { state: 'open' as const, firstResponseAt: null };
const answered = { state: 'open' as const, firstResponseAt: new Date('2026-12-01T10:00:00Z') };
const closed = { state: 'closed' as const, firstResponseAt: null };

describe('SLA escalation', () => {
  it.each([
    ['warn', open, null],
    ['breach', open, { rule: 'sla_breach', target: 'backup' }],
    ['second_breach', open, { rule: 'sla_breach', target: 'manager' }],
    ['breach', answered, null],
    ['second_breach', answered, null],
    ['breach', closed, null],
  ] as const)('stage %s on %o → %o', (stage, contact, expected) => {
    expect(slaEscalation(stage, contact)).toEqual(expected);
  });

  it('warns only while the contact waits for a first response', () => {
    expect(slaWarningDue(open)).toBe(true);
    expect(slaWarningDue(answered)).toBe(false);
    expect(slaWarningDue(closed)).toBe(false);
  });
});

describe('inbound escalation rules', () => {
  const calm: InboundFacts = {
    tier: 'standard',
    clientStatus: 'active',
    signals: { angry: false, cancellationIntent: false },
    unansweredContacts: 0,
    joinedUnansweredContact: false,
  };
  it.each<[string, Partial<InboundFacts>, string[]]>([
    ['a calm message from a standard client', {}, []],
    ['an angry standard client', { signals: { angry: true, cancellationIntent: false } }, []],
    ['an angry key account', { tier: 'key', signals: { angry: true, cancellationIntent: false } }, ['anger_key_account:manager']],
    [
      'a key account about to cancel, politely',
      { tier: 'key', signals: { angry: false, cancellationIntent: true } },
      ['anger_key_account:manager'],
    ],
    ['a key account without a score (unknown language)', { tier: 'key', signals: null }, []],
    ['the client writing again while another contact waits', { unansweredContacts: 1 }, ['repeat_contact:backup']],
    ['a follow-up in the same unanswered thread', { joinedUnansweredContact: true }, ['repeat_contact:backup']],
    ['a client marked at risk', { clientStatus: 'at_risk' }, ['at_risk_client:manager']],
    [
      'everything at once',
      { tier: 'key', clientStatus: 'at_risk', signals: { angry: true, cancellationIntent: true }, unansweredContacts: 2 },
      ['anger_key_account:manager', 'repeat_contact:backup', 'at_risk_client:manager'],
    ],
    ['an unknown sender (no client)', { tier: null, clientStatus: null }, []],
  ])('%s', (_name, facts, expected) => {
    const decisions = inboundEscalations({ ...calm, ...facts });
    expect(decisions.map((decision) => `${decision.rule}:${decision.target}`)).toEqual(expected);
  });

  it('no information always reaches the manager', () => {
    expect(noInformationEscalation()).toEqual({ rule: 'no_information', target: 'manager' });
  });
});

describe('who receives an escalation and who takes a hand-off', () => {
  const people: EscalationPeople = { assigneeId: 'peter', assigneeRole: 'primary', backupId: 'sara', managerId: 'marco', away: new Set() };
  it.each<[string, Partial<EscalationPeople>, 'backup' | 'manager', string]>([
    ['the backup for a backup escalation', {}, 'backup', 'sara'],
    ['the manager when there is no backup', { backupId: null }, 'backup', 'marco'],
    ['the manager when the backup is the one not answering', { assigneeId: 'sara', assigneeRole: 'backup' }, 'backup', 'marco'],
    ['the manager when the backup is away', { away: new Set(['sara']) }, 'backup', 'marco'],
    ['the manager for a manager escalation', {}, 'manager', 'marco'],
  ])('%s', (_name, overrides, target, expected) => {
    expect(escalationRecipient(target, { ...people, ...overrides })).toBe(expected);
  });

  it.each<[string, Partial<EscalationPeople>, { userId: string; role: string } | null]>([
    ['primary hands to the backup', {}, { userId: 'sara', role: 'backup' }],
    ['primary hands to the manager when the backup is away', { away: new Set(['sara']) }, { userId: 'marco', role: 'manager' }],
    ['primary hands to the manager without a backup', { backupId: null }, { userId: 'marco', role: 'manager' }],
    ['backup hands to the manager', { assigneeId: 'sara', assigneeRole: 'backup' }, { userId: 'marco', role: 'manager' }],
    ['the manager has nobody to hand to', { assigneeId: 'marco', assigneeRole: 'manager' }, null],
  ])('%s', (_name, overrides, expected) => {
    expect(handOffTarget({ ...people, ...overrides })).toEqual(expected);
  });
});
