// A raw message → everything ingestion stores about it. Never throws: a parser failure becomes a
// quarantine reason. Runs before the database transaction, so the transaction stays short.
import { type AddressObject, simpleParser } from 'mailparser';
import { sha256Hex } from '../../platform/security/tokens';
import { applyAttachmentLimits, MAX_HTML_CHARS, MAX_TEXT_CHARS, quarantineReasonOf } from './ingestion.models';
import { type DetectedLanguage, detectLanguage } from './language';
import type { MailAddress } from './mail.schema';
import { headerFieldsOf } from './message-headers';
import { decodeText, fieldValues, type HeaderField, messageIds, parseMailboxes } from './message-headers.models';
import { sanitizeEmailHtml } from './sanitize';

/** An attachment's description; its bytes stay in the raw message, read again when downloaded (`readAttachment`). */
export type ParsedAttachment = {
  filename: string;
  contentType: string;
  size: number;
  sha256: string | null;
  skippedReason: string | null;
};

export type ParsedMessage = {
  rawSha256: string;
  size: number;
  quarantineReason: string | null;
  problems: string[];
  /** The envelope sender a final delivery recorded (Return-Path); `<>` reads as ''. */
  returnPath: string | null;
  messageIdHeader: string | null;
  inReplyTo: string | null;
  references: string[];
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  sentAt: Date | null;
  textBody: string;
  safeHtml: string | null;
  language: DetectedLanguage;
  attachments: ParsedAttachment[];
};

/** What Baton does not use is not computed; attachments are identified by the SHA-256 of their decoded bytes. */
const PARSER_OPTIONS = { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true, checksumAlgo: 'sha256' } as const;

/** The bytes of the attachment of a raw message with this SHA-256 (identical bytes are the same attachment), or null. */
export async function readAttachment(raw: Buffer, sha256: string): Promise<Buffer | null> {
  const parsed = await simpleParser(raw, PARSER_OPTIONS);
  return parsed.attachments.find((attachment) => attachment.checksum === sha256)?.content ?? null;
}

export async function parseRawMessage(raw: Buffer): Promise<ParsedMessage> {
  const rawSha256 = sha256Hex(raw);
  const problems: string[] = [];
  let parsed: Awaited<ReturnType<typeof simpleParser>> | null = null;
  let parserError: string | null = null;
  try {
    parsed = await simpleParser(raw, PARSER_OPTIONS);
  } catch (error) {
    parserError = error instanceof Error ? error.message : String(error);
  }
  const headers = parsed ? headerFieldsOf(parsed.headerLines ?? [], problems) : [];
  const firstId = (name: string) => messageIds(fieldValues(headers, name)[0])[0] ?? null;
  const from = parseMailboxes(fieldValues(headers, 'from'))[0] ?? addressesOf(parsed?.from)[0] ?? null;
  const textBody = clip(parsed?.text ?? '', MAX_TEXT_CHARS, 'text body', problems);
  const html = typeof parsed?.html === 'string' ? clip(parsed.html, MAX_HTML_CHARS, 'HTML body', problems) : null;
  const limits = applyAttachmentLimits(
    (parsed?.attachments ?? []).map((attachment) => ({
      filename: attachment.filename ?? '',
      contentType: attachment.contentType,
      size: attachment.size,
    })),
  );
  const attachments = (parsed?.attachments ?? []).map((attachment, index): ParsedAttachment => {
    const verdict = limits[index] ?? { keep: false, reason: 'unknown' };
    return {
      filename: attachment.filename ?? 'attachment',
      contentType: attachment.contentType,
      size: attachment.size,
      sha256: verdict.keep ? attachment.checksum : null,
      skippedReason: verdict.keep ? null : verdict.reason,
    };
  });
  const hasContent = textBody.trim() !== '' || html !== null || attachments.length > 0;
  const sentAt = parsed?.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : null;
  const rawSubject = fieldValues(headers, 'subject')[0];
  return {
    rawSha256,
    size: raw.length,
    quarantineReason: quarantineReasonOf({ parserError, headerCount: headers.length, hasFrom: from !== null, hasContent }),
    problems,
    returnPath: returnPathOf(headers),
    messageIdHeader: firstId('message-id'),
    inReplyTo: firstId('in-reply-to'),
    references: messageIds(fieldValues(headers, 'references').join(' ')).slice(-50),
    from,
    to: parseMailboxes(fieldValues(headers, 'to')).slice(0, 100),
    cc: parseMailboxes(fieldValues(headers, 'cc')).slice(0, 100),
    subject: rawSubject === undefined ? '' : decodeText(rawSubject).slice(0, 1000),
    sentAt,
    textBody,
    safeHtml: html === null ? null : safely(() => sanitizeEmailHtml(html), problems),
    language: detectLanguage(textBody),
    attachments,
  };
}

function addressesOf(field: AddressObject | AddressObject[] | undefined): MailAddress[] {
  return [field ?? []]
    .flat()
    .flatMap((entry) => entry.value)
    .filter((entry) => entry.address?.includes('@'))
    .map((entry) => ({ name: entry.name, address: entry.address ?? '' }));
}

function clip(value: string, max: number, what: string, problems: string[]): string {
  if (value.length <= max) return value;
  problems.push(`${what} longer than ${max} characters: truncated`);
  return value.slice(0, max);
}

function safely(run: () => string, problems: string[]): string | null {
  try {
    return run();
  } catch (error) {
    problems.push(`HTML could not be sanitised and is not shown: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/** Return-Path, added at final delivery, is the envelope sender of a saved message; `<>` reads as ''. */
function returnPathOf(headers: HeaderField[]): string | null {
  const value = fieldValues(headers, 'return-path')[0];
  if (value === undefined) return null;
  const inner = /<([^<>]*)>/.exec(value)?.[1] ?? value.trim();
  return inner.trim();
}
