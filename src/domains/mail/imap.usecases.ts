// Reading an owner's mailbox over IMAP: settings (password encrypted), the per-mailbox checkpoint
// (UIDVALIDITY + last UID), and the polling job. The checkpoint moves only after a message was ingested
// (each ingestion is its own transaction), so a crash between the two re-reads that message, which
// ingestion de-duplicates by mailbox UID and Message-ID: nothing skipped, nothing twice.
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Clock } from '../../platform/clock/clock';
import type { DatabaseKind, Db } from '../../platform/db/database';
import { enqueueJob, type JobContext } from '../../platform/jobs/jobs';
import { type ImapReader, type ImapSettings, withImapFolder } from '../../platform/mail/imap-reader';
import { createSecretBox, type SecretBox } from '../../platform/security/secret-box';
import type { AuditLog } from '../audit/audit.repository';
import type { Ingestion } from './ingestion.usecases';
import { mailErrors } from './mail.errors';
import type { MailRepository } from './mail.repository';
import { mailboxes, mailboxImap } from './mail.schema';

export const imapSyncJob = {
  name: 'mail.imap_sync',
  payload: z.object({ workspaceId: z.uuid(), mailboxId: z.uuid() }),
  maxAttempts: 1000,
};

export type ImapConfigInput = Omit<ImapSettings, 'folder'> & { folder?: string };
export type ImapSyncResult = {
  status: 'synced' | 'failed' | 'busy';
  fetched: number;
  ingested: number;
  duplicates: number;
  quarantined: number;
  error?: string;
};

type Deps = {
  db: Db;
  dbKind: DatabaseKind;
  clock: Clock;
  auditLog: AuditLog;
  mailRepository: MailRepository;
  ingestion: Ingestion;
  secretKey: Buffer | null;
  pollSeconds: number;
  imapReader?: ImapReader;
};

const uniqueKeyOf = (mailboxId: string) => `mail.imap_sync:${mailboxId}`;

