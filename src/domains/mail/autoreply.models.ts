// Whether a message to an absent owner gets the out-of-office reply, and the reply's headers.
// RFC 3834 (automatic responses) and RFC 5230 (Sieve vacation), the checks in the order Pigeonhole runs
// them, plus the stricter product rules listed in ../shared/conformance/autoreply/README.md.
// Pure: the caller passes the history of replies and the time; the sender is recorded as answered only
// after the reply was really queued, which is the caller's business.
import { encodeWord, encodeWords, quoteString } from 'nodemailer/lib/mime-funcs';
import {
  decodeText,
  fieldValues,
  type HeaderField,
  hasField,
  localPart,
  messageIds,
  normalizeAddress,
  parseMailboxes,
  srsOriginalLocalPart,
  stripComments,
} from './message-headers.models';

export const AUTO_REPLY_DEFAULT_INTERVAL_DAYS = 7;
export const AUTO_REPLY_MIN_INTERVAL_DAYS = 1;
export const AUTO_REPLY_SUBJECT_MAX_LENGTH = 256;
export const AUTO_REPLY_FALLBACK_SUBJECT = 'Automated reply';
const MAX_REFERENCES = 20;
const DAY_MS = 86_400_000;

export type NoReplyReason =
  | 'null-sender'
  | 'own-address'
  | 'system-address'
  | 'noreply-address'
  | 'list-header'
  | 'auto-submitted'
  | 'precedence'
  | 'x-auto-response-suppress'
  | 'legacy-autoresponder'
  | 'spam-flagged'
  | 'implicit-delivery'
  | 'unknown-sender'
  | 'already-replied';

export interface PreviousAutoReply {
  /** The address the reply went to (an envelope sender). */
  to: string;
  textId: string;
  sentAt: Date;
}

export interface AutoReplyInput {
  /** The SMTP envelope: `from` '' (or '<>') is the null reverse-path; `to` is the owner's mailbox (final recipient). */
  envelope: { from: string; to: string };
  headers: readonly HeaderField[];
  /** The owner's other addresses and aliases, on any domain; the envelope recipient counts as one too. */
  owner: { name?: string | undefined; addresses: readonly string[] };
  policy?: { intervalDays?: number | undefined; audience?: 'everyone' | 'known-contacts' | undefined };
  senderIsKnownContact?: boolean;
  /** The auto-reply text in force: a new text (new id) restarts every sender's interval. */
  text: { id: string; languages?: readonly string[] | undefined };
  previousReplies?: readonly PreviousAutoReply[];
  language?: { preferred?: string | null | undefined; detected?: string | null | undefined; workspaceDefault: string };
  now: Date;
}

export interface AutoReplyHeaders {
  From: string;
  To: string;
  /** As written on the wire: RFC 2047-encoded only when non-ASCII. */
  Subject: string;
  'In-Reply-To'?: string;
  References?: string;
  'Auto-Submitted': 'auto-replied';
  Precedence: 'bulk';
  'X-Auto-Response-Suppress': 'All';
}

export interface AutoReply {
  /** SMTP envelope of the reply: always the null reverse-path, so nothing ever answers or bounces to it. */
  envelope: { from: ''; to: string };
  headers: AutoReplyHeaders;
  /** The decoded subject, for the outbox and the history. */
  subject: string;
  language: string;
  textId: string;
}

export type AutoReplyDecision =
  | { decision: 'reply'; reason: 'personal-message'; reply: AutoReply }
  | { decision: 'no-reply'; reason: NoReplyReason };

const RECIPIENT_FIELDS = ['to', 'cc', 'bcc', 'resent-to', 'resent-cc', 'resent-bcc'];
const SYSTEM_LOCAL_PART = /^(mailer-daemon|listserv|majordomo|owner-.*|.*-request)$/i;
const NOREPLY_LOCAL_PART = /(^|[-_.+])(no[-_.]?reply|do[-_.]?not[-_.]?reply)($|[-_.+])/i;
const BULK_PRECEDENCE = new Set(['bulk', 'junk', 'list']);

