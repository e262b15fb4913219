// Presenters: the API's shape of mail rows, separate from the database columns.
import type { ImapProblem, Mailbox, MailMessage, MailMessageSummary } from '../../contracts/mail.contracts';
import type { ImapFailureRow, MailboxCounts } from './imap.repository';
import type { MailboxRow, MailMessageRow } from './mail.repository';
import type { mailboxImap } from './mail.schema';

type ImapRow = typeof mailboxImap.$inferSelect;

/** The IDLE state shown: a watcher's state counts only while its lease is live (a dead instance's is stale). */
const watchOf = (imap: ImapRow, now: Date): NonNullable<Mailbox['imap']>['watch'] => {
  const live = imap.enabled && imap.watchState !== null && imap.watchLeaseUntil !== null && imap.watchLeaseUntil > now;
  return {
    state: live && imap.watchState ? imap.watchState : 'off',
    error: live ? imap.watchError : null,
    nextRetryAt: live ? (imap.nextRetryAt?.toISOString() ?? null) : null,
  };
};

export const presentMailbox = (
  row: MailboxRow & { ownerName?: string },
  imap: ImapRow | null,
  counts: MailboxCounts | null,
  now: Date,
): Mailbox => ({
  id: row.id,
  ownerId: row.ownerId,
  ownerName: row.ownerName ?? '',
  address: row.address,
  aliases: row.aliases,
  kind: row.kind,
  createdAt: row.createdAt.toISOString(),
  counts: counts ?? { ingested: 0, quarantined: 0, skipped: 0 },
  imap: imap
    ? {
        host: imap.host,
        port: imap.port,
        secure: imap.secure,
        username: imap.username,
        folder: imap.folder,
        enabled: imap.enabled,
        lastSyncAt: imap.lastSyncAt?.toISOString() ?? null,
        lastError: imap.lastError,
        watch: watchOf(imap, now),
      }
    : null,
});

export const presentImapProblem = (row: ImapFailureRow): ImapProblem => ({
  uidValidity: row.uidValidity,
  uid: row.uid,
  size: row.size,
  subject: row.subject,
  fromAddress: row.fromAddress,
  outcome: row.outcome ?? 'skipped',
  reason: row.lastError,
  messageId: row.messageId,
  at: row.lastFailedAt.toISOString(),
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
