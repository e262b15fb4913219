// The ingestion pipeline: every driver (raw upload now, IMAP and SMTP-in later) calls `ingestRawMessage`.
// Parsing happens before the transaction; everything of one message is written in ONE transaction
// (raw copy, message row guarded by its dedupe keys, attachments, audit event, the routing job), so a crash
// at any point leaves the message fully ingested or not at all — and a retry then ingests it once.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../platform/clock/clock';
import type { Db } from '../../platform/db/database';
import { enqueueJob } from '../../platform/jobs/jobs';
import { sha256Hex } from '../../platform/security/tokens';
import type { AbsenceLookup } from '../absences/absences.lookup';
import type { AuditLog } from '../audit/audit.repository';
import type { ClientDirectory } from '../clients/clients.lookup';
import { dedupeKeyOf, MAX_RAW_MESSAGE_BYTES } from './ingestion.models';
import { type ParsedMessage, parseRawMessage } from './ingestion.parse';
import { mailRouteJob } from './mail.jobs';
import type { MailboxRow, MailRepository, NewMailMessage } from './mail.repository';
import { domainAndParents, matchClient, senderDomain } from './matching.models';
import { fieldValues, normalizeAddress } from './message-headers.models';
import { chooseThread, parentCandidates } from './threading.models';

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
  faults?: IngestionFaults;
};

