import { z } from 'zod';
import { isoDateTime as isoDateTimeString } from './common.contracts';
import { emailSchema } from './workspaces.contracts';

export const mailboxSchema = z.object({
  id: z.uuid(),
  ownerId: z.uuid(),
  address: z.string(),
  aliases: z.array(z.string()),
  kind: z.enum(['upload', 'imap', 'smtp']),
  createdAt: isoDateTimeString,
  /** How Baton reads the mailbox over IMAP, and how the last sync went (never the password). */
  imap: z
    .object({
      host: z.string(),
      port: z.number().int(),
      secure: z.boolean(),
      username: z.string(),
      folder: z.string(),
      lastSyncAt: isoDateTimeString.nullable(),
      lastError: z.string().nullable(),
    })
    .nullable(),
});
export type Mailbox = z.infer<typeof mailboxSchema>;

export const createMailboxSchema = z
  .object({
    address: emailSchema,
    aliases: z.array(emailSchema).max(20).default([]),
    /** Defaults to the caller; only an admin may create a mailbox for someone else. */
    ownerId: z.uuid().optional(),
  })
  .strict();
export type CreateMailbox = z.infer<typeof createMailboxSchema>;

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
