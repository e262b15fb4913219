// Mailbox settings: which mailboxes Baton reads and how. Admins and managers see every mailbox of the
// workspace, a member their own; an admin changes any mailbox, an owner their own. IMAP passwords are
// write-only: stored encrypted, never returned, a blank one keeps the stored one (same server and login).
import type { CreateMailbox, ImapSettingsInput, ImapTestResult, UpdateMailbox } from '../../contracts/mail.contracts';
import type { Clock } from '../../platform/clock/clock';
import type { Db } from '../../platform/db/database';
import { ImapError } from '../../platform/mail/imap-errors';
import type { AuditLog } from '../audit/audit.repository';
import type { Principal } from '../workspaces/auth.usecases';
import { hasRole } from '../workspaces/workspaces.models';
import type { WorkspacesRepository } from '../workspaces/workspaces.repository';
import type { ImapRepository } from './imap.repository';
import type { ImapSync } from './imap.usecases';
import { mailErrors } from './mail.errors';
import type { MailboxRow, MailRepository } from './mail.repository';

type Deps = {
  db: Db;
  clock: Clock;
  auditLog: AuditLog;
  mailRepository: MailRepository;
  imapRepository: ImapRepository;
  workspacesRepository: WorkspacesRepository;
  imapSync: ImapSync;
  /** Tells the IDLE watchers a mailbox's IMAP settings changed (they also notice on their next rescan). */
  onImapChanged: () => void;
};

const seesAllMailboxes = (principal: Principal) => hasRole(principal.user.role, 'manager');
const mayChange = (principal: Principal, mailbox: MailboxRow) =>
  mailbox.ownerId === principal.user.id || hasRole(principal.user.role, 'admin');
const uniqueAliases = (address: string, aliases: string[]) => [...new Set(aliases.filter((alias) => alias !== address))];

