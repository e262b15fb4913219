import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/db/bytea';
import { users, workspaces } from '../workspaces/workspaces.schema';

export type MailboxKind = 'upload' | 'imap' | 'smtp';
export type MailMessageStatus = 'ingested' | 'quarantined';
export type ClientMatch = 'contact' | 'domain';
export type MailAddress = { name: string; address: string };

/** An owner's mailbox Baton reads: its address and aliases (the owner's own addresses for the auto-reply policy). */
export const mailboxes = pgTable(
  'mailboxes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    address: text('address').notNull(),
    aliases: jsonb('aliases').$type<string[]>().notNull().default([]),
    kind: text('kind').$type<MailboxKind>().notNull().default('upload'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('mailboxes_workspace_address').on(table.workspaceId, table.address)],
);

/**
 * How Baton reads an IMAP mailbox: server, login (the password encrypted with BATON_SECRET_KEY, never in clear)
 * and the checkpoint: the folder's UIDVALIDITY and the highest UID already ingested, advanced only after a
 * message was stored, so a crash never skips one (reading one again is de-duplicated).
 */
export const mailboxImap = pgTable('mailbox_imap', {
  mailboxId: uuid('mailbox_id')
    .primaryKey()
    .references(() => mailboxes.id, { onDelete: 'cascade' }),
  workspaceId: uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  host: text('host').notNull(),
  port: integer('port').notNull(),
  secure: boolean('secure').notNull().default(true),
  username: text('username').notNull(),
  /** `v1:` + base64(iv | tag | AES-256-GCM ciphertext). */
  passwordEncrypted: text('password_encrypted').notNull(),
  folder: text('folder').notNull().default('INBOX'),
  uidValidity: text('uid_validity'),
  lastUid: text('last_uid'),
  lastSyncAt: timestamp('last_sync_at', { withTimezone: true }),
  lastError: text('last_error'),
  /** Paused by an admin or the owner: no IDLE connection, no polling; the checkpoint is kept. */
  enabled: boolean('enabled').notNull().default(true),
  /** The IDLE watcher: its state, its last connection error and when it tries again. */
  watchState: text('watch_state').$type<ImapWatchState>(),
  watchError: text('watch_error'),
  nextRetryAt: timestamp('next_retry_at', { withTimezone: true }),
  /** The Baton instance holding the IDLE connection, and until when (renewed while it lives): one watcher per mailbox. */
  watchOwner: text('watch_owner'),
  watchLeaseUntil: timestamp('watch_lease_until', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export type ImapWatchState = 'idle' | 'reconnecting' | 'unsupported';
export type ImapFailureOutcome = 'quarantined' | 'skipped';

/**
 * IMAP messages that could not be ingested, by UID: the failed attempts of a message whose ingestion throws
 * (the checkpoint waits for it, a bounded number of times), and what became of it — quarantined with its raw
 * copy, or skipped (too large to store, or not even quarantinable) and left on the server, with the reason.
 */
export const mailImapFailures = pgTable(
  'mail_imap_failures',
  {
    mailboxId: uuid('mailbox_id')
      .notNull()
      .references(() => mailboxes.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id').notNull(),
    uidValidity: text('uid_validity').notNull(),
    uid: text('uid').notNull(),
    size: integer('size').notNull(),
    subject: text('subject').notNull().default(''),
    fromAddress: text('from_address'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error').notNull(),
    outcome: text('outcome').$type<ImapFailureOutcome>(),
    messageId: uuid('message_id'),
    firstFailedAt: timestamp('first_failed_at', { withTimezone: true }).notNull(),
    lastFailedAt: timestamp('last_failed_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.mailboxId, table.uidValidity, table.uid] })],
);

/** Raw messages, content-addressed: one copy per workspace whatever the number of mailboxes or retries. */
export const mailRaw = pgTable(
  'mail_raw',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    storedAt: timestamp('stored_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.sha256] })],
);

export const mailMessages = pgTable(
  'mail_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    mailboxId: uuid('mailbox_id')
      .notNull()
      .references(() => mailboxes.id),
    /** `mid:<Message-ID>` or `sha256:<raw hash>` when there is none; unique per mailbox. */
    dedupeKey: text('dedupe_key').notNull(),
    uidValidity: text('uid_validity'),
    uid: text('uid'),
    rawSha256: text('raw_sha256').notNull(),
    size: integer('size').notNull(),
    status: text('status').$type<MailMessageStatus>().notNull(),
    quarantineReason: text('quarantine_reason'),
    /** What could not be read but did not prevent ingestion (8-bit headers, a skipped part…). */
    problems: jsonb('problems').$type<string[]>().notNull().default([]),
    messageIdHeader: text('message_id_header'),
    inReplyTo: text('in_reply_to'),
    references: jsonb('references').$type<string[]>().notNull().default([]),
    threadId: uuid('thread_id'),
    fromAddress: text('from_address'),
    fromName: text('from_name').notNull().default(''),
    envelopeFrom: text('envelope_from'),
    to: jsonb('to').$type<MailAddress[]>().notNull().default([]),
    cc: jsonb('cc').$type<MailAddress[]>().notNull().default([]),
    subject: text('subject').notNull().default(''),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    textBody: text('text_body').notNull().default(''),
    /** Sanitised for display: no scripts, handlers, forms or remote images. */
    safeHtml: text('safe_html'),
    language: text('language').$type<'en' | 'it' | 'other'>().notNull().default('other'),
    clientId: uuid('client_id'),
    contactId: uuid('contact_id'),
    matchedBy: text('matched_by').$type<ClientMatch>(),
    absenceId: uuid('absence_id'),
    autoReplyDecision: text('auto_reply_decision').$type<'reply' | 'no-reply'>(),
    autoReplyReason: text('auto_reply_reason'),
    ingestedAt: timestamp('ingested_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('mail_messages_mailbox_dedupe').on(table.mailboxId, table.dedupeKey),
    uniqueIndex('mail_messages_mailbox_uid').on(table.mailboxId, table.uidValidity, table.uid).where(sql`${table.uid} IS NOT NULL`),
    index('mail_messages_workspace_received').on(table.workspaceId, table.receivedAt),
    index('mail_messages_workspace_message_id').on(table.workspaceId, table.messageIdHeader),
    index('mail_messages_workspace_from').on(table.workspaceId, table.fromAddress),
  ],
);

export const mailAttachments = pgTable(
  'mail_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => mailMessages.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    /** Of the decoded bytes, which a download reads from the message's raw copy: stored once, not twice. */
    sha256: text('sha256'),
    /** Set when the attachment was over a limit: listed, not served (it stays in the raw copy, as a whole .eml). */
    skippedReason: text('skipped_reason'),
  },
  (table) => [index('mail_attachments_message_idx').on(table.messageId)],
);

/** Every auto-reply queued: the sender is marked exactly when (and in the transaction where) the reply was queued. */
export const autoReplies = pgTable(
  'auto_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull(),
    mailboxId: uuid('mailbox_id').notNull(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => mailMessages.id, { onDelete: 'cascade' }),
    sender: text('sender').notNull(),
    textId: text('text_id').notNull(),
    outboxId: uuid('outbox_id').notNull(),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('auto_replies_message').on(table.messageId),
    index('auto_replies_mailbox_sender').on(table.mailboxId, table.sender),
  ],
);

export type AutoReplyAudience = 'everyone' | 'known-contacts';

/** Per-workspace mail options; a workspace without a row uses the defaults. */
export const mailSettings = pgTable('mail_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  autoReplyAudience: text('auto_reply_audience').$type<AutoReplyAudience>().notNull().default('everyone'),
  autoReplyIntervalDays: integer('auto_reply_interval_days').notNull().default(7),
});
