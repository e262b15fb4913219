// The ingestion pipeline: every driver (raw upload now, IMAP and SMTP-in later) calls `ingestRawMessage`.
// Parsing happens before the transaction; everything of one message is written in ONE transaction
// (raw copy, message row guarded by its dedupe keys, attachments, audit event, the routing job), so a crash
// at any point leaves the message fully ingested or not at all — and a retry then ingests it once.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../platform/clock/clock';
import { type Db, planWithoutParameterValues } from '../../platform/db/database';
import { enqueueJob, enqueueJobs } from '../../platform/jobs/jobs';
import { sha256Hex } from '../../platform/security/tokens';
import { type AbsenceLookup, absenceInForceAt } from '../absences/absences.lookup';
import type { AuditLog } from '../audit/audit.repository';
import type { ClientDirectory } from '../clients/clients.lookup';
import { dedupeKeyOf, MAX_RAW_MESSAGE_BYTES } from './ingestion.models';
import { type ParsedMessage, parseRawMessage } from './ingestion.parse';
import { inPlaceParser, type MessageParser } from './ingestion.parse-pool';
import { mailRouteJob } from './mail.jobs';
import type { MailboxRow, MailRepository, NewMailMessage } from './mail.repository';
import type { ClientMatch } from './mail.schema';
import { domainAndParents, matchClient, senderDomain } from './matching.models';
import { normalizeAddress } from './message-headers.models';
import { chooseThread, parentCandidates, type ThreadParent } from './threading.models';

export type MailboxUid = { uidValidity: string | number; uid: string | number };
export type IngestInput = {
  workspaceId: string;
  mailboxId: string;
  raw: Buffer;
  mailboxUid?: MailboxUid;
  receivedAt: Date;
  /** The SMTP envelope sender when the driver knows it ('' for `<>`); otherwise Return-Path is used. */
  envelopeFrom?: string | null;
  actorId?: string | null;
};
export type IngestResult = { outcome: 'ingested' | 'duplicate' | 'quarantined'; messageId: string; reason?: string };

/** Test seam: lets a test fail the transaction at a chosen point (for a chosen message), as a crash or a bug would. */
export type IngestionFaults = {
  afterMessageInsert?: (message: { subject: string; messageIdHeader: string | null }) => void | Promise<void>;
};

type Deps = {
  db: Db;
  clock: Clock;
  auditLog: AuditLog;
  mailRepository: MailRepository;
  clientDirectory: ClientDirectory;
  absenceLookup: AbsenceLookup;
  /** The parse pool; parsing happens in place without one. */
  parsePool?: MessageParser;
  faults?: IngestionFaults;
};

/** One message of a batch, parsed, with the identity it will be stored under. */
type Prepared = {
  input: IngestInput;
  parsed: ParsedMessage;
  id: string;
  dedupeKey: string;
  uid: { uidValidity: string; uid: string } | undefined;
};
/** What describing a message needs of it. */
type Describable = { input: Pick<IngestInput, 'receivedAt'>; parsed: ParsedMessage; id: string };
/** Messages of one mailbox, checked and parsed, ready to be stored by `storeBatch`. */
export type PreparedBatch = { mailbox: MailboxRow | null; items: Prepared[] };
type Described = {
  clientId: string | null;
  contactId: string | null;
  matchedBy: ClientMatch | null;
  absenceId: string | null;
  threadId: string | null;
};
const UNDESCRIBED: Described = { clientId: null, contactId: null, matchedBy: null, absenceId: null, threadId: null };

const uidOf = (input: IngestInput) =>
  input.mailboxUid ? { uidValidity: String(input.mailboxUid.uidValidity), uid: String(input.mailboxUid.uid) } : undefined;
const fromAddressOf = (parsed: ParsedMessage) => (parsed.from ? normalizeAddress(parsed.from.address) : null);

