import { z } from 'zod';
import { isoDateTime as isoDateTimeString } from './common.contracts';
import { emailSchema } from './workspaces.contracts';

export const imapWatchStateSchema = z.enum(['idle', 'reconnecting', 'unsupported', 'off']);

export const mailboxSchema = z.object({
  id: z.uuid(),
  ownerId: z.uuid(),
  ownerName: z.string(),
  address: z.string(),
  aliases: z.array(z.string()),
  kind: z.enum(['upload', 'imap', 'smtp']),
  createdAt: isoDateTimeString,
  /** Messages stored from this mailbox, and IMAP messages left on the server with a reason. */
  counts: z.object({ ingested: z.number().int(), quarantined: z.number().int(), skipped: z.number().int() }),
  /** How Baton reads the mailbox over IMAP, and how the last sync went (never the password, not even encrypted). */
  imap: z
    .object({
      host: z.string(),
      port: z.number().int(),
      secure: z.boolean(),
      username: z.string(),
      folder: z.string(),
      enabled: z.boolean(),
      lastSyncAt: isoDateTimeString.nullable(),
      lastError: z.string().nullable(),
      /** The IDLE connection: 'off' when no Baton instance watches it (paused, or polling only). */
      watch: z.object({ state: imapWatchStateSchema, error: z.string().nullable(), nextRetryAt: isoDateTimeString.nullable() }),
    })
    .nullable(),
});
export type Mailbox = z.infer<typeof mailboxSchema>;

const hostSchema = z
  .string()
  .trim()
  .min(1, { message: 'enter the IMAP server' })
  .max(253)
  .regex(
    /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$|^\[?[0-9A-Fa-f:.]+\]?$/,
    {
      message: 'must be a host name or an IP address',
    },
  );

/** IMAP settings as an admin or the owner enters them. The password is write-only: blank keeps the stored one. */
export const imapSettingsInputSchema = z
  .object({
    host: hostSchema,
    port: z.number().int().min(1).max(65535),
    secure: z.boolean(),
    username: z.string().trim().min(1, { message: 'enter the IMAP login' }).max(320),
    password: z.string().max(1000).default(''),
    folder: z.string().trim().min(1).max(200).default('INBOX'),
  })
  .strict();
export type ImapSettingsInput = z.infer<typeof imapSettingsInputSchema>;

export const createMailboxSchema = z
  .object({
    address: emailSchema,
    aliases: z.array(emailSchema).max(20).default([]),
    /** Defaults to the caller; only an admin may create a mailbox for someone else. */
    ownerId: z.uuid().optional(),
    /** Read over IMAP from the start (the password is then required). */
    imap: imapSettingsInputSchema.optional(),
  })
  .strict();
export type CreateMailbox = z.infer<typeof createMailboxSchema>;

export const updateMailboxSchema = z
  .object({
    aliases: z.array(emailSchema).max(20).optional(),
    /** Pauses (false) or resumes (true) reading over IMAP; the checkpoint is kept. */
    imapEnabled: z.boolean().optional(),
  })
  .strict()
  .refine((value) => value.aliases !== undefined || value.imapEnabled !== undefined, { message: 'nothing to change' });
export type UpdateMailbox = z.infer<typeof updateMailboxSchema>;

export const imapTestResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), messages: z.number().int(), idle: z.boolean() }),
  z.object({
    ok: z.literal(false),
    reason: z.enum(['auth', 'unreachable', 'tls', 'timeout', 'folder', 'idle_unsupported', 'protocol']),
    message: z.string(),
  }),
]);
export type ImapTestResult = z.infer<typeof imapTestResultSchema>;

export const imapSyncResultSchema = z.object({
  status: z.enum(['synced', 'failed', 'busy']),
  fetched: z.number().int(),
  ingested: z.number().int(),
  duplicates: z.number().int(),
  quarantined: z.number().int(),
  skipped: z.number().int(),
  error: z.string().optional(),
});
export type ImapSyncResultBody = z.infer<typeof imapSyncResultSchema>;

/** An IMAP message Baton gave up on: quarantined (stored, see the message) or skipped (left on the server). */
export const imapProblemSchema = z.object({
  uidValidity: z.string(),
  uid: z.string(),
  size: z.number().int(),
  subject: z.string(),
  fromAddress: z.string().nullable(),
  outcome: z.enum(['quarantined', 'skipped']),
  reason: z.string(),
  messageId: z.uuid().nullable(),
  at: isoDateTimeString,
});
export type ImapProblem = z.infer<typeof imapProblemSchema>;

export const ingestOutcomeSchema = z.object({
  outcome: z.enum(['ingested', 'duplicate', 'quarantined']),
  messageId: z.uuid(),
  reason: z.string().optional(),
});
export type IngestOutcome = z.infer<typeof ingestOutcomeSchema>;

export const inboundQuerySchema = z.object({ mailbox: z.string().trim().min(3).max(320) });

const addressSchema = z.object({ name: z.string(), address: z.string() });

export const mailMessageSummarySchema = z.object({
  id: z.uuid(),
  mailboxId: z.uuid(),
  status: z.enum(['ingested', 'quarantined']),
  quarantineReason: z.string().nullable(),
  fromAddress: z.string().nullable(),
  fromName: z.string(),
  subject: z.string(),
  receivedAt: isoDateTimeString,
  language: z.enum(['en', 'it', 'other']),
  clientId: z.uuid().nullable(),
  clientName: z.string().nullable(),
  matchedBy: z.enum(['contact', 'domain']).nullable(),
  absenceId: z.uuid().nullable(),
  threadId: z.uuid().nullable(),
  autoReplyDecision: z.enum(['reply', 'no-reply']).nullable(),
  autoReplyReason: z.string().nullable(),
});
export type MailMessageSummary = z.infer<typeof mailMessageSummarySchema>;

export const mailMessageSchema = mailMessageSummarySchema.extend({
  messageIdHeader: z.string().nullable(),
  inReplyTo: z.string().nullable(),
  to: z.array(addressSchema),
  cc: z.array(addressSchema),
  sentAt: isoDateTimeString.nullable(),
  textBody: z.string(),
  safeHtml: z.string().nullable(),
  problems: z.array(z.string()),
  attachments: z.array(
    z.object({ id: z.uuid(), filename: z.string(), contentType: z.string(), size: z.number(), skippedReason: z.string().nullable() }),
  ),
});
export type MailMessage = z.infer<typeof mailMessageSchema>;

export const listMessagesQuerySchema = z.object({
  filter: z.enum(['all', 'unknown', 'quarantined']).default('all'),
  clientId: z.uuid().optional(),
  before: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListMessagesQuery = z.infer<typeof listMessagesQuerySchema>;

export const attachSenderSchema = z
  .object({ clientId: z.uuid(), as: z.enum(['contact', 'domain']).default('contact'), name: z.string().trim().max(200).optional() })
  .strict();
export type AttachSender = z.infer<typeof attachSenderSchema>;

export const attachSenderResultSchema = z.object({ clientId: z.uuid(), rematched: z.number().int() });

export const mailSettingsSchema = z.object({
  autoReplyAudience: z.enum(['everyone', 'known-contacts']),
  autoReplyIntervalDays: z.number().int().min(1).max(365),
});
export type MailSettings = z.infer<typeof mailSettingsSchema>;