export function createImapSync(deps: Deps) {
  const { db, clock } = deps;
  const reader = deps.imapReader ?? withImapFolder;
  const box: SecretBox | null = deps.secretKey ? createSecretBox(deps.secretKey) : null;
  /** In this process: one sync per mailbox at a time (PGlite is single-process; PostgreSQL adds an advisory lock). */
  const running = new Set<string>();

  const requireBox = () => {
    if (!box) throw mailErrors.secretKeyMissing();
    return box;
  };

  const account = async (mailboxId: string) => (await db.select().from(mailboxImap).where(eq(mailboxImap.mailboxId, mailboxId)))[0] ?? null;

  async function setCheckpoint(mailboxId: string, uidValidity: string, lastUid: string | null) {
    await db.update(mailboxImap).set({ uidValidity, lastUid }).where(eq(mailboxImap.mailboxId, mailboxId));
  }

  async function recordOutcome(mailboxId: string, error: string | null) {
    await db.update(mailboxImap).set({ lastSyncAt: clock.now(), lastError: error }).where(eq(mailboxImap.mailboxId, mailboxId));
  }

  async function syncUnlocked(workspaceId: string, mailboxId: string): Promise<ImapSyncResult> {
    const result: ImapSyncResult = { status: 'synced', fetched: 0, ingested: 0, duplicates: 0, quarantined: 0 };
    const row = await account(mailboxId);
    if (!row || row.workspaceId !== workspaceId) throw mailErrors.imapNotConfigured();
    try {
      const password = requireBox().decrypt(row.passwordEncrypted);
      await reader(
        { host: row.host, port: row.port, secure: row.secure, username: row.username, password, folder: row.folder },
        async (folder) => {
          // A new UIDVALIDITY means the server renumbered the folder: read it all again (duplicates are recognised).
          const sameFolder = row.uidValidity === folder.uidValidity;
          const after = sameFolder ? row.lastUid : null;
          if (!sameFolder) await setCheckpoint(mailboxId, folder.uidValidity, null);
          for await (const message of folder.messagesAfter(after)) {
            result.fetched += 1;
            const outcome = await deps.ingestion.ingestRawMessage({
              workspaceId,
              mailboxId,
              raw: message.raw,
              mailboxUid: { uidValidity: message.uidValidity, uid: message.uid },
              receivedAt: message.internalDate ?? clock.now(),
            });
            if (outcome.outcome === 'ingested') result.ingested += 1;
            else if (outcome.outcome === 'duplicate') result.duplicates += 1;
            else result.quarantined += 1;
            // Only now, with the message committed, does the checkpoint move past it.
            await setCheckpoint(mailboxId, message.uidValidity, message.uid);
          }
        },
      );
      await recordOutcome(mailboxId, null);
    } catch (error) {
      result.status = 'failed';
      result.error = error instanceof Error ? error.message : String(error);
      await recordOutcome(mailboxId, result.error.slice(0, 1000));
    }
    return result;
  }

  /** Reads what is new in the mailbox's folder; IMAP failures are recorded in last_error, not thrown. */
  async function syncImapMailbox(workspaceId: string, mailboxId: string): Promise<ImapSyncResult> {
    const busy: ImapSyncResult = { status: 'busy', fetched: 0, ingested: 0, duplicates: 0, quarantined: 0 };
    if (running.has(mailboxId)) return busy;
    running.add(mailboxId);
    try {
      if (deps.dbKind !== 'postgresql') return await syncUnlocked(workspaceId, mailboxId);
      // Another Baton instance polling this mailbox holds the lock: skip, its poll does the work. The
      // transaction only holds the lock (and its connection); ingestion commits on its own connections.
      return await db.transaction(async (tx) => {
        const [lock] = (
          (await tx.execute(sql`SELECT pg_try_advisory_xact_lock(hashtext(${`baton.imap:${mailboxId}`})) AS locked`)) as unknown as {
            rows: { locked: boolean }[];
          }
        ).rows;
        return lock?.locked ? syncUnlocked(workspaceId, mailboxId) : busy;
      });
    } finally {
      running.delete(mailboxId);
    }
  }

  /** Saves the server and login (password encrypted), turns the mailbox into an IMAP one and starts polling it. */
  async function configureImap(workspaceId: string, mailboxId: string, input: ImapConfigInput, actorId: string | null) {
    const sealed = requireBox().encrypt(input.password);
    const mailbox = await deps.mailRepository.mailbox(workspaceId, mailboxId);
    if (!mailbox) throw mailErrors.mailboxNotFound();
    const folder = input.folder?.trim() || 'INBOX';
    const previous = await account(mailboxId);
    // Another server, login or folder is another UID space: start from its beginning.
    const samePlace = previous && previous.host === input.host && previous.username === input.username && previous.folder === folder;
    const values = {
      host: input.host,
      port: input.port,
      secure: input.secure,
      username: input.username,
      passwordEncrypted: sealed,
      folder,
      lastError: null,
      updatedAt: clock.now(),
      ...(samePlace ? {} : { uidValidity: null, lastUid: null, lastSyncAt: null }),
    };
    await db.transaction(async (tx) => {
      await tx
        .insert(mailboxImap)
        .values({ mailboxId, workspaceId, ...values })
        .onConflictDoUpdate({ target: mailboxImap.mailboxId, set: values });
      await tx.update(mailboxes).set({ kind: 'imap' }).where(eq(mailboxes.id, mailboxId));
      await deps.auditLog.append(tx, {
        workspaceId,
        actorId,
        action: 'mail.imap_configured',
        subjectType: 'mailbox',
        subjectId: mailboxId,
        // Never the password.
        data: { host: input.host, port: input.port, secure: input.secure, username: input.username, folder },
      });
      await enqueueJob(tx, clock, imapSyncJob, { workspaceId, mailboxId }, { uniqueKey: uniqueKeyOf(mailboxId) });
    });
  }

  /** Makes sure every IMAP mailbox has its polling job (after a restart, or a job given up). */
  async function ensurePolling() {
    const rows = await db.select({ workspaceId: mailboxImap.workspaceId, mailboxId: mailboxImap.mailboxId }).from(mailboxImap);
    for (const row of rows) await enqueueJob(db, clock, imapSyncJob, row, { uniqueKey: uniqueKeyOf(row.mailboxId) });
  }

  const job = {
    ...imapSyncJob,
    handler: async (payload: z.infer<typeof imapSyncJob.payload>, context: JobContext) => {
      const exists = await account(payload.mailboxId);
      if (!exists) return; // IMAP removed (or the mailbox deleted): polling stops.
      await syncImapMailbox(payload.workspaceId, payload.mailboxId);
      // Hand the per-mailbox unique key over to the next poll, so exactly one stays pending.
      await db.transaction(async (tx) => {
        await tx.execute(sql`UPDATE jobs SET unique_key = NULL WHERE id = ${context.jobId}`);
        await enqueueJob(tx, clock, imapSyncJob, payload, {
          uniqueKey: uniqueKeyOf(payload.mailboxId),
          runAt: new Date(clock.now().getTime() + deps.pollSeconds * 1000),
        });
      });
    },
  };

  return { syncImapMailbox, configureImap, ensurePolling, account, job };
}
export type ImapSync = ReturnType<typeof createImapSync>;
