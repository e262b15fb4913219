// Pure rules of ingestion: the de-duplication key, the size of a batch, the attachment limits and what makes a message
// quarantined.

export const MAX_RAW_MESSAGE_BYTES = 25 * 1024 * 1024;
export const ATTACHMENT_LIMITS = { count: 50, eachBytes: 10 * 1024 * 1024, totalBytes: 20 * 1024 * 1024 };
export const MAX_TEXT_CHARS = 1_000_000;
/**
 * What one transaction of a mailbox's backlog takes in: up to 100 messages, fewer once they reach 8 MiB. Fewer,
 * larger transactions take a backlog in faster (bench/ingest.bench.mjs: about a sixth more messages/s than batches of
 * 25); the bytes bound what the batches being parsed and stored hold in memory.
 */
export const INGEST_BATCH = { messages: 100, bytes: 8 * 1024 * 1024 } as const;
export const MAX_HTML_CHARS = 2_000_000;

/**
 * A message is the same message when its Message-ID is (re-delivery, a re-upload, an IMAP copy): per mailbox,
 * so one message sent to two owners is ingested once for each. Without a Message-ID only identical bytes are
 * the same message. The mailbox UID (UIDVALIDITY + UID) is a second, independent key checked by its own index.
 */
export function dedupeKeyOf(messageId: string | null, rawSha256: string): string {
  return messageId ? `mid:${messageId}` : `sha256:${rawSha256}`;
}

export type AttachmentCandidate = { filename: string; contentType: string; size: number };
export type AttachmentVerdict = { keep: true } | { keep: false; reason: string };

/** Keeps attachments in order until a limit is reached; the others are recorded as skipped with the limit they broke. */
export function applyAttachmentLimits(attachments: readonly AttachmentCandidate[], limits = ATTACHMENT_LIMITS): AttachmentVerdict[] {
  let kept = 0;
  let total = 0;
  return attachments.map((attachment) => {
    if (kept >= limits.count) return { keep: false, reason: `more than ${limits.count} attachments` };
    if (attachment.size > limits.eachBytes) return { keep: false, reason: `larger than ${limits.eachBytes} bytes` };
    if (total + attachment.size > limits.totalBytes) return { keep: false, reason: `attachments over ${limits.totalBytes} bytes in total` };
    kept += 1;
    total += attachment.size;
    return { keep: true };
  });
}

export type ParseOutcome = {
  parserError: string | null;
  headerCount: number;
  hasFrom: boolean;
  hasContent: boolean;
};

/** Quarantined when nothing useful could be read; otherwise ingested with whatever was (problems listed). */
export function quarantineReasonOf(outcome: ParseOutcome): string | null {
  if (outcome.parserError !== null) return `the MIME parser failed: ${outcome.parserError}`;
  if (outcome.headerCount === 0) return 'no header fields could be read';
  if (!outcome.hasFrom && !outcome.hasContent) return 'no sender and no content';
  return null;
}

/** Groups messages, in order, into batches of at most INGEST_BATCH (a single larger message goes alone). */
export async function* ingestBatches<T>(items: AsyncIterable<T> | Iterable<T>, bytesOf: (item: T) => number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  let bytes = 0;
  for await (const item of items) {
    if (batch.length > 0 && bytes + bytesOf(item) > INGEST_BATCH.bytes) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(item);
    bytes += bytesOf(item);
    if (batch.length >= INGEST_BATCH.messages) {
      yield batch;
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length > 0) yield batch;
}
