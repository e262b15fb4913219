// What happened to one client during an absence, counted from its contacts and escalations: the figures the return
// briefing shows and the facts its risk score weighs. Pure, so the briefing, the mail summary and the report agree.
import type { ContactOutcome, EscalationRule, EscalationTarget } from '../../contracts/coverage.contracts';
import type { BriefingCounts } from '../../contracts/recovery.contracts';
import type { ClientAbsenceFacts } from './risk.models';

export type ContactFact = {
  id: string;
  kind: 'email' | 'call' | 'meeting';
  state: 'open' | 'closed';
  outcome: ContactOutcome | null;
  receivedAt: Date;
  firstResponseAt: Date | null;
  messageCount: number;
  signals: { angry: boolean; cancellationIntent: boolean; urgent: boolean; signals: { evidence: string }[] } | null;
};
export type EscalationFact = { contactId: string; rule: EscalationRule; target: EscalationTarget };

const HOUR_MS = 3_600_000;
const answeredOutcomes = new Set<ContactOutcome>(['answered', 'follow_up']);

export const isAnswered = (contact: ContactFact) =>
  contact.firstResponseAt !== null || (contact.outcome !== null && answeredOutcomes.has(contact.outcome));

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? null) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * `until`: when the waiting stopped counting for contacts never answered (the return, or now while the absence
 * runs). `extra`: what other domains counted (auto-replies sent, status-link views).
 */
export function summariseClient(
  contacts: ContactFact[],
  escalations: EscalationFact[],
  until: Date,
  extra: { autoReplies: number; statusLinkViews: number },
) {
  const ids = new Set(contacts.map((contact) => contact.id));
  const mine = escalations.filter((escalation) => ids.has(escalation.contactId));
  const emails = contacts.filter((contact) => contact.kind === 'email');
  const responseMinutes = emails
    .filter((contact) => contact.firstResponseAt)
    .map((contact) => ((contact.firstResponseAt?.getTime() ?? 0) - contact.receivedAt.getTime()) / 60_000);
  const waits = emails.map((contact) => ((contact.firstResponseAt ?? until).getTime() - contact.receivedAt.getTime()) / HOUR_MS);
  const repeatEscalations = new Set(
    mine.filter((escalation) => escalation.rule === 'repeat_contact').map((escalation) => escalation.contactId),
  );
  const single = emails.filter((contact) => contact.messageCount <= 1 && repeatEscalations.has(contact.id)).length;
  const signalled = contacts.flatMap((contact) => (contact.signals ? [contact.signals] : []));

  const counts: BriefingCounts = {
    contacts: contacts.length,
    emails: emails.length,
    calls: contacts.length - emails.length,
    messages: emails.reduce((sum, contact) => sum + contact.messageCount, 0),
    answered: contacts.filter(isAnswered).length,
    open: contacts.filter((contact) => contact.state === 'open').length,
    waitingForOwner: contacts.filter((contact) => contact.outcome === 'waiting_for_owner').length,
    noInformation: contacts.filter((contact) => contact.outcome === 'no_information').length,
    escalations: mine.length,
    ...extra,
  };
  const facts: Omit<ClientAbsenceFacts, 'tier' | 'status'> = {
    contacts: contacts.length,
    unanswered: contacts.length - counts.answered,
    waitingForOwner: counts.waitingForOwner,
    noInformation: counts.noInformation,
    angry: signalled.some((signals) => signals.angry),
    cancellationIntent: signalled.some((signals) => signals.cancellationIntent),
    // Messages that joined a contact, and new threads opened while another contact waited.
    repeatContacts: emails.reduce((sum, contact) => sum + Math.max(0, contact.messageCount - 1), 0) + single,
    slaBreaches: new Set(mine.filter((escalation) => escalation.rule === 'sla_breach').map((escalation) => escalation.contactId)).size,
    longestWaitHours: Math.max(0, ...waits),
  };
  return {
    counts,
    facts,
    medianFirstResponseMinutes: median(responseMinutes),
    longestWaitHours: Math.round(facts.longestWaitHours * 10) / 10,
    signals: {
      angry: facts.angry,
      cancellationIntent: facts.cancellationIntent,
      urgent: signalled.some((signals) => signals.urgent),
      evidence: [...new Set(signalled.flatMap((signals) => signals.signals.map((signal) => signal.evidence)))].slice(0, 6),
    },
  };
}