export function autoReplyIntervalDays(days: number | undefined): number {
  if (days === undefined || !Number.isFinite(days)) return AUTO_REPLY_DEFAULT_INTERVAL_DAYS;
  return Math.max(AUTO_REPLY_MIN_INTERVAL_DAYS, days);
}

export function decideAutoReply(input: AutoReplyInput): AutoReplyDecision {
  const noReply = (reason: NoReplyReason): AutoReplyDecision => ({ decision: 'no-reply', reason });
  const { headers } = input;
  const sender = normalizeAddress(input.envelope.from);
  if (sender === '') return noReply('null-sender');

  const ownAddresses = [input.envelope.to, ...input.owner.addresses].filter((address) => address.trim() !== '');
  const own = new Set(ownAddresses.map(normalizeAddress));
  const senderLocalParts = [localPart(sender), srsOriginalLocalPart(sender)].filter((part) => part !== null);
  const srsOriginal = srsOriginalLocalPart(sender);
  if (own.has(sender) || (srsOriginal !== null && ownAddresses.some((address) => isSrsOf(sender, address)))) {
    return noReply('own-address');
  }

  const fromMailboxes = parseMailboxes(fieldValues(headers, 'from'));
  const fromLocalParts = fromMailboxes.map((mailbox) => localPart(mailbox.address));
  if (senderLocalParts.some((part) => SYSTEM_LOCAL_PART.test(part)) || fromLocalParts.some((part) => /^mailer-daemon$/i.test(part))) {
    return noReply('system-address');
  }
  if ([...senderLocalParts, ...fromLocalParts].some((part) => NOREPLY_LOCAL_PART.test(part))) return noReply('noreply-address');

  if (headers.some((field) => field.name.startsWith('list-'))) return noReply('list-header');
  if (fieldValues(headers, 'auto-submitted').some((value) => autoSubmittedKeyword(value) !== 'no')) return noReply('auto-submitted');
  if (fieldValues(headers, 'precedence').some((value) => BULK_PRECEDENCE.has(stripComments(value).trim().toLowerCase()))) {
    return noReply('precedence');
  }
  if (fieldValues(headers, 'x-auto-response-suppress').some(suppressesOutOfOffice)) return noReply('x-auto-response-suppress');
  if (hasField(headers, 'x-autoreply') || hasField(headers, 'x-autorespond')) return noReply('legacy-autoresponder');
  if (isFlaggedAsSpam(headers)) return noReply('spam-flagged');

  const recipients = RECIPIENT_FIELDS.flatMap((name) => parseMailboxes(fieldValues(headers, name)));
  const addressedTo = recipients.find((mailbox) => own.has(normalizeAddress(mailbox.address)));
  if (!addressedTo) return noReply('implicit-delivery');

  if (input.policy?.audience === 'known-contacts' && !input.senderIsKnownContact) return noReply('unknown-sender');
  if (repliedWithinInterval(input, sender)) return noReply('already-replied');

  const ownerAddress =
    ownAddresses.find((address) => normalizeAddress(address) === normalizeAddress(addressedTo.address)) ?? input.envelope.to;
  return { decision: 'reply', reason: 'personal-message', reply: composeReply(input, ownerAddress) };
}

/** RFC 3834 §5: `Auto-Submitted: no (typed by a human)` is "no"; an empty or unreadable value is not. */
export function autoSubmittedKeyword(value: string): string {
  return stripComments(value).trim().split(/[\s;]/)[0]?.toLowerCase() ?? '';
}

function suppressesOutOfOffice(value: string): boolean {
  return value
    .split(/[\s,;]+/)
    .map((token) => token.toLowerCase())
    .some((token) => token === 'all' || token === 'oof');
}

function isFlaggedAsSpam(headers: readonly HeaderField[]): boolean {
  return (
    fieldValues(headers, 'x-spam-flag').some((value) => value.trim().toLowerCase() === 'yes') ||
    fieldValues(headers, 'x-spam-status').some((value) => /^\s*yes\b/i.test(value))
  );
}