export function createIngestion(deps: Deps) {
  const { db, clock, auditLog, mailRepository } = deps;

  /** Client, absence and thread of a parsed message: the reads of the transaction. */
  async function describe(tx: Db, mailbox: MailboxRow, parsed: ParsedMessage, receivedAt: Date, id: string) {
    const address = parsed.from ? normalizeAddress(parsed.from.address) : null;
    const domain = address ? senderDomain(address) : null;
    // One after another: a transaction is one connection, which runs one query at a time.
    const contact = address ? await deps.clientDirectory.contactByEmail(tx, mailbox.workspaceId, address) : null;
    const domains = domain && !contact ? await deps.clientDirectory.domainsAmong(tx, mailbox.workspaceId, domainAndParents(domain)) : [];
    const absence = await deps.absenceLookup.inForce(tx, mailbox.workspaceId, mailbox.ownerId, receivedAt);
    const candidates = parentCandidates(parsed.inReplyTo, parsed.references);
    const parents = await mailRepository.threadParents(tx, mailbox.workspaceId, candidates);
    const match = matchClient(address, contact, domains);
    return {
      clientId: match.kind === 'unknown' ? null : match.clientId,
      contactId: match.kind === 'contact' ? match.contactId : null,
      matchedBy: match.kind === 'unknown' ? null : match.kind,
      absenceId: absence?.id ?? null,
      threadId: chooseThread(candidates, parents, id),
    };
  }

  function parsedColumns(parsed: ParsedMessage, envelopeFrom: string | null): Partial<NewMailMessage> {
    return {
      status: parsed.quarantineReason ? 'quarantined' : 'ingested',
      quarantineReason: parsed.quarantineReason,
      problems: parsed.problems.slice(0, 50),
      messageIdHeader: parsed.messageIdHeader,
      inReplyTo: parsed.inReplyTo,
      references: parsed.references,
      fromAddress: parsed.from ? normalizeAddress(parsed.from.address) : null,
      fromName: parsed.from?.name ?? '',
      envelopeFrom: envelopeFrom ?? returnPathOf(parsed),
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

  async function ingestRawMessage(input: IngestInput): Promise<IngestResult> {
    const mailbox = await mailRepository.mailbox(input.workspaceId, input.mailboxId);
    if (!mailbox) throw new Error(`mailbox ${input.mailboxId} not found in workspace ${input.workspaceId}`);
    if (input.raw.length > MAX_RAW_MESSAGE_BYTES) throw new Error(`message larger than ${MAX_RAW_MESSAGE_BYTES} bytes`);
    const parsed = await parseRawMessage(input.raw);
    const uid = input.mailboxUid ? { uidValidity: String(input.mailboxUid.uidValidity), uid: String(input.mailboxUid.uid) } : undefined;
    const dedupeKey = dedupeKeyOf(parsed.messageIdHeader, parsed.rawSha256);
    const id = randomUUID();
    const now = clock.now();

    return db.transaction(async (tx) => {
      const quarantined = parsed.quarantineReason !== null;
      const described = quarantined
        ? { clientId: null, contactId: null, matchedBy: null, absenceId: null, threadId: null }
        : await describe(tx, mailbox, parsed, input.receivedAt, id);
      const inserted = await mailRepository.insertMessage(tx, {
        id,
        workspaceId: mailbox.workspaceId,
        mailboxId: mailbox.id,
        dedupeKey,
        uidValidity: uid?.uidValidity ?? null,
        uid: uid?.uid ?? null,
        rawSha256: parsed.rawSha256,
        size: parsed.size,
        receivedAt: input.receivedAt,
        ingestedAt: now,
        ...parsedColumns(parsed, input.envelopeFrom ?? null),
        ...described,
        status: quarantined ? 'quarantined' : 'ingested',
      });
      if (!inserted) {
        const existing = await mailRepository.existingMessage(tx, mailbox.id, dedupeKey, uid);
        return { outcome: 'duplicate' as const, messageId: existing ?? id };
      }
      await mailRepository.insertRaw(tx, {
        workspaceId: mailbox.workspaceId,
        sha256: parsed.rawSha256,
        size: parsed.size,
        content: input.raw,
        storedAt: now,
      });
      await deps.faults?.afterMessageInsert?.({ subject: parsed.subject, messageIdHeader: parsed.messageIdHeader });
      await mailRepository.insertAttachments(tx, attachmentRows(mailbox.workspaceId, id, parsed));
      await auditLog.append(tx, {
        workspaceId: mailbox.workspaceId,
        actorId: input.actorId ?? null,
        action: quarantined ? 'mail.quarantined' : 'mail.ingested',
        subjectType: 'mail_message',
        subjectId: id,
        data: {
          mailboxId: mailbox.id,
          from: parsed.from?.address ?? null,
          clientId: described.clientId,
          absenceId: described.absenceId,
          sha256: parsed.rawSha256,
          ...(quarantined ? { reason: parsed.quarantineReason } : {}),
        },
      });
      if (quarantined) return { outcome: 'quarantined' as const, messageId: id, reason: parsed.quarantineReason ?? '' };
      await enqueueJob(tx, clock, mailRouteJob, { workspaceId: mailbox.workspaceId, messageId: id }, { uniqueKey: `mail.route:${id}` });
      return { outcome: 'ingested' as const, messageId: id };
    });
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
    const uid = input.mailboxUid ? { uidValidity: String(input.mailboxUid.uidValidity), uid: String(input.mailboxUid.uid) } : undefined;
    const dedupeKey = dedupeKeyOf(parsed?.messageIdHeader ?? null, rawSha256);
    const id = randomUUID();
    const now = clock.now();
    const reason = input.reason.slice(0, 1000);
    return db.transaction(async (tx) => {
      const inserted = await mailRepository.insertMessage(tx, {
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
      });
      if (!inserted) {
        const existing = await mailRepository.existingMessage(tx, mailbox.id, dedupeKey, uid);
        return { outcome: 'duplicate' as const, messageId: existing ?? id };
      }
      await mailRepository.insertRaw(tx, {
        workspaceId: mailbox.workspaceId,
        sha256: rawSha256,
        size: input.raw.length,
        content: input.raw,
        storedAt: now,
      });
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
      const described = await describe(tx, mailbox, parsed, message.receivedAt, messageId);
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

  return { ingestRawMessage, quarantineUnreadable, retryQuarantined };
}
export type Ingestion = ReturnType<typeof createIngestion>;

/** Return-Path, added at final delivery, is the envelope sender of a saved message; `<>` reads as ''. */
function returnPathOf(parsed: ParsedMessage): string | null {
  const value = fieldValues(parsed.headers, 'return-path')[0];
  if (value === undefined) return null;
  const inner = /<([^<>]*)>/.exec(value)?.[1] ?? value.trim();
  return inner.trim();
}
