// Reading an owner's mailbox over IMAP: settings (password encrypted), the per-mailbox checkpoint
// (UIDVALIDITY + last UID), and the polling job. A fetched batch is stored and the checkpoint moved past it in
// one transaction; when a batch falls back to one message at a time, the checkpoint moves after each, and a crash
// in between re-reads that message, which ingestion de-duplicates by mailbox UID and Message-ID: nothing skipped,
// nothing twice.
// A message that cannot be stored does not block the mailbox: one too large is recorded as skipped at once,
// one whose ingestion throws is tried MAX_INGEST_ATTEMPTS times, then quarantined (or skipped) with the reason.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Clock } from '../../platform/clock/clock';
import type { DatabaseKind, Db } from '../../platform/db/database';
import { enqueueJob, enqueueSuccessor, type JobContext } from '../../platform/jobs/jobs';
import { ImapError } from '../../platform/mail/imap-errors';
import { type ImapMessage, type ImapReader, type ImapSettings, withImapFolder } from '../../platform/mail/imap-reader';
import { createSecretBox, type SecretBox } from '../../platform/security/secret-box';
import type { AuditLog } from '../audit/audit.repository';
import { afterIngestFailure, MAX_INGEST_ATTEMPTS, pollShouldSync, storedPasswordReusable, tooLargeReason } from './imap.models';
import type { ImapRepository } from './imap.repository';
import { ingestBatches, MAX_RAW_MESSAGE_BYTES } from './ingestion.models';
import { PARSE_AHEAD_BATCHES } from './ingestion.parse-pool';
import type { Ingestion, IngestResult, PreparedBatch } from './ingestion.usecases';
import { mailErrors } from './mail.errors';
import type { MailRepository } from './mail.repository';

export const imapSyncJob = {
  name: 'mail.imap_sync',
  payload: z.object({ workspaceId: z.uuid(), mailboxId: z.uuid() }),
  maxAttempts: 1000,
};

/** Server, login and folder; a blank password keeps the stored one (same server and login only). */
export type ImapConfigInput = Omit<ImapSettings, 'folder' | 'password'> & { folder?: string; password?: string };
export type ImapSyncResult = {
  status: 'synced' | 'failed' | 'busy';
  fetched: number;
  ingested: number;
  duplicates: number;
  quarantined: number;
  skipped: number;
  error?: string;
};

type Deps = {
  db: Db;
  dbKind: DatabaseKind;
  clock: Clock;
  auditLog: AuditLog;
  mailRepository: MailRepository;
  imapRepository: ImapRepository;
  ingestion: Ingestion;
  secretKey: Buffer | null;
  pollSeconds: number;
  imapReader?: ImapReader;
  maxMessageBytes?: number;
};

const uniqueKeyOf = (mailboxId: string) => `mail.imap_sync:${mailboxId}`;
const emptyResult = (status: ImapSyncResult['status']): ImapSyncResult => ({
  status,
  fetched: 0,
  ingested: 0,
  duplicates: 0,
  quarantined: 0,
  skipped: 0,
});
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A fetched batch whose downloaded messages are being parsed. */
type FetchedBatch = { messages: ImapMessage[]; prepared: Promise<PreparedBatch> };

function count(result: ImapSyncResult, outcome: IngestResult | null) {
  if (outcome === null) result.skipped += 1;
  else if (outcome.outcome === 'ingested') result.ingested += 1;
  else if (outcome.outcome === 'duplicate') result.duplicates += 1;
  else result.quarantined += 1;
}

/** A message still waiting for another attempt: the sync stops there and the checkpoint stays before it. */
class IngestionPending extends Error {}

