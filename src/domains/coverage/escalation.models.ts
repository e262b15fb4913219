// When a contact must reach someone beyond its delegate. Each rule is a pure function of what Baton knows at
// that moment; the use cases record the decisions (one escalation per contact, rule and target) and notify.

import type { ClientStatus, ClientTier } from '../../contracts/clients.contracts';
import type { AssigneeRole, EscalationRule, EscalationTarget } from '../../contracts/coverage.contracts';

export type EscalationDecision = { rule: EscalationRule; target: EscalationTarget };
export type SlaStage = 'warn' | 'breach' | 'second_breach';

/** A first response missed at 100 % of the target goes to the backup; a second full window, to the manager. */
export function slaEscalation(
  stage: SlaStage,
  contact: { state: 'open' | 'closed'; firstResponseAt: Date | null },
): EscalationDecision | null {
  if (contact.state !== 'open' || contact.firstResponseAt) return null;
  if (stage === 'breach') return { rule: 'sla_breach', target: 'backup' };
  if (stage === 'second_breach') return { rule: 'sla_breach', target: 'manager' };
  return null;
}

/** Whether the 75 % warning should still go to the delegate. */
export function slaWarningDue(contact: { state: 'open' | 'closed'; firstResponseAt: Date | null }): boolean {
  return contact.state === 'open' && !contact.firstResponseAt;
}

/** "Nothing was left to me" is the failure Baton exists to surface: the manager hears of it at once. */
export function noInformationEscalation(): EscalationDecision {
  return { rule: 'no_information', target: 'manager' };
}

export type InboundFacts = {
  tier: ClientTier | null;
  clientStatus: ClientStatus | null;
  signals: { angry: boolean; cancellationIntent: boolean } | null;
  /** Other contacts of the same client in this absence still without a first response. */
  unansweredContacts: number;
  /** The message joined a contact that is still waiting for a first response. */
  joinedUnansweredContact: boolean;
};

/** The rules an incoming client message can trigger, in a stable order. */
export function inboundEscalations(facts: InboundFacts): EscalationDecision[] {
  const decisions: EscalationDecision[] = [];
  const upset = facts.signals !== null && (facts.signals.angry || facts.signals.cancellationIntent);
  if (upset && facts.tier === 'key') decisions.push({ rule: 'anger_key_account', target: 'manager' });
  if (facts.unansweredContacts > 0 || facts.joinedUnansweredContact) decisions.push({ rule: 'repeat_contact', target: 'backup' });
  if (facts.clientStatus === 'at_risk') decisions.push({ rule: 'at_risk_client', target: 'manager' });
  return decisions;
}

export type EscalationPeople = {
  assigneeId: string;
  assigneeRole: AssigneeRole;
  backupId: string | null;
  managerId: string;
  /** People away at the time (their own absence): they are skipped. */
  away: ReadonlySet<string>;
};

/**
 * Who receives an escalation: the backup, unless there is none, they are the one failing to answer, or they are
 * away, in which case the manager. The manager always receives a manager escalation (even when covering).
 */
export function escalationRecipient(target: EscalationTarget, people: EscalationPeople): string {
  if (target === 'manager') return people.managerId;
  const backup = people.backupId;
  if (!backup || backup === people.assigneeId || people.away.has(backup)) return people.managerId;
  return backup;
}

/** Who a contact passes to when its delegate hands it to the backup (null: nobody left to hand it to). */
export function handOffTarget(people: EscalationPeople): { userId: string; role: AssigneeRole } | null {
  if (people.assigneeRole === 'primary' && people.backupId && !people.away.has(people.backupId) && people.backupId !== people.assigneeId) {
    return { userId: people.backupId, role: 'backup' };
  }
  if ((people.assigneeRole === 'primary' || people.assigneeRole === 'backup') && people.managerId !== people.assigneeId) {
    return { userId: people.managerId, role: 'manager' };
  }
  return null;
}
