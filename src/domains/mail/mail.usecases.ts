// What people do with mail: uploading to a mailbox, reading messages and their attachments, attaching an unknown sender to a client,
// releasing quarantined messages, and the workspace's auto-reply options. Who may do what:
// admins and managers see every mailbox of the workspace; a member sees and uploads to their own.
import type { AttachSender, ListMessagesQuery, MailSettings } from '../../contracts/mail.contracts';
import type { Db } from '../../platform/db/database';
import type { AuditLog } from '../audit/audit.repository';
import type { ClientDirectory } from '../clients/clients.lookup';
import type { Principal } from '../workspaces/auth.usecases';
import { hasRole } from '../workspaces/workspaces.models';
import type { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { readAttachment } from './ingestion.parse';
import type { Ingestion } from './ingestion.usecases';
import { mailErrors } from './mail.errors';
import type { MailMessageRow, MailRepository } from './mail.repository';
import { senderDomain } from './matching.models';

type Deps = {
  db: Db;
  auditLog: AuditLog;
  mailRepository: MailRepository;
  clientDirectory: ClientDirectory;
  workspacesRepository: WorkspacesRepository;
  ingestion: Ingestion;
};

const seesAllMail = (principal: Principal) => hasRole(principal.user.role, 'manager');

export function createMailUseCases(deps: Deps) {
  const { db, mailRepository } = deps;

  async function messageFor(principal: Principal, messageId: string) {
    const message = await mailRepository.message(principal.workspace.id, messageId);
    if (!message) throw mailErrors.messageNotFound();
    if (!seesAllMail(principal)) {
      const mailbox = await mailRepository.mailbox(principal.workspace.id, message.mailboxId);
      if (mailbox?.ownerId !== principal.user.id) throw mailErrors.messageNotFound();
    }
    return message;
  }

  /**
   * Attaches a message's sender to a client, for a caller whose access was checked: the mailbox owner or an admin
   * here, a delegate attaching an unknown sender's contact in the coverage console.
   */
  async function attachSenderOf(principal: Principal, message: MailMessageRow, input: AttachSender) {
    const messageId = message.id;
    const address = message.fromAddress;
    const domain = address ? senderDomain(address) : null;
    if (!address || !domain) throw mailErrors.senderUnknown();
    const client = await deps.clientDirectory.client(principal.workspace.id, input.clientId);
    if (!client) throw mailErrors.clientNotFound();
    return db.transaction(async (tx) => {
      let rematched: { id: string }[];
      if (input.as === 'contact') {
        const contact = await deps.clientDirectory.addContactEmail(tx, {
          workspaceId: principal.workspace.id,
          clientId: client.id,
          name: input.name || message.fromName || address,
          email: address,
        });
        rematched = await mailRepository.rematchSender(
          tx,
          principal.workspace.id,
          { address },
          { clientId: contact.clientId, contactId: contact.contactId, matchedBy: 'contact' },
        );
      } else {
        await deps.clientDirectory.addDomain(tx, { workspaceId: principal.workspace.id, clientId: client.id, domain });
        rematched = await mailRepository.rematchSender(
          tx,
          principal.workspace.id,
          { domain },
          { clientId: client.id, contactId: null, matchedBy: 'domain' },
        );
      }
      await deps.auditLog.append(tx, {
        workspaceId: principal.workspace.id,
        actorId: principal.user.id,
        action: 'mail.sender_attached',
        subjectType: 'client',
        subjectId: client.id,
        data: { messageId, as: input.as, sender: input.as === 'contact' ? address : domain, rematched: rematched.length },
      });
      return { clientId: client.id, rematched: rematched.length };
    });
  }

  return {
    /** The mailbox an upload names by address (own address or alias); only its owner or an admin may upload to it. */
    async uploadMailbox(principal: Principal, address: string) {
      const [mailbox] = await mailRepository.mailboxesByAddress(address.trim().toLowerCase(), principal.workspace.id);
      if (!mailbox) throw mailErrors.mailboxNotFound(`No mailbox ${address} in this workspace`);
      if (mailbox.ownerId !== principal.user.id && !hasRole(principal.user.role, 'admin')) throw mailErrors.notMailboxOwner();
      return mailbox;
    },

    async listMessages(principal: Principal, query: ListMessagesQuery) {
      const mailboxIds = seesAllMail(principal)
        ? undefined
        : (await mailRepository.listMailboxes(principal.workspace.id, principal.user.id)).map((mailbox) => mailbox.id);
      return mailRepository.listMessages(principal.workspace.id, {
        ...(mailboxIds ? { mailboxIds } : {}),
        ...(query.clientId ? { clientId: query.clientId } : {}),
        unknownSenders: query.filter === 'unknown',
        ...(query.filter === 'quarantined' ? { status: 'quarantined' as const } : {}),
        ...(query.before ? { before: new Date(query.before) } : {}),
        limit: query.limit,
      });
    },

    async message(principal: Principal, messageId: string) {
      const message = await messageFor(principal, messageId);
      const attachments = await mailRepository.attachmentsOf(principal.workspace.id, messageId);
      return { message, attachments };
    },

    /**
     * An attachment of a message the principal may read, its bytes read from the message's raw copy; one skipped at
     * ingestion (over a limit) is a 404 saying why.
     */
    async attachment(principal: Principal, messageId: string, attachmentId: string) {
      const message = await messageFor(principal, messageId);
      const attachment = await mailRepository.attachment(principal.workspace.id, messageId, attachmentId);
      if (!attachment) throw mailErrors.attachmentNotFound();
      if (!attachment.sha256) {
        throw mailErrors.attachmentNotStored(
          `This attachment was not stored (${attachment.skippedReason ?? 'no content'}): it is only in the original message`,
        );
      }
      const raw = await mailRepository.raw(principal.workspace.id, message.rawSha256);
      const content = raw ? await readAttachment(raw, attachment.sha256) : null;
      if (!content) throw mailErrors.attachmentUnreadable();
      return { filename: attachment.filename, contentType: attachment.contentType, content };
    },

    /** The message exactly as it arrived (RFC 822), for a reader of the message: the evidence a report links to. */
    async rawMessage(principal: Principal, messageId: string) {
      const message = await messageFor(principal, messageId);
      const content = await mailRepository.raw(principal.workspace.id, message.rawSha256);
      if (!content) throw mailErrors.messageNotFound();
      return { content, filename: `${message.id}.eml`, sha256: message.rawSha256 };
    },

    /** "Add as contact of client X" (or the sender's domain): every unmatched message from that sender follows. */
    attachSenderOf,

    async attachSender(principal: Principal, messageId: string, input: AttachSender) {
      return attachSenderOf(principal, await messageFor(principal, messageId), input);
    },

    async retryQuarantined(principal: Principal, messageId: string) {
      const message = await messageFor(principal, messageId);
      if (message.status !== 'quarantined') throw mailErrors.notQuarantined();
      return deps.ingestion.retryQuarantined(principal.workspace.id, messageId, principal.user.id);
    },

    settings: (principal: Principal) => mailRepository.settings(principal.workspace.id),
    async saveSettings(principal: Principal, input: MailSettings) {
      await db.transaction(async (tx) => {
        await mailRepository.saveSettings(tx, { workspaceId: principal.workspace.id, ...input });
        await deps.auditLog.append(tx, {
          workspaceId: principal.workspace.id,
          actorId: principal.user.id,
          action: 'mail.settings_changed',
          subjectType: 'workspace',
          subjectId: principal.workspace.id,
          data: input,
        });
      });
      return mailRepository.settings(principal.workspace.id);
    },
  };
}
export type MailUseCases = ReturnType<typeof createMailUseCases>;