export function createMailboxesUseCases(deps: Deps) {
  const { db, mailRepository, imapRepository, imapSync } = deps;

  /** A mailbox the principal may see (404 otherwise, as for another workspace's). */
  async function visible(principal: Principal, mailboxId: string) {
    const mailbox = await mailRepository.mailbox(principal.workspace.id, mailboxId);
    if (!mailbox || !(seesAllMailboxes(principal) || mailbox.ownerId === principal.user.id)) throw mailErrors.mailboxNotFound();
    return mailbox;
  }

  /** A mailbox the principal may change: an admin, or its owner. */
  async function changeable(principal: Principal, mailboxId: string) {
    const mailbox = await visible(principal, mailboxId);
    if (!mayChange(principal, mailbox)) throw mailErrors.notMailboxOwner();
    return mailbox;
  }

  const audit = (tx: Db, principal: Principal, action: string, mailboxId: string, data: Record<string, unknown> = {}) =>
    deps.auditLog.append(tx, {
      workspaceId: principal.workspace.id,
      actorId: principal.user.id,
      action,
      subjectType: 'mailbox',
      subjectId: mailboxId,
      data,
    });

  /** The settings to try: the form's, with the stored password when the form leaves it blank (same server and login). */
  async function settingsToTry(principal: Principal, mailboxId: string | null, input: ImapSettingsInput) {
    let password = input.password;
    if (mailboxId) {
      await changeable(principal, mailboxId);
      if (!password) password = (await imapSync.storedPasswordFor(mailboxId, input)) ?? '';
    }
    if (!password) throw mailErrors.imapPasswordRequired();
    return { host: input.host, port: input.port, secure: input.secure, username: input.username, folder: input.folder, password };
  }

  return {
    async list(principal: Principal) {
      const rows = await mailRepository.listMailboxes(principal.workspace.id, seesAllMailboxes(principal) ? undefined : principal.user.id);
      const accounts = await imapRepository.accountsOf(principal.workspace.id);
      const counts = await imapRepository.counts(principal.workspace.id);
      return rows.map((row) => ({ row, imap: accounts.get(row.id) ?? null, counts: counts.get(row.id) ?? null }));
    },

    async create(principal: Principal, input: CreateMailbox) {
      const ownerId = input.ownerId ?? principal.user.id;
      if (ownerId !== principal.user.id && !hasRole(principal.user.role, 'admin')) throw mailErrors.notMailboxOwner();
      if (!(await deps.workspacesRepository.userInWorkspace(principal.workspace.id, ownerId))) throw mailErrors.ownerNotFound();
      if (input.imap && !input.imap.password) throw mailErrors.imapPasswordRequired();
      const row = await db.transaction(async (tx) => {
        const created = await mailRepository.insertMailbox(tx, {
          workspaceId: principal.workspace.id,
          ownerId,
          address: input.address,
          aliases: uniqueAliases(input.address, input.aliases),
          kind: 'upload',
        });
        if (!created) throw mailErrors.mailboxTaken();
        await audit(tx, principal, 'mail.mailbox_created', created.id, { address: created.address, ownerId });
        if (input.imap) await imapSync.saveImap(tx, principal.workspace.id, created.id, input.imap, principal.user.id);
        return created;
      });
      if (input.imap) deps.onImapChanged();
      return (await mailRepository.mailbox(principal.workspace.id, row.id)) ?? row;
    },

    /** Aliases, and pausing or resuming IMAP reading (the checkpoint is kept; resuming polls again at once). */
    async update(principal: Principal, mailboxId: string, input: UpdateMailbox) {
      const mailbox = await changeable(principal, mailboxId);
      const account = await imapRepository.account(mailboxId);
      if (input.imapEnabled !== undefined && !account) throw mailErrors.imapNotConfigured();
      await db.transaction(async (tx) => {
        if (input.aliases) {
          const aliases = uniqueAliases(mailbox.address, input.aliases);
          await mailRepository.updateAliases(tx, principal.workspace.id, mailboxId, aliases);
          await audit(tx, principal, 'mail.mailbox_aliases_changed', mailboxId, { aliases });
        }
        if (input.imapEnabled !== undefined && account && input.imapEnabled !== account.enabled) {
          await imapRepository.updateAccount(tx, mailboxId, { enabled: input.imapEnabled, updatedAt: deps.clock.now() });
          await audit(tx, principal, input.imapEnabled ? 'mail.imap_resumed' : 'mail.imap_paused', mailboxId);
          if (input.imapEnabled) await imapSync.startPolling(tx, principal.workspace.id, mailboxId);
        }
      });
      if (input.imapEnabled !== undefined) deps.onImapChanged();
    },

    async saveImap(principal: Principal, mailboxId: string, input: ImapSettingsInput) {
      await changeable(principal, mailboxId);
      await db.transaction((tx) => imapSync.saveImap(tx, principal.workspace.id, mailboxId, input, principal.user.id));
      deps.onImapChanged();
    },

    /** Stops reading the mailbox over IMAP: settings and stored password removed, messages kept. */
    async removeImap(principal: Principal, mailboxId: string) {
      await changeable(principal, mailboxId);
      if (!(await imapRepository.account(mailboxId))) throw mailErrors.imapNotConfigured();
      await db.transaction(async (tx) => {
        await imapRepository.deleteAccount(tx, mailboxId);
        await imapRepository.setMailboxKind(tx, mailboxId, 'upload');
        await audit(tx, principal, 'mail.imap_removed', mailboxId);
      });
      deps.onImapChanged();
    },

    /** Deletes a mailbox that has no messages; one with messages keeps them as evidence (pause it instead). */
    async remove(principal: Principal, mailboxId: string) {
      const mailbox = await changeable(principal, mailboxId);
      if (await imapRepository.hasMessages(mailboxId)) throw mailErrors.mailboxHasMessages();
      await db.transaction(async (tx) => {
        await mailRepository.deleteMailbox(tx, principal.workspace.id, mailboxId);
        await audit(tx, principal, 'mail.mailbox_deleted', mailboxId, { address: mailbox.address });
      });
      deps.onImapChanged();
    },

    /** Connects with the given settings and opens the folder; a failure is a result with its reason, not an error. */
    async testConnection(principal: Principal, mailboxId: string | null, input: ImapSettingsInput): Promise<ImapTestResult> {
      const settings = await settingsToTry(principal, mailboxId, input);
      try {
        const found = await imapSync.probe(settings);
        return { ok: true, messages: found.messages, idle: found.idle };
      } catch (error) {
        if (error instanceof ImapError) return { ok: false, reason: error.kind, message: error.message };
        throw error;
      }
    },

    async syncNow(principal: Principal, mailboxId: string) {
      await changeable(principal, mailboxId);
      if (!(await imapRepository.account(mailboxId))) throw mailErrors.imapNotConfigured();
      return imapSync.syncImapMailbox(principal.workspace.id, mailboxId);
    },

    /** IMAP messages given up on (quarantined or skipped), newest first. */
    async problems(principal: Principal, mailboxId: string) {
      await visible(principal, mailboxId);
      return imapRepository.settledFailures(principal.workspace.id, mailboxId);
    },
  };
}
export type MailboxesUseCases = ReturnType<typeof createMailboxesUseCases>;