export function createImapSync(deps: Deps) {
  const { db, clock, imapRepository } = deps;
  const reader = deps.imapReader ?? withImapFolder;
  const maxBytes = deps.maxMessageBytes ?? MAX_RAW_MESSAGE_BYTES;
  const box: SecretBox | null = deps.secretKey ? createSecretBox(deps.secretKey) : null;
  /** In this process: one sync per mailbox at a time (PGlite is single-process; PostgreSQL adds an advisory lock). */
  const running = new Set<string>();

  const requireBox = () => {
    if (!box) throw mailErrors.secretKeyMissing();
    return box;
  };

  /** The stored settings with the password decrypted, for the reader and the watcher; null when not configured. */
  async function settingsOf(mailboxId: string): Promise<ImapSettings | null> {
    const row = await imapRepository.account(mailboxId);
    if (!row) return null;
    const { host, port, secure, username, folder } = row;
    return { host, port, secure, username, folder, password: requireBox().decrypt(row.passwordEncrypted) };
  }

  const failureOf = (workspaceId: string, mailboxId: string, message: ImapMessage) => ({
    mailboxId,
    workspaceId,
    uidValidity: message.uidValidity,
    uid: message.uid,
    size: message.size,
    subject: message.subject.slice(0, 500),
    fromAddress: message.from,
    lastFailedAt: clock.now(),
  });

  /** A message left on the server, with the reason, visible to an admin and in the audit log: never a silent skip. */
  async function recordSkipped(workspaceId: string, mailboxId: string, message: ImapMessage, reason: string) {
    await db.transaction(async (tx) => {
      await imapRepository.settleFailure(tx, { ...failureOf(workspaceId, mailboxId, message), lastError: reason, outcome: 'skipped' });
      await deps.auditLog.append(tx, {
        workspaceId,
        actorId: null,
        action: 'mail.imap_message_skipped',
        subjectType: 'mailbox',
        subjectId: mailboxId,
        data: { uidValidity: message.uidValidity, uid: message.uid, size: message.size, reason },
      });
    });
  }

  /** Gives up on a message: quarantined with its raw copy, or, when even that fails, recorded as skipped. */
  async function giveUp(workspaceId: string, mailboxId: string, message: ImapMessage & { raw: Buffer }, error: string) {
    const reason = `ingestion failed ${MAX_INGEST_ATTEMPTS} times: ${error}`;
    const base = failureOf(workspaceId, mailboxId, message);
    try {
      const outcome = await deps.ingestion.quarantineUnreadable({
        workspaceId,
        mailboxId,
        raw: message.raw,
        mailboxUid: { uidValidity: message.uidValidity, uid: message.uid },
        receivedAt: message.internalDate ?? clock.now(),
        reason,
      });
      await imapRepository.settleFailure(db, { ...base, lastError: reason, outcome: 'quarantined', messageId: outcome.messageId });
      return outcome;
    } catch (quarantineError) {
      await recordSkipped(
        workspaceId,
        mailboxId,
        message,
        `${reason}; it could not be quarantined either (${messageOf(quarantineError).slice(0, 300)}): left on the IMAP server`,
      );
      return null;
    }
  }

  const inputOf = (workspaceId: string, mailboxId: string, message: ImapMessage & { raw: Buffer }) => ({
    workspaceId,
    mailboxId,
    raw: message.raw,
    mailboxUid: { uidValidity: message.uidValidity, uid: message.uid },
    receivedAt: message.internalDate ?? clock.now(),
  });

  /** Ingests one message, counting a failure against its UID; throws IngestionPending while attempts remain. */
  async function ingestOne(workspaceId: string, mailboxId: string, message: ImapMessage & { raw: Buffer }): Promise<IngestResult | null> {
    try {
      const outcome = await deps.ingestion.ingestRawMessage(inputOf(workspaceId, mailboxId, message));
      await imapRepository.clearPendingFailures(mailboxId, message.uidValidity, [message.uid]);
      return outcome;
    } catch (error) {
      const text = messageOf(error).slice(0, 500);
      const attempts = await imapRepository.recordFailure({ ...failureOf(workspaceId, mailboxId, message), lastError: text });
      if (afterIngestFailure(attempts) === 'retry') {
        throw new IngestionPending(
          `message UID ${message.uid} could not be ingested (attempt ${attempts} of ${MAX_INGEST_ATTEMPTS}): ${text}`,
        );
      }
      return giveUp(workspaceId, mailboxId, message, text);
    }
  }

  /** Starts parsing a fetched batch (the messages that were downloaded) without waiting for it. */
  function prepareFetched(workspaceId: string, mailboxId: string, messages: ImapMessage[]): FetchedBatch {
    const inputs = messages.flatMap((message) =>
      message.raw === null ? [] : [inputOf(workspaceId, mailboxId, { ...message, raw: message.raw })],
    );
    const prepared = deps.ingestion.prepareBatch(inputs);
    // Awaited by settleBatch; a failure there falls back to one message at a time.
    prepared.catch(() => {});
    return { messages, prepared };
  }

  /**
   * Settles a batch in UID order and moves the checkpoint past it: messages too large are recorded as skipped,
   * the others stored in one transaction. When that fails, each is tried on its own with its attempts counted,
   * so one bad message cannot hold back the rest of the batch, and the checkpoint stops before a pending one.
   */
  async function settleBatch(workspaceId: string, mailboxId: string, batch: FetchedBatch, result: ImapSyncResult) {
    const last = batch.messages.at(-1);
    if (!last) return;
    result.fetched += batch.messages.length;
    for (const message of batch.messages) {
      if (message.raw !== null) continue;
      await recordSkipped(workspaceId, mailboxId, message, tooLargeReason(message.size, maxBytes) ?? 'not downloaded');
      result.skipped += 1;
    }
    const downloaded = batch.messages.filter((message) => message.raw !== null);
    // In the batch's own transaction: a crash cannot leave it stored with the checkpoint still before it.
    const uids = downloaded.map((message) => message.uid);
    const readPast = async (tx: Db) => {
      if (uids.length > 0) await imapRepository.clearPendingFailures(mailboxId, last.uidValidity, uids, tx);
      await imapRepository.setCheckpoint(mailboxId, last.uidValidity, last.uid, tx);
    };
    let outcomes: IngestResult[] | null = null;
    try {
      outcomes = await deps.ingestion.storeBatch(await batch.prepared, { inTransaction: readPast });
    } catch {
      // Below, message by message.
    }
    if (outcomes) {
      for (const outcome of outcomes) count(result, outcome);
      // Nothing downloaded (all too large): no transaction ran.
      if (downloaded.length === 0) await readPast(db);
      return;
    }
    for (const message of batch.messages) {
      if (message.raw !== null) count(result, await ingestOne(workspaceId, mailboxId, { ...message, raw: message.raw }));
      // Only now, with the message committed (or settled), does the checkpoint move past it.
      await imapRepository.setCheckpoint(mailboxId, message.uidValidity, message.uid);
    }
  }

  async function syncUnlocked(workspaceId: string, mailboxId: string, signal?: AbortSignal): Promise<ImapSyncResult> {
    const result = emptyResult('synced');
    const row = await imapRepository.account(mailboxId);
    if (!row || row.workspaceId !== workspaceId) throw mailErrors.imapNotConfigured();
    try {
      const settings = await settingsOf(mailboxId);
      if (!settings) throw mailErrors.imapNotConfigured();
      await reader(settings, async (folder) => {
        // A new UIDVALIDITY means the server renumbered the folder: read it all again (duplicates are recognised).
        const sameFolder = row.uidValidity === folder.uidValidity;
        const after = sameFolder ? row.lastUid : null;
        if (!sameFolder) await imapRepository.setCheckpoint(mailboxId, folder.uidValidity, null);
        // The next batches are parsed while the oldest is stored, in order: see settleBatch.
        const parsing: FetchedBatch[] = [];
        for await (const messages of ingestBatches(folder.messagesAfter(after, { maxBytes }), (message) => message.raw?.length ?? 0)) {
          // Stopping between batches leaves a consistent checkpoint.
          if (signal?.aborted) return;
          parsing.push(prepareFetched(workspaceId, mailboxId, messages));
          const oldest = parsing.length > PARSE_AHEAD_BATCHES ? parsing.shift() : undefined;
          if (oldest) await settleBatch(workspaceId, mailboxId, oldest, result);
        }
        for (const batch of parsing) if (!signal?.aborted) await settleBatch(workspaceId, mailboxId, batch, result);
      });
      await imapRepository.recordSyncOutcome(mailboxId, clock.now(), null);
    } catch (error) {
      result.status = 'failed';
      result.error = error instanceof IngestionPending || error instanceof ImapError ? error.message : messageOf(error);
      await imapRepository.recordSyncOutcome(mailboxId, clock.now(), result.error.slice(0, 1000));
    }
    return result;
  }

  /** Reads what is new in the mailbox's folder; IMAP failures are recorded in last_error, not thrown. */
  async function syncImapMailbox(workspaceId: string, mailboxId: string, options: { signal?: AbortSignal } = {}): Promise<ImapSyncResult> {
    if (running.has(mailboxId) || options.signal?.aborted) return emptyResult('busy');
    running.add(mailboxId);
    try {
      if (deps.dbKind !== 'postgresql') return await syncUnlocked(workspaceId, mailboxId, options.signal);
      // Another Baton instance reading this mailbox holds the lock: skip, its sync does the work. The
      // transaction only holds the lock (and its connection); ingestion commits on its own connections.
      return await db.transaction(async (tx) => {
        const [lock] = (
          (await tx.execute(sql`SELECT pg_try_advisory_xact_lock(hashtext(${`baton.imap:${mailboxId}`})) AS locked`)) as unknown as {
            rows: { locked: boolean }[];
          }
        ).rows;
        return lock?.locked ? syncUnlocked(workspaceId, mailboxId, options.signal) : emptyResult('busy');
      });
    } finally {
      running.delete(mailboxId);
    }
  }

  /**
   * Saves server, login and folder in the caller's transaction (the password sealed; blank keeps the stored one
   * for the same server and login) and turns the mailbox into an IMAP one with its polling job.
   */
  async function saveImap(tx: Db, workspaceId: string, mailboxId: string, input: ImapConfigInput, actorId: string | null) {
    const sealer = requireBox();
    const previous = await imapRepository.account(mailboxId, tx);
    const folder = input.folder?.trim() || 'INBOX';
    let passwordEncrypted: string;
    if (input.password) passwordEncrypted = sealer.encrypt(input.password);
    else if (previous && storedPasswordReusable(previous, input)) passwordEncrypted = previous.passwordEncrypted;
    else throw mailErrors.imapPasswordRequired();
    // Another server, login or folder is another UID space: start from its beginning.
    const samePlace = previous && previous.host === input.host && previous.username === input.username && previous.folder === folder;
    const values = {
      host: input.host,
      port: input.port,
      secure: input.secure,
      username: input.username,
      passwordEncrypted,
      folder,
      lastError: null,
      updatedAt: clock.now(),
      ...(samePlace ? {} : { uidValidity: null, lastUid: null, lastSyncAt: null }),
    };
    await imapRepository.upsertAccount(tx, { mailboxId, workspaceId, ...values }, values);
    await imapRepository.setMailboxKind(tx, mailboxId, 'imap');
    await deps.auditLog.append(tx, {
      workspaceId,
      actorId,
      action: 'mail.imap_configured',
      subjectType: 'mailbox',
      subjectId: mailboxId,
      // Never the password, only whether it changed.
      data: {
        host: input.host,
        port: input.port,
        secure: input.secure,
        username: input.username,
        folder,
        passwordChanged: Boolean(input.password),
      },
    });
    await enqueueJob(tx, clock, imapSyncJob, { workspaceId, mailboxId }, { uniqueKey: uniqueKeyOf(mailboxId) });
  }

  /** Saves the server and login (password encrypted), turns the mailbox into an IMAP one and starts polling it. */
  async function configureImap(workspaceId: string, mailboxId: string, input: ImapConfigInput, actorId: string | null) {
    requireBox();
    const mailbox = await deps.mailRepository.mailbox(workspaceId, mailboxId);
    if (!mailbox) throw mailErrors.mailboxNotFound();
    await db.transaction((tx) => saveImap(tx, workspaceId, mailboxId, input, actorId));
  }

  /** Polling on again for a resumed mailbox (in the caller's transaction). */
  const startPolling = (tx: Db, workspaceId: string, mailboxId: string) =>
    enqueueJob(tx, clock, imapSyncJob, { workspaceId, mailboxId }, { uniqueKey: uniqueKeyOf(mailboxId) });

  /** Makes sure every enabled IMAP mailbox has its polling job (after a restart, or a job given up). */
  async function ensurePolling() {
    for (const row of await imapRepository.enabledAccounts()) {
      await startPolling(db, row.workspaceId, row.mailboxId);
    }
  }

  const job = {
    ...imapSyncJob,
    handler: async (payload: z.infer<typeof imapSyncJob.payload>, context: JobContext) => {
      const account = await imapRepository.account(payload.mailboxId);
      // IMAP removed or paused (or the mailbox deleted): polling stops; resuming enqueues it again.
      if (!account?.enabled) return;
      // A live IDLE watcher reads new mail as it arrives; polling is the fallback when it is not there.
      if (pollShouldSync(account, clock.now())) await syncImapMailbox(payload.workspaceId, payload.mailboxId);
      await enqueueSuccessor(db, clock, imapSyncJob, payload, {
        current: context,
        uniqueKey: uniqueKeyOf(payload.mailboxId),
        runAt: new Date(clock.now().getTime() + deps.pollSeconds * 1000),
      });
    },
  };

  /** Connects with these settings and opens the folder: the message count, or an ImapError saying what failed. */
  async function probe(settings: ImapSettings) {
    return reader(settings, async (folder) => ({ messages: folder.messageCount, idle: folder.idleSupported }));
  }

  return {
    syncImapMailbox,
    configureImap,
    saveImap,
    settingsOf,
    startPolling,
    ensurePolling,
    probe,
    storedPasswordFor: async (mailboxId: string, input: Pick<ImapSettings, 'host' | 'port' | 'username'>) => {
      const previous = await imapRepository.account(mailboxId);
      return previous && storedPasswordReusable(previous, input) ? requireBox().decrypt(previous.passwordEncrypted) : null;
    },
    job,
  };
}
export type ImapSync = ReturnType<typeof createImapSync>;
