// Presenters: the API's shape of mail rows, separate from the database columns.
import type { Mailbox, MailMessage, MailMessageSummary } from '../../contracts/mail.contracts';
import type { MailboxRow, MailMessageRow } from './mail.repository';
import type { mailboxImap } from './mail.schema';

type ImapRow = typeof mailboxImap.$inferSelect;

export const presentMailbox = (row: MailboxRow, imap: ImapRow | null = null): Mailbox => ({
  id: row.id,
  ownerId: row.ownerId,
  address: row.address,
  aliases: row.aliases,
  kind: row.kind,
  createdAt: row.createdAt.toISOString(),
  imap: imap
    ? {
        host: imap.host,
        port: imap.port,
        secure: imap.secure,
        username: imap.username,
        folder: imap.folder,
        lastSyncAt: imap.lastSyncAt?.toISOString() ?? null,
        lastError: imap.lastError,
      }
    : null,
});

type SummaryRow = Pick<
  MailMessageRow,
  | 'id'
  | 'mailboxId'
  | 'status'
  | 'quarantineReason'
  | 'fromAddress'
  | 'fromName'
  | 'subject'
  | 'receivedAt'
  | 'language'
  | 'clientId'
  | 'matchedBy'
  | 'absenceId'
  | 'threadId'
  | 'autoReplyDecision'
  | 'autoReplyReason'
>;

export const presentMessageSummary = (row: SummaryRow, clientNames: Map<string, string>): MailMessageSummary => ({
  id: row.id,
  mailboxId: row.mailboxId,
  status: row.status,
  quarantineReason: row.quarantineReason,
  fromAddress: row.fromAddress,
  fromName: row.fromName,
  subject: row.subject,
  receivedAt: row.receivedAt.toISOString(),
  language: row.language,
  clientId: row.clientId,
  clientName: row.clientId ? (clientNames.get(row.clientId) ?? null) : null,
  matchedBy: row.matchedBy,
  absenceId: row.absenceId,
  threadId: row.threadId,
  autoReplyDecision: row.autoReplyDecision,
  autoReplyReason: row.autoReplyReason,
});

export const presentMessage = (
  row: MailMessageRow,
  attachments: MailMessage['attachments'],
  clientNames: Map<string, string>,
): MailMessage => ({
  ...presentMessageSummary(row, clientNames),
  messageIdHeader: row.messageIdHeader,
  inReplyTo: row.inReplyTo,
  to: row.to,
  cc: row.cc,
  sentAt: row.sentAt?.toISOString() ?? null,
  textBody: row.textBody,
  safeHtml: row.safeHtml,
  problems: row.problems,
  attachments,
});