function isSrsOf(sender: string, ownAddress: string): boolean {
  const own = normalizeAddress(ownAddress);
  const at = own.lastIndexOf('@');
  return sender.includes(`=${own.slice(at + 1)}=${own.slice(0, at)}@`);
}

function repliedWithinInterval(input: AutoReplyInput, sender: string): boolean {
  const intervalMs = autoReplyIntervalDays(input.policy?.intervalDays) * DAY_MS;
  return (input.previousReplies ?? []).some(
    (previous) =>
      previous.textId === input.text.id &&
      normalizeAddress(previous.to) === sender &&
      input.now.getTime() - previous.sentAt.getTime() < intervalMs,
  );
}

function composeReply(input: AutoReplyInput, ownerAddress: string): AutoReply {
  const { headers } = input;
  const to = input.envelope.from.trim().replace(/^<(.*)>$/, '$1');
  const sender = normalizeAddress(to);
  // The name only when it belongs to the address the reply goes to: an SRS or bounce address keeps none.
  const named = parseMailboxes([...fieldValues(headers, 'sender'), ...fieldValues(headers, 'from')]).find(
    (mailbox) => normalizeAddress(mailbox.address) === sender && mailbox.name !== '',
  );
  const subject = replySubject(fieldValues(headers, 'subject')[0]);
  const messageId = messageIds(fieldValues(headers, 'message-id')[0])[0];
  const threading = messageId ? { 'In-Reply-To': messageId, References: replyReferences(headers, messageId).join(' ') } : {};
  return {
    envelope: { from: '', to },
    headers: {
      From: formatMailbox(input.owner.name ?? '', ownerAddress.trim()),
      To: formatMailbox(named?.name ?? '', to),
      Subject: /^[\x20-\x7e]*$/.test(subject) ? subject : encodeWords(subject, 'Q', 52),
      ...threading,
      'Auto-Submitted': 'auto-replied',
      Precedence: 'bulk',
      'X-Auto-Response-Suppress': 'All',
    },
    subject,
    language: replyLanguage(input),
    textId: input.text.id,
  };
}

/** `Auto: ` + the decoded subject (RFC 5230 §5.3 / RFC 3834 §3.1.5), at most 256 characters. */
export function replySubject(original: string | undefined): string {
  const decoded = original === undefined ? '' : decodeText(original);
  if (decoded === '') return AUTO_REPLY_FALLBACK_SUBJECT;
  const characters = Array.from(`Auto: ${decoded}`);
  if (characters.length <= AUTO_REPLY_SUBJECT_MAX_LENGTH) return characters.join('');
  return `${characters
    .slice(0, AUTO_REPLY_SUBJECT_MAX_LENGTH - 1)
    .join('')
    .trimEnd()}…`;
}

/** RFC 5322 §3.6.4: the parent's References (else its single In-Reply-To) followed by its Message-ID, bounded. */
function replyReferences(headers: readonly HeaderField[], messageId: string): string[] {
  let parents = messageIds(fieldValues(headers, 'references')[0]);
  if (parents.length === 0) {
    const inReplyTo = messageIds(fieldValues(headers, 'in-reply-to')[0]);
    if (inReplyTo.length === 1) parents = inReplyTo;
  }
  const chain = [...parents.filter((id) => id !== messageId), messageId];
  return chain.length <= MAX_REFERENCES ? chain : [chain[0] as string, ...chain.slice(-(MAX_REFERENCES - 1))];
}

function replyLanguage(input: AutoReplyInput): string {
  const { preferred, detected, workspaceDefault = 'en' } = input.language ?? { workspaceDefault: 'en' };
  const available = input.text.languages;
  const usable = (language: string | null | undefined): language is string =>
    typeof language === 'string' && language !== '' && language !== 'other' && (!available || available.includes(language));
  return [preferred, detected].find(usable) ?? workspaceDefault;
}

export function formatMailbox(name: string, address: string): string {
  if (name === '') return `<${address}>`;
  const phrase = /^[\x20-\x7e]*$/.test(name) ? quoteString(name) : encodeWord(name, 'Q', 52);
  return `${phrase} <${address}>`;
}
