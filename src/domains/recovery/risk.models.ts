// The return briefing's ranking: which clients the owner should call first, and why. A transparent points
// table rather than a learned model, so every rank can be explained in one line per reason and argued with.
import type { ClientStatus, ClientTier } from '../../contracts/clients.contracts';

export type ClientAbsenceFacts = {
  tier: ClientTier;
  status: ClientStatus;
  contacts: number;
  /** Contacts still without a first response when the owner came back. */
  unanswered: number;
  waitingForOwner: number;
  noInformation: number;
  angry: boolean;
  cancellationIntent: boolean;
  /** Client messages beyond the first of each contact, plus contacts opened while another waited. */
  repeatContacts: number;
  slaBreaches: number;
  /** The longest a contact of this client waited for a first response (until the return when never answered). */
  longestWaitHours: number;
};

export type RiskReason =
  | 'key_account'
  | 'unanswered'
  | 'no_information'
  | 'cancellation_intent'
  | 'anger'
  | 'repeat_contacts'
  | 'sla_breaches'
  | 'waiting_for_owner'
  | 'long_wait'
  | 'at_risk'
  | 'lost';

export type RiskExplanation = { reason: RiskReason; points: number; count?: number };
export type RiskScore = { score: number; reasons: RiskExplanation[] };

const capped = (each: number, count: number, cap: number) => Math.min(cap, each * count);

/**
 * Points per fact, capped so one kind of trouble cannot drown the others. A client nobody heard from scores 0
 * whatever its tier: the tier weighs only when something happened (or the client was already at risk).
 */
export function riskScore(facts: ClientAbsenceFacts): RiskScore {
  const reasons: RiskExplanation[] = [];
  const add = (reason: RiskReason, points: number, count?: number) => {
    if (points > 0) reasons.push({ reason, points, ...(count === undefined ? {} : { count }) });
  };
  add('cancellation_intent', facts.cancellationIntent ? 35 : 0);
  add('no_information', capped(30, facts.noInformation, 60), facts.noInformation);
  add('unanswered', capped(25, facts.unanswered, 50), facts.unanswered);
  add('anger', facts.angry ? 20 : 0);
  add('at_risk', facts.status === 'at_risk' ? 15 : 0);
  add('lost', facts.status === 'lost' ? 10 : 0);
  add('sla_breaches', capped(10, facts.slaBreaches, 30), facts.slaBreaches);
  add('repeat_contacts', capped(8, facts.repeatContacts, 24), facts.repeatContacts);
  add('waiting_for_owner', capped(10, facts.waitingForOwner, 20), facts.waitingForOwner);
  add('long_wait', facts.longestWaitHours >= 24 ? Math.min(20, Math.floor(facts.longestWaitHours / 24) * 5) : 0);
  if (reasons.length > 0 || facts.contacts > 0) add('key_account', facts.tier === 'key' ? 15 : 0);
  const score = reasons.reduce((sum, reason) => sum + reason.points, 0);
  return { score, reasons: reasons.sort((a, b) => b.points - a.points) };
}

/** Highest score first; ties go to the client who wrote most (so everyone who got in touch comes before the quiet ones), then to key accounts, then by name. */
export function rankClients<T extends { name: string; tier: ClientTier; counts: { contacts: number }; risk: RiskScore }>(
  clients: T[],
): (T & { rank: number })[] {
  return [...clients]
    .sort(
      (a, b) =>
        b.risk.score - a.risk.score ||
        b.counts.contacts - a.counts.contacts ||
        Number(b.tier === 'key') - Number(a.tier === 'key') ||
        a.name.localeCompare(b.name),
    )
    .map((client, index) => ({ ...client, rank: index + 1 }));
}
