// SQL of IMAP mailboxes: settings, checkpoint, sync and watcher status, the watcher lease, failed messages.
import { and, count, eq, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { type ImapFailureOutcome, type ImapWatchState, mailboxes, mailboxImap, mailImapFailures, mailMessages } from './mail.schema';

export type ImapAccountRow = typeof mailboxImap.$inferSelect;
export type ImapFailureRow = typeof mailImapFailures.$inferSelect;
export type MailboxCounts = { ingested: number; quarantined: number; skipped: number };

export function createImapRepository({ db }: { db: Db }) {
  return {
    account: async (mailboxId: string, tx: Db = db) =>
      (await tx.select().from(mailboxImap).where(eq(mailboxImap.mailboxId, mailboxId)))[0] ?? null,
    /** IMAP settings and status of a workspace's mailboxes, by mailbox id. */
    accountsOf: async (workspaceId: string) =>
      new Map(
        (await db.select().from(mailboxImap).where(eq(mailboxImap.workspaceId, workspaceId))).map((row) => [row.mailboxId, row] as const),
      ),
    enabledAccounts: () =>
      db
        .select({ workspaceId: mailboxImap.workspaceId, mailboxId: mailboxImap.mailboxId, updatedAt: mailboxImap.updatedAt })
        .from(mailboxImap)
        .where(eq(mailboxImap.enabled, true)),
    upsertAccount: (tx: Db, values: typeof mailboxImap.$inferInsert, update: Partial<typeof mailboxImap.$inferInsert>) =>
      tx.insert(mailboxImap).values(values).onConflictDoUpdate({ target: mailboxImap.mailboxId, set: update }),
    updateAccount: (tx: Db, mailboxId: string, values: Partial<typeof mailboxImap.$inferInsert>) =>
      tx.update(mailboxImap).set(values).where(eq(mailboxImap.mailboxId, mailboxId)),
    deleteAccount: (tx: Db, mailboxId: string) => tx.delete(mailboxImap).where(eq(mailboxImap.mailboxId, mailboxId)),
    setMailboxKind: (tx: Db, mailboxId: string, kind: 'imap' | 'upload') =>
      tx.update(mailboxes).set({ kind }).where(eq(mailboxes.id, mailboxId)),

    setCheckpoint: (mailboxId: string, uidValidity: string, lastUid: string | null, tx: Db = db) =>
      tx.update(mailboxImap).set({ uidValidity, lastUid }).where(eq(mailboxImap.mailboxId, mailboxId)),
    recordSyncOutcome: (mailboxId: string, at: Date, error: string | null) =>
      db.update(mailboxImap).set({ lastSyncAt: at, lastError: error }).where(eq(mailboxImap.mailboxId, mailboxId)),

    /** Takes (or keeps) the IDLE lease of a mailbox when nobody holds a live one; true when this instance holds it. */
    acquireLease: async (mailboxId: string, owner: string, now: Date, until: Date) =>
      (
        await db
          .update(mailboxImap)
          .set({ watchOwner: owner, watchLeaseUntil: until })
          .where(
            and(
              eq(mailboxImap.mailboxId, mailboxId),
              eq(mailboxImap.enabled, true),
              or(isNull(mailboxImap.watchOwner), eq(mailboxImap.watchOwner, owner), lt(mailboxImap.watchLeaseUntil, now)),
            ),
          )
          .returning({ mailboxId: mailboxImap.mailboxId })
      ).length === 1,
    /** Lets go of this instance's leases (on shutdown): another instance may take them over at once. */
    releaseLeases: (owner: string) =>
      db
        .update(mailboxImap)
        .set({ watchOwner: null, watchLeaseUntil: null, watchState: null, nextRetryAt: null })
        .where(eq(mailboxImap.watchOwner, owner)),
    /** Lets go of every instance's leases: at start-up on PGlite, where any other holder is a process that died. */
    releaseAllLeases: () =>
      db
        .update(mailboxImap)
        .set({ watchOwner: null, watchLeaseUntil: null, watchState: null, nextRetryAt: null })
        .where(isNotNull(mailboxImap.watchOwner)),
    releaseLease: (mailboxId: string, owner: string) =>
      db
        .update(mailboxImap)
        .set({ watchOwner: null, watchLeaseUntil: null, watchState: null, nextRetryAt: null })
        .where(and(eq(mailboxImap.mailboxId, mailboxId), eq(mailboxImap.watchOwner, owner))),
    /** The watcher's state, written only while this instance holds the lease. */
    setWatchStatus: (
      mailboxId: string,
      owner: string,
      status: { watchState: ImapWatchState | null; watchError: string | null; nextRetryAt: Date | null },
    ) =>
      db
        .update(mailboxImap)
        .set(status)
        .where(and(eq(mailboxImap.mailboxId, mailboxId), eq(mailboxImap.watchOwner, owner))),

    /** One more failed attempt at a message; returns how many there have been. */
    recordFailure: async (values: Omit<typeof mailImapFailures.$inferInsert, 'attempts' | 'firstFailedAt' | 'outcome' | 'messageId'>) =>
      (
        await db
          .insert(mailImapFailures)
          .values({ ...values, attempts: 1, firstFailedAt: values.lastFailedAt })
          .onConflictDoUpdate({
            target: [mailImapFailures.mailboxId, mailImapFailures.uidValidity, mailImapFailures.uid],
            set: { attempts: sql`${mailImapFailures.attempts} + 1`, lastError: values.lastError, lastFailedAt: values.lastFailedAt },
          })
          .returning({ attempts: mailImapFailures.attempts })
      )[0]?.attempts ?? 1,
    /** What became of a message given up on (or skipped at once): the record an admin sees. */
    settleFailure: (
      tx: Db,
      values: Omit<typeof mailImapFailures.$inferInsert, 'attempts' | 'firstFailedAt'> & { outcome: ImapFailureOutcome },
    ) =>
      tx
        .insert(mailImapFailures)
        .values({ ...values, attempts: 0, firstFailedAt: values.lastFailedAt })
        .onConflictDoUpdate({
          target: [mailImapFailures.mailboxId, mailImapFailures.uidValidity, mailImapFailures.uid],
          set: {
            outcome: values.outcome,
            messageId: values.messageId ?? null,
            lastError: values.lastError,
            lastFailedAt: values.lastFailedAt,
          },
        }),
    /** A message that failed before and is now stored: its failed attempts are history, not a problem. */
    clearPendingFailures: (mailboxId: string, uidValidity: string, uids: string[], tx: Db = db) =>
      tx
        .delete(mailImapFailures)
        .where(
          and(
            eq(mailImapFailures.mailboxId, mailboxId),
            eq(mailImapFailures.uidValidity, uidValidity),
            inArray(mailImapFailures.uid, uids),
            isNull(mailImapFailures.outcome),
          ),
        ),
    settledFailures: (workspaceId: string, mailboxId: string) =>
      db
        .select()
        .from(mailImapFailures)
        .where(
          and(
            eq(mailImapFailures.workspaceId, workspaceId),
            eq(mailImapFailures.mailboxId, mailboxId),
            isNotNull(mailImapFailures.outcome),
          ),
        )
        .orderBy(sql`${mailImapFailures.lastFailedAt} DESC`)
        .limit(200),

    /** Messages stored per mailbox and status, and messages skipped, for a workspace's mailbox list. */
    counts: async (workspaceId: string) => {
      const stored = await db
        .select({ mailboxId: mailMessages.mailboxId, status: mailMessages.status, n: count() })
        .from(mailMessages)
        .where(eq(mailMessages.workspaceId, workspaceId))
        .groupBy(mailMessages.mailboxId, mailMessages.status);
      const skipped = await db
        .select({ mailboxId: mailImapFailures.mailboxId, n: count() })
        .from(mailImapFailures)
        .where(and(eq(mailImapFailures.workspaceId, workspaceId), eq(mailImapFailures.outcome, 'skipped')))
        .groupBy(mailImapFailures.mailboxId);
      const result = new Map<string, MailboxCounts>();
      const of = (id: string) => {
        const entry = result.get(id) ?? { ingested: 0, quarantined: 0, skipped: 0 };
        result.set(id, entry);
        return entry;
      };
      for (const row of stored) of(row.mailboxId)[row.status] = Number(row.n);
      for (const row of skipped) of(row.mailboxId).skipped = Number(row.n);
      return result;
    },
    hasMessages: async (mailboxId: string) =>
      (await db.select({ id: mailMessages.id }).from(mailMessages).where(eq(mailMessages.mailboxId, mailboxId)).limit(1)).length > 0,
  };
}
export type ImapRepository = ReturnType<typeof createImapRepository>;