export function createIngestion(deps: Deps) {
  const { db, clock, auditLog, mailRepository } = deps;

  /**
   * Client, absence and thread of each message: the reads of the transaction, four queries for a whole batch.
   * A message answering an earlier one of the same batch joins its thread.
   */
  async function describeAll(tx: Db, mailbox: MailboxRow, items: Describable[]): Promise<Map<string, Described>> {
    const described = new Map<string, Described>();
    if (items.length === 0) return described;
    const { workspaceId } = mailbox;
    const addresses = [...new Set(items.map((item) => fromAddressOf(item.parsed)).filter((address) => address !== null))];
    // One after another: a transaction is one connection, which runs one query at a time.
    const contacts = await deps.clientDirectory.contactsByEmails(tx, workspaceId, addresses);
    const domains = [
      ...new Set(addresses.filter((address) => !contacts.has(address)).flatMap((address) => domainAndParents(senderDomain(address) ?? ''))),
    ].filter((domain) => domain !== '');
    const domainRows = await deps.clientDirectory.domainsAmong(tx, workspaceId, domains);
    const times = items.map((item) => item.input.receivedAt.getTime());
    const absences = await deps.absenceLookup.inForceDuring(
      tx,
      workspaceId,
      mailbox.ownerId,
      new Date(Math.min(...times)),
      new Date(Math.max(...times)),
    );
    const candidatesOf = (item: Describable) => parentCandidates(item.parsed.inReplyTo, item.parsed.references);
    const parents: ThreadParent[] = await mailRepository.threadParents(tx, workspaceId, [...new Set(items.flatMap(candidatesOf))]);
    for (const item of items) {
      const address = fromAddressOf(item.parsed);
      const match = matchClient(address, address ? (contacts.get(address) ?? null) : null, domainRows);
      const threadId = chooseThread(candidatesOf(item), parents, item.id);
      if (item.parsed.messageIdHeader) parents.push({ messageIdHeader: item.parsed.messageIdHeader, threadId });
      described.set(item.id, {
        clientId: match.kind === 'unknown' ? null : match.clientId,
        contactId: match.kind === 'contact' ? match.contactId : null,
        matchedBy: match.kind === 'unknown' ? null : match.kind,
        absenceId: absenceInForceAt(absences, item.input.receivedAt)?.id ?? null,
        threadId,
      });
    }
    return described;
  }

  function parsedColumns(parsed: ParsedMessage, envelopeFrom: string | null): Partial<NewMailMessage> {
    return {
      status: parsed.quarantineReason ? 'quarantined' : 'ingested',
      quarantineReason: parsed.quarantineReason,
      problems: parsed.problems.slice(0, 50),
      messageIdHeader: parsed.messageIdHeader,
      inReplyTo: parsed.inReplyTo,
      references: parsed.references,
      fromAddress: fromAddressOf(parsed),
      fromName: parsed.from?.name ?? '',
      envelopeFrom: envelopeFrom ?? parsed.returnPath,
      to: parsed.to,
      cc: parsed.cc,
      subject: parsed.subject,
      sentAt: parsed.sentAt,
      textBody: parsed.textBody,
      safeHtml: parsed.safeHtml,
      language: parsed.language,
    };
  }

  const attachmentRows = (workspaceId: string, messageId: string, parsed: ParsedMessage) =>
    parsed.attachments.map((attachment) => ({ workspaceId, messageId, ...attachment }));

  /** The stored message each duplicate stands for: same dedupe key or same mailbox UID. */
  async function existingIds(
    tx: Db,
    mailboxId: string,
    duplicates: Pick<Prepared, 'id' | 'dedupeKey' | 'uid'>[],
  ): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    if (duplicates.length === 0) return found;
    const uids = duplicates.flatMap((item) => (item.uid ? [item.uid] : []));
    const rows = await mailRepository.existingMessages(
      tx,
      mailboxId,
      duplicates.map((item) => item.dedupeKey),
      uids,
    );
    for (const item of duplicates) {
      const row =
        rows.find((candidate) => candidate.dedupeKey === item.dedupeKey) ??
        rows.find((candidate) => item.uid && candidate.uidValidity === item.uid.uidValidity && candidate.uid === item.uid.uid);
      if (row) found.set(item.id, row.id);
    }
    return found;
  }

  /**
   * Checks and parses messages of one mailbox (on the parse pool's worker when there are several): the first half
   * of `ingestRawMessages`, apart so a mailbox sync can parse its next batch while the previous one is stored.
   */
  async function prepareBatch(inputs: IngestInput[]): Promise<PreparedBatch> {
    const first = inputs[0];
    if (!first) return { mailbox: null, items: [] };
    if (inputs.some((input) => input.workspaceId !== first.workspaceId || input.mailboxId !== first.mailboxId)) {
      throw new Error('a batch holds messages of one mailbox');
    }
    const mailbox = await mailRepository.mailbox(first.workspaceId, first.mailboxId);
    if (!mailbox) throw new Error(`mailbox ${first.mailboxId} not found in workspace ${first.workspaceId}`);
    const tooLarge = inputs.find((input) => input.raw.length > MAX_RAW_MESSAGE_BYTES);
    if (tooLarge) throw new Error(`message larger than ${MAX_RAW_MESSAGE_BYTES} bytes`);
    const parsed = await (deps.parsePool ?? inPlaceParser).parseAll(inputs.map((input) => input.raw));
    const items = inputs.map((input, index): Prepared => {
      const message = parsed[index] as ParsedMessage;
      return {
        input,
        parsed: message,
        id: randomUUID(),
        dedupeKey: dedupeKeyOf(message.messageIdHeader, message.rawSha256),
        uid: uidOf(input),
      };
    });
    return { mailbox, items };
  }

  /**
   * Stores a prepared batch in ONE transaction: all of its messages, or none. The reads and writes are a few
   * statements for the whole batch, which is what makes a mailbox's backlog fast to take in. `inTransaction` adds
   * the caller's own writes to it (the IMAP checkpoint: stored and read past, or neither).
   */
  async function storeBatch(
    { mailbox, items }: PreparedBatch,
    { inTransaction }: { inTransaction?: (tx: Db) => Promise<void> } = {},
  ): Promise<IngestResult[]> {
    if (!mailbox) return [];
    const now = clock.now();
    const { workspaceId } = mailbox;
    return db.transaction(async (tx) => {
      const readable = items.filter((item) => item.parsed.quarantineReason === null);
      const described = await describeAll(tx, mailbox, readable);
      // The writes carry whole raw messages and bodies as parameters.
      await planWithoutParameterValues(tx);
      const inserted = await mailRepository.insertMessages(
        tx,
        items.map((item) => ({
          id: item.id,
          workspaceId,
          mailboxId: mailbox.id,
          dedupeKey: item.dedupeKey,
          uidValidity: item.uid?.uidValidity ?? null,
          uid: item.uid?.uid ?? null,
          rawSha256: item.parsed.rawSha256,
          size: item.parsed.size,
          receivedAt: item.input.receivedAt,
          ingestedAt: now,
          ...parsedColumns(item.parsed, item.input.envelopeFrom ?? null),
          ...(described.get(item.id) ?? UNDESCRIBED),
          status: item.parsed.quarantineReason ? 'quarantined' : 'ingested',
        })),
      );
      const stored = items.filter((item) => inserted.has(item.id));
      for (const { parsed } of stored) {
        await deps.faults?.afterMessageInsert?.({ subject: parsed.subject, messageIdHeader: parsed.messageIdHeader });
      }
      const raws = new Map(stored.map((item) => [item.parsed.rawSha256, item]));
      await mailRepository.insertRaws(
        tx,
        [...raws.values()].map(({ parsed, input }) => ({
          workspaceId,
          sha256: parsed.rawSha256,
          size: parsed.size,
          content: input.raw,
          storedAt: now,
        })),
      );
      await mailRepository.insertAttachments(
        tx,
        stored.flatMap((item) => attachmentRows(workspaceId, item.id, item.parsed)),
      );
      await auditLog.appendMany(
        tx,
        stored.map(({ id, input, parsed }) => {
          const { clientId, absenceId } = described.get(id) ?? UNDESCRIBED;
          return {
            workspaceId,
            actorId: input.actorId ?? null,
            action: parsed.quarantineReason ? 'mail.quarantined' : 'mail.ingested',
            subjectType: 'mail_message',
            subjectId: id,
            data: {
              mailboxId: mailbox.id,
              from: parsed.from?.address ?? null,
              clientId,
              absenceId,
              sha256: parsed.rawSha256,
              ...(parsed.quarantineReason ? { reason: parsed.quarantineReason } : {}),
            },
          };
        }),
      );
      await enqueueJobs(
        tx,
        clock,
        mailRouteJob,
        stored
          .filter((item) => item.parsed.quarantineReason === null)
          .map(({ id }) => ({ payload: { workspaceId, messageId: id }, options: { uniqueKey: `mail.route:${id}` } })),
      );
      const existing = await existingIds(
        tx,
        mailbox.id,
        items.filter((item) => !inserted.has(item.id)),
      );
      await inTransaction?.(tx);
      return items.map((item): IngestResult => {
        if (!inserted.has(item.id)) return { outcome: 'duplicate', messageId: existing.get(item.id) ?? item.id };
        const reason = item.parsed.quarantineReason;
        return reason === null ? { outcome: 'ingested', messageId: item.id } : { outcome: 'quarantined', messageId: item.id, reason };
      });
    });
  }

  /** Ingests messages of one mailbox (an IMAP fetch, or a single upload) in one transaction. */
  const ingestRawMessages = async (inputs: IngestInput[]) => storeBatch(await prepareBatch(inputs));

  /** One message: a batch of one (the upload API, the CLI, the SMTP endpoint). */
  async function ingestRawMessage(input: IngestInput): Promise<IngestResult> {
    const [result] = await ingestRawMessages([input]);
    if (!result) throw new Error('ingestion returned no result');
    return result;
  }

  /**
   * Stores a message whose ingestion kept failing as quarantined, with the reason: its raw copy is kept (an admin
   * can read it again after a fix) and the mailbox moves on. Nothing but the row, the raw copy and the audit event,
   * so whatever broke the full pipeline is not in the way.
   */
  async function quarantineUnreadable(input: IngestInput & { reason: string }): Promise<IngestResult> {
    const mailbox = await mailRepository.mailbox(input.workspaceId, input.mailboxId);
    if (!mailbox) throw new Error(`mailbox ${input.mailboxId} not found in workspace ${input.workspaceId}`);
    const rawSha256 = sha256Hex(input.raw);
    const parsed = await parseRawMessage(input.raw).catch(() => null);
    const uid = uidOf(input);
    const dedupeKey = dedupeKeyOf(parsed?.messageIdHeader ?? null, rawSha256);
    const id = randomUUID();
    const now = clock.now();
    const reason = input.reason.slice(0, 1000);
    return db.transaction(async (tx) => {
      const inserted = await mailRepository.insertMessages(tx, [
        {
          id,
          workspaceId: mailbox.workspaceId,
          mailboxId: mailbox.id,
          dedupeKey,
          uidValidity: uid?.uidValidity ?? null,
          uid: uid?.uid ?? null,
          rawSha256,
          size: input.raw.length,
          receivedAt: input.receivedAt,
          ingestedAt: now,
          ...(parsed ? parsedColumns(parsed, input.envelopeFrom ?? null) : {}),
          status: 'quarantined',
          quarantineReason: reason,
        },
      ]);
      if (!inserted.has(id)) {
        const existing = await existingIds(tx, mailbox.id, [{ id, dedupeKey, uid }]);
        return { outcome: 'duplicate' as const, messageId: existing.get(id) ?? id };
      }
      await mailRepository.insertRaws(tx, [
        { workspaceId: mailbox.workspaceId, sha256: rawSha256, size: input.raw.length, content: input.raw, storedAt: now },
      ]);
      await auditLog.append(tx, {
        workspaceId: mailbox.workspaceId,
        actorId: input.actorId ?? null,
        action: 'mail.quarantined',
        subjectType: 'mail_message',
        subjectId: id,
        data: { mailboxId: mailbox.id, from: parsed?.from?.address ?? null, sha256: rawSha256, reason },
      });
      return { outcome: 'quarantined' as const, messageId: id, reason };
    });
  }

  /** Parses a quarantined message's stored raw copy again (after a fix in Baton); ingests it when it now reads. */
  async function retryQuarantined(workspaceId: string, messageId: string, actorId: string | null): Promise<IngestResult> {
    const message = await mailRepository.message(workspaceId, messageId);
    if (message?.status !== 'quarantined') throw new Error('not quarantined');
    const mailbox = await mailRepository.mailbox(workspaceId, message.mailboxId);
    const raw = await mailRepository.raw(workspaceId, message.rawSha256);
    if (!mailbox || !raw) throw new Error('mailbox or raw copy missing');
    const parsed = await parseRawMessage(raw);
    return db.transaction(async (tx) => {
      const locked = await mailRepository.lockMessage(tx, messageId);
      if (locked?.status !== 'quarantined') return { outcome: 'duplicate' as const, messageId };
      const columns = parsedColumns(parsed, message.envelopeFrom);
      if (parsed.quarantineReason) {
        await mailRepository.updateMessage(tx, workspaceId, messageId, { quarantineReason: parsed.quarantineReason });
        return { outcome: 'quarantined' as const, messageId, reason: parsed.quarantineReason };
      }
      const item = { input: { receivedAt: message.receivedAt }, parsed, id: messageId };
      const described = (await describeAll(tx, mailbox, [item])).get(messageId) ?? UNDESCRIBED;
      await mailRepository.updateMessage(tx, workspaceId, messageId, { ...columns, ...described });
      await mailRepository.deleteAttachments(tx, messageId);
      await mailRepository.insertAttachments(tx, attachmentRows(workspaceId, messageId, parsed));
      await auditLog.append(tx, {
        workspaceId,
        actorId,
        action: 'mail.quarantine_released',
        subjectType: 'mail_message',
        subjectId: messageId,
        data: { clientId: described.clientId },
      });
      await enqueueJob(tx, clock, mailRouteJob, { workspaceId, messageId }, { uniqueKey: `mail.route:${messageId}` });
      return { outcome: 'ingested' as const, messageId };
    });
  }

  return { ingestRawMessage, ingestRawMessages, prepareBatch, storeBatch, quarantineUnreadable, retryQuarantined };
}
export type Ingestion = ReturnType<typeof createIngestion>;
