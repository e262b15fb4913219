import { and, count, desc, eq, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/database';
import { insertFromJson } from '../../platform/db/json-insert';
import { users } from '../workspaces/workspaces.schema';
import { autoReplies, mailAttachments, mailboxes, mailMessages, mailRaw, mailSettings } from './mail.schema';

export type MailboxRow = typeof mailboxes.$inferSelect;
export type MailMessageRow = typeof mailMessages.$inferSelect;
export type NewMailMessage = typeof mailMessages.$inferInsert;
export type MessageFilter = {
  mailboxIds?: string[];
  clientId?: string;
  unknownSenders?: boolean;
  status?: 'ingested' | 'quarantined';
  before?: Date;
  limit: number;
};

/** PostgreSQL text and jsonb cannot hold NUL characters, which broken mail does contain. */
export function withoutNul<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll('\u0000', '\uFFFD') as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (value && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, withoutNul(entry)])) as T;
  }
  return value;
}

/** All SQL of the mail domain. Every read is scoped by workspace. */
export function createMailRepository({ db }: { db: Db }) {
  return {
    insertMailbox: async (tx: Db, values: typeof mailboxes.$inferInsert) => {
      const [row] = await tx.insert(mailboxes).values(values).onConflictDoNothing().returning();
      return row ?? null;
    },
    /** A workspace's mailboxes (one owner's when given), with the owner's name for display. */
    listMailboxes: async (workspaceId: string, ownerId?: string) =>
      (
        await db
          .select({ mailbox: mailboxes, ownerName: users.name })
          .from(mailboxes)
          .leftJoin(users, eq(users.id, mailboxes.ownerId))
          .where(and(eq(mailboxes.workspaceId, workspaceId), ownerId ? eq(mailboxes.ownerId, ownerId) : undefined))
          .orderBy(mailboxes.address)
      ).map((row) => ({ ...row.mailbox, ownerName: row.ownerName ?? '' })),
    deleteMailbox: (tx: Db, workspaceId: string, id: string) =>
      tx.delete(mailboxes).where(and(eq(mailboxes.workspaceId, workspaceId), eq(mailboxes.id, id))),
    updateAliases: (tx: Db, workspaceId: string, id: string, aliases: string[]) =>
      tx
        .update(mailboxes)
        .set({ aliases })
        .where(and(eq(mailboxes.workspaceId, workspaceId), eq(mailboxes.id, id))),
    mailbox: async (workspaceId: string, id: string, tx: Db = db) =>
      (
        await tx
          .select()
          .from(mailboxes)
          .where(and(eq(mailboxes.workspaceId, workspaceId), eq(mailboxes.id, id)))
      )[0] ?? null,
    /** Mailboxes answering to an address (their own or an alias), in one workspace or all of them. */
    mailboxesByAddress: (address: string, workspaceId?: string) =>
      db
        .select()
        .from(mailboxes)
        .where(
          and(
            workspaceId ? eq(mailboxes.workspaceId, workspaceId) : undefined,
            or(eq(mailboxes.address, address), sql`${mailboxes.aliases} @> ${JSON.stringify([address])}::jsonb`),
          ),
        ),

    insertRaws: (tx: Db, rows: (typeof mailRaw.$inferInsert)[]) =>
      rows.length === 0 ? Promise.resolve() : tx.insert(mailRaw).values(rows).onConflictDoNothing(),
    raw: async (workspaceId: string, sha256: string, tx: Db = db) =>
      (
        await tx
          .select({ content: mailRaw.content })
          .from(mailRaw)
          .where(and(eq(mailRaw.workspaceId, workspaceId), eq(mailRaw.sha256, sha256)))
      )[0]?.content ?? null,

    /** Inserts those whose dedupe key and mailbox UID are free (in the table and earlier in the list): their ids. */
    insertMessages: async (tx: Db, rows: NewMailMessage[]) => {
      if (rows.length === 0) return new Set<string>();
      const query = sql`${insertFromJson(mailMessages, withoutNul(rows))} ON CONFLICT DO NOTHING RETURNING id`;
      return new Set((await queryRows<{ id: string }>(tx, query)).map((row) => row.id));
    },
    /** The stored messages of a mailbox holding any of these dedupe keys or UIDs. */
    existingMessages: (tx: Db, mailboxId: string, dedupeKeys: string[], uids: { uidValidity: string; uid: string }[]) =>
      tx
        .select({ id: mailMessages.id, dedupeKey: mailMessages.dedupeKey, uidValidity: mailMessages.uidValidity, uid: mailMessages.uid })
        .from(mailMessages)
        .where(
          and(
            eq(mailMessages.mailboxId, mailboxId),
            or(
              inArray(mailMessages.dedupeKey, dedupeKeys),
              ...uids.map((uid) => and(eq(mailMessages.uidValidity, uid.uidValidity), eq(mailMessages.uid, uid.uid))),
            ),
          ),
        ),
    updateMessage: (tx: Db, workspaceId: string, id: string, values: Partial<NewMailMessage>) =>
      tx
        .update(mailMessages)
        .set(withoutNul(values))
        .where(and(eq(mailMessages.workspaceId, workspaceId), eq(mailMessages.id, id))),
    insertAttachments: (tx: Db, rows: (typeof mailAttachments.$inferInsert)[]) =>
      rows.length === 0 ? Promise.resolve() : tx.execute(insertFromJson(mailAttachments, withoutNul(rows))),
    deleteAttachments: (tx: Db, messageId: string) => tx.delete(mailAttachments).where(eq(mailAttachments.messageId, messageId)),
    /** One stored attachment of a message, with its bytes (null when it was skipped). */
    attachment: async (workspaceId: string, messageId: string, id: string) =>
      (
        await db
          .select()
          .from(mailAttachments)
          .where(and(eq(mailAttachments.workspaceId, workspaceId), eq(mailAttachments.messageId, messageId), eq(mailAttachments.id, id)))
      )[0] ?? null,
    attachmentsOf: (workspaceId: string, messageId: string) =>
      db
        .select({
          id: mailAttachments.id,
          filename: mailAttachments.filename,
          contentType: mailAttachments.contentType,
          size: mailAttachments.size,
          skippedReason: mailAttachments.skippedReason,
        })
        .from(mailAttachments)
        .where(and(eq(mailAttachments.workspaceId, workspaceId), eq(mailAttachments.messageId, messageId))),

    /** The messages (of this workspace) a new one points back to, for threading. */
    threadParents: (tx: Db, workspaceId: string, ids: string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : tx
            .select({ messageIdHeader: sql<string>`${mailMessages.messageIdHeader}`, threadId: sql<string>`${mailMessages.threadId}` })
            .from(mailMessages)
            .where(
              and(
                eq(mailMessages.workspaceId, workspaceId),
                inArray(mailMessages.messageIdHeader, ids),
                sql`${mailMessages.threadId} IS NOT NULL`,
              ),
            ),

    message: async (workspaceId: string, id: string, tx: Db = db) =>
      (
        await tx
          .select()
          .from(mailMessages)
          .where(and(eq(mailMessages.workspaceId, workspaceId), eq(mailMessages.id, id)))
      )[0] ?? null,
    /** Locks the message for the auto-reply step: two workers on one message are serialised. */
    lockMessage: async (tx: Db, id: string) =>
      (await tx.select().from(mailMessages).where(eq(mailMessages.id, id)).for('update'))[0] ?? null,
    listMessages: (workspaceId: string, filter: MessageFilter) => {
      const conditions: (SQL | undefined)[] = [
        eq(mailMessages.workspaceId, workspaceId),
        filter.mailboxIds ? (filter.mailboxIds.length ? inArray(mailMessages.mailboxId, filter.mailboxIds) : sql`false`) : undefined,
        filter.clientId ? eq(mailMessages.clientId, filter.clientId) : undefined,
        filter.unknownSenders ? and(isNull(mailMessages.clientId), eq(mailMessages.status, 'ingested')) : undefined,
        filter.status ? eq(mailMessages.status, filter.status) : undefined,
        filter.before ? lt(mailMessages.receivedAt, filter.before) : undefined,
      ];
      return db
        .select({
          id: mailMessages.id,
          mailboxId: mailMessages.mailboxId,
          status: mailMessages.status,
          quarantineReason: mailMessages.quarantineReason,
          fromAddress: mailMessages.fromAddress,
          fromName: mailMessages.fromName,
          subject: mailMessages.subject,
          receivedAt: mailMessages.receivedAt,
          language: mailMessages.language,
          clientId: mailMessages.clientId,
          matchedBy: mailMessages.matchedBy,
          absenceId: mailMessages.absenceId,
          threadId: mailMessages.threadId,
          autoReplyDecision: mailMessages.autoReplyDecision,
          autoReplyReason: mailMessages.autoReplyReason,
        })
        .from(mailMessages)
        .where(and(...conditions))
        .orderBy(desc(mailMessages.receivedAt), desc(mailMessages.id))
        .limit(filter.limit);
    },
    /** After a sender was attached to a client: every unmatched message from that address (or domain) follows. */
    rematchSender: (
      tx: Db,
      workspaceId: string,
      match: { address?: string; domain?: string },
      values: { clientId: string; contactId: string | null; matchedBy: 'contact' | 'domain' },
    ) =>
      tx
        .update(mailMessages)
        .set(values)
        .where(
          and(
            eq(mailMessages.workspaceId, workspaceId),
            isNull(mailMessages.clientId),
            match.address
              ? sql`lower(${mailMessages.fromAddress}) = ${match.address}`
              : sql`lower(${mailMessages.fromAddress}) LIKE ${`%@${match.domain ?? '\u0000'}`}`,
          ),
        )
        .returning({ id: mailMessages.id }),
    countMessages: async (workspaceId: string) =>
      (await db.select({ n: count() }).from(mailMessages).where(eq(mailMessages.workspaceId, workspaceId)))[0]?.n ?? 0,

    previousReplies: (tx: Db, mailboxId: string, sender: string) =>
      tx
        .select({ to: autoReplies.sender, textId: autoReplies.textId, sentAt: autoReplies.queuedAt })
        .from(autoReplies)
        .where(and(eq(autoReplies.mailboxId, mailboxId), eq(autoReplies.sender, sender))),
    /** Null when this message already has its reply: the unique index is the last guard against a second one. */
    insertAutoReply: async (tx: Db, values: typeof autoReplies.$inferInsert) =>
      (await tx.insert(autoReplies).values(values).onConflictDoNothing().returning({ id: autoReplies.id }))[0]?.id ?? null,
    autoReplyOf: async (workspaceId: string, messageId: string) =>
      (
        await db
          .select()
          .from(autoReplies)
          .where(and(eq(autoReplies.workspaceId, workspaceId), eq(autoReplies.messageId, messageId)))
      )[0] ?? null,

    settings: async (workspaceId: string, tx: Db = db) =>
      (await tx.select().from(mailSettings).where(eq(mailSettings.workspaceId, workspaceId)))[0] ?? {
        workspaceId,
        autoReplyAudience: 'everyone' as const,
        autoReplyIntervalDays: 7,
      },
    saveSettings: (tx: Db, values: typeof mailSettings.$inferInsert) =>
      tx
        .insert(mailSettings)
        .values(values)
        .onConflictDoUpdate({
          target: mailSettings.workspaceId,
          set: { autoReplyAudience: values.autoReplyAudience, autoReplyIntervalDays: values.autoReplyIntervalDays },
        }),
  };
}
export type MailRepository = ReturnType<typeof createMailRepository>;
