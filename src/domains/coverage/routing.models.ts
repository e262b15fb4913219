// Whether an ingested message becomes work for the delegate, and where it goes. Pure: the use case reads the
// facts, this decides.
import type { AbsenceState } from '../absences/absences.schema';
import type { NoReplyReason } from '../mail/autoreply.models';

/**
 * What the auto-reply policy recognised as machine mail (lists, bounces, other auto-replies, no-reply senders,
 * spam, the owner's own address): nobody needs to answer it, so it is not put in front of the delegate. Mail it
 * declined for other reasons (already answered, unknown sender, Bcc) is a person writing and is routed.
 */
export const AUTOMATED_MAIL: ReadonlySet<NoReplyReason> = new Set<NoReplyReason>([
  'null-sender',
  'own-address',
  'system-address',
  'noreply-address',
  'list-header',
  'auto-submitted',
  'precedence',
  'legacy-autoresponder',
  'spam-flagged',
]);

export type RoutingFacts = {
  message: { status: 'ingested' | 'quarantined'; absenceId: string | null; autoReplyReason: string | null };
  absence: { state: AbsenceState } | null;
  alreadyRouted: boolean;
  /** The open contact of the message's thread in this absence, if any. */
  openContactInThread: { id: string } | null;
};

export type RoutingDecision =
  | { action: 'skip'; reason: 'quarantined' | 'no-absence' | 'absence-not-active' | 'automated' | 'already-routed' }
  | { action: 'join'; contactId: string }
  | { action: 'new-contact' };

/**
 * Every person's message that arrives while the owner is away (the absence is active) reaches the acting delegate:
 * a reply in a thread that already has an open contact joins it (late replies to threads begun before the absence
 * included); anything else, a thread the client reopens after its contact was closed included, opens a new contact.
 */
export function routeMessage(facts: RoutingFacts): RoutingDecision {
  if (facts.alreadyRouted) return { action: 'skip', reason: 'already-routed' };
  if (facts.message.status !== 'ingested') return { action: 'skip', reason: 'quarantined' };
  if (!facts.message.absenceId || !facts.absence) return { action: 'skip', reason: 'no-absence' };
  if (facts.absence.state !== 'active') return { action: 'skip', reason: 'absence-not-active' };
  if (facts.message.autoReplyReason && AUTOMATED_MAIL.has(facts.message.autoReplyReason as NoReplyReason)) {
    return { action: 'skip', reason: 'automated' };
  }
  if (facts.openContactInThread) return { action: 'join', contactId: facts.openContactInThread.id };
  return { action: 'new-contact' };
}
