// The auto-reply step of an ingested message (the first step of the `mail.route` job, see app/dependencies.ts): decide with the pure policy,
// and on "reply" queue the reply through the outbox AND record it in `auto_replies` in the same transaction,
// so the sender is marked exactly when the reply was queued. Running twice never queues two replies: the
// message row is locked and its decision checked, and auto_replies(message_id) is unique.
import { sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock/clock';
import type { Db } from '../../platform/db/database';
import { contentHash } from '../../platform/security/canonical-json';
import type { AbsenceLookup } from '../absences/absences.lookup';
import { composeAutoReplyBody, formatReturnDate } from '../absences/absences.models';
import type { AbsencesUseCases } from '../absences/absences.usecases';
import type { StatusLinksUseCases } from '../absences/status-links.usecases';
import type { AuditLog } from '../audit/audit.repository';
import type { ClientDirectory } from '../clients/clients.lookup';
import type { Outbox } from '../outbox/outbox.usecases';
import type { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { decideAutoReply } from './autoreply.models';
import type { MailRepository } from './mail.repository';
import { readMessageHeaders } from './message-headers';
import { normalizeAddress } from './message-headers.models';

type Deps = {
  db: Db;
  clock: Clock;
  auditLog: AuditLog;
  outbox: Outbox;
  mailRepository: MailRepository;
  clientDirectory: ClientDirectory;
  absenceLookup: AbsenceLookup;
  workspacesRepository: WorkspacesRepository;
  actingDelegateAt: AbsencesUseCases['actingDelegateAt'];
  mintStatusLink: StatusLinksUseCases['mint'];
};

/** Decisions Baton takes before the policy runs, beside the policy's own reasons. */
export type PreconditionReason = 'no-absence' | 'absence-not-active';

export function createAutoReplySender(deps: Deps) {
  const { db, clock, mailRepository } = deps;

  async function autoReplyTo(workspaceId: string, messageId: string): Promise<void> {
    const message = await mailRepository.message(workspaceId, messageId);
    if (message?.status !== 'ingested' || message.autoReplyDecision) return;
    // Everything read outside the transaction (PGlite has one connection: no query beside an open transaction).
    const absence = message.absenceId ? await deps.absenceLookup.byId(workspaceId, message.absenceId) : null;
    const mailbox = await mailRepository.mailbox(workspaceId, message.mailboxId);
    const raw = await mailRepository.raw(workspaceId, message.rawSha256);
    const workspace = await deps.workspacesRepository.workspaceById(workspaceId);
    const owner = mailbox ? await deps.workspacesRepository.userInWorkspace(workspaceId, mailbox.ownerId) : null;
    const acting = absence ? await deps.actingDelegateAt(absence, message.receivedAt) : null;
    const delegate = acting ? await deps.workspacesRepository.userInWorkspace(workspaceId, acting.userId) : null;
    const client = message.clientId ? await deps.clientDirectory.client(workspaceId, message.clientId) : null;
    const settings = await mailRepository.settings(workspaceId);
    const headers = raw ? (await readMessageHeaders(raw)).headers : [];

    await db.transaction(async (tx) => {
      const locked = await mailRepository.lockMessage(tx, messageId);
      if (!locked || locked.autoReplyDecision) return;
      const record = (decision: 'reply' | 'no-reply', reason: string) =>
        mailRepository.updateMessage(tx, workspaceId, messageId, { autoReplyDecision: decision, autoReplyReason: reason });
      if (!absence || !mailbox || !workspace || !owner) return record('no-reply', 'no-absence');
      // Only an absence in force now answers: a message read late, after the owner returned, gets no reply.
      if (absence.state !== 'active' || absence.ownerId !== mailbox.ownerId) return record('no-reply', 'absence-not-active');

      const envelopeFrom = message.envelopeFrom ?? message.fromAddress ?? '';
      const sender = normalizeAddress(envelopeFrom);
      // One decision at a time per owner and sender: two messages from one sender racing get one reply.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`autoreply:${mailbox.id}:${sender}`}, 0))`);
      const previousReplies = sender ? await mailRepository.previousReplies(tx, mailbox.id, sender) : [];
      const decision = decideAutoReply({
        envelope: { from: envelopeFrom, to: mailbox.address },
        headers,
        owner: { name: owner.name, addresses: [mailbox.address, ...mailbox.aliases, owner.email] },
        policy: { intervalDays: settings.autoReplyIntervalDays, audience: settings.autoReplyAudience },
        senderIsKnownContact: message.clientId !== null,
        // A new text (any language, subject or body) restarts every sender's interval.
        text: { id: contentHash(absence.autoReply), languages: ['en', 'it'].filter((lang) => hasText(absence.autoReply, lang)) },
        previousReplies,
        language: {
          preferred: client?.language ?? null,
          detected: message.language === 'other' ? null : message.language,
          workspaceDefault: workspace.defaultLanguage,
        },
        now: clock.now(),
      });
      if (decision.decision === 'no-reply') return record('no-reply', decision.reason);

      const { reply } = decision;
      const language = reply.language === 'it' ? 'it' : 'en';
      // A link per reply to a known client (its token exists only in this mail); none when the absence has it off.
      const statusLink = message.clientId ? await deps.mintStatusLink(tx, absence, message.clientId) : null;
      const text = composeAutoReplyBody(
        absence.autoReply[language].body,
        {
          delegate_name: delegate?.name ?? '',
          delegate_email: delegate?.email ?? '',
          delegate_phone: '',
          return_date: formatReturnDate(absence.endsAt, language, workspace.timezone),
        },
        statusLink?.url ?? null,
        language,
      );
      const { From, To, Subject: _encoded, ...replyHeaders } = reply.headers;
      const outboxId = await deps.outbox.queue(tx, {
        workspaceId,
        kind: 'mail.auto_reply',
        to: To,
        from: From,
        subject: reply.subject,
        text,
        language,
        headers: Object.fromEntries(Object.entries(replyHeaders).filter((entry): entry is [string, string] => entry[1] !== undefined)),
        envelopeFrom: '',
      });
      const marked = await mailRepository.insertAutoReply(tx, {
        workspaceId,
        mailboxId: mailbox.id,
        messageId,
        sender,
        textId: reply.textId,
        outboxId,
        queuedAt: clock.now(),
      });
      // The unique index found a reply already queued: undo this one with the transaction.
      if (!marked) throw new Error(`auto-reply for message ${messageId} already queued`);
      await record('reply', decision.reason);
      await deps.auditLog.append(tx, {
        workspaceId,
        actorId: null,
        action: 'mail.auto_replied',
        subjectType: 'mail_message',
        subjectId: messageId,
        data: { to: sender, outboxId, language, textId: reply.textId, statusLink: statusLink !== null },
      });
    });
  }

  return { autoReplyTo };
}
export type AutoReplySender = ReturnType<typeof createAutoReplySender>;

function hasText(texts: Record<string, { body: string } | undefined>, language: string): boolean {
  return (texts[language]?.body.trim() ?? '') !== '';
}
