// The delegate console: the queue, a contact with its brief and FAQ answers, and what a delegate does with it
// (reply, log a call, close with an outcome, attach an unknown sender). Every action is audited with both the
// absent owner and the acting delegate named.
import { z } from 'zod';
import type { ContactDetail, ContactSummary, LogCallInput, OutcomeInput, QueueQuery } from '../../contracts/coverage.contracts';
import { outcomeSchema, queueQuerySchema } from '../../contracts/coverage.contracts';
import type { Clock } from '../../platform/clock/clock';
import { instantToLocal, localToInstant } from '../../platform/clock/zoned-time';
import type { Db } from '../../platform/db/database';
import { defineJob, enqueueJob } from '../../platform/jobs/jobs';
import type { AbsenceLookup } from '../absences/absences.lookup';
import type { AbsenceRow } from '../absences/absences.repository';
import type { AuditLog } from '../audit/audit.repository';
import type { ClientDirectory } from '../clients/clients.lookup';
import type { MailRepository } from '../mail/mail.repository';
import type { MailUseCases } from '../mail/mail.usecases';
import type { Notifier } from '../notifications/notifications.usecases';
import type { Outbox } from '../outbox/outbox.usecases';
import type { Principal } from '../workspaces/auth.usecases';
import type { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { auditContact, recordCall, recordClosingOutcome, recordReply } from './contact.writes';
import { coverageErrors } from './coverage.errors';
import { translateCoverageMail as t } from './coverage.mails';
import type { ContactRow, ContactSummaryView, CoverageRepository } from './coverage.repository';
import type { CoverageSettingsUseCases } from './coverage-settings.usecases';
import { escalationPeople, handOffAt, type TeamReader } from './coverage-team';
import { handOffTarget } from './escalation.models';
import type { Escalations } from './escalations.usecases';
import { matchFaq } from './faq-matching.models';

export const followUpJob = {
  name: 'coverage.follow_up',
  payload: z.object({ workspaceId: z.uuid(), contactId: z.uuid() }),
  maxAttempts: 8,
};

type Deps = {
  db: Db;
  clock: Clock;
  auditLog: AuditLog;
  notifier: Notifier;
  outbox: Outbox;
  coverageRepository: CoverageRepository;
  mailRepository: MailRepository;
  attachSenderOf: MailUseCases['attachSenderOf'];
  clientDirectory: ClientDirectory;
  absenceLookup: AbsenceLookup;
  workspacesRepository: WorkspacesRepository;
  coverageSettings: CoverageSettingsUseCases;
  teamAt: TeamReader;
  escalations: Escalations;
};

const isAdmin = (principal: Principal) => principal.user.role === 'admin';
const involved = (principal: Principal, absence: AbsenceRow) =>
  [absence.ownerId, absence.primaryDelegateId, absence.backupDelegateId, absence.managerId].includes(principal.user.id);
/** The delegates and the manager of the absence handle its contacts (admins too); the owner is away. */
const mayAct = (principal: Principal, absence: AbsenceRow) =>
  isAdmin(principal) || [absence.primaryDelegateId, absence.backupDelegateId, absence.managerId].includes(principal.user.id);

export function presentContact(view: ContactSummaryView): ContactSummary {
  const { contact } = view;
  return {
    id: contact.id,
    absenceId: contact.absenceId,
    ownerId: contact.ownerId,
    ownerName: view.ownerName,
    clientId: contact.clientId,
    clientName: view.clientName,
    tier: view.tier,
    clientStatus: view.clientStatus,
    kind: contact.kind,
    state: contact.state,
    subject: contact.subject,
    excerpt: contact.excerpt,
    fromAddress: contact.fromAddress,
    fromName: contact.fromName,
    language: contact.language,
    receivedAt: contact.receivedAt.toISOString(),
    assigneeId: contact.assigneeId,
    assigneeName: view.assigneeName,
    assigneeRole: contact.assigneeRole,
    warnAt: contact.warnAt?.toISOString() ?? null,
    dueAt: contact.dueAt?.toISOString() ?? null,
    firstResponseAt: contact.firstResponseAt?.toISOString() ?? null,
    outcome: contact.outcome,
    outcomeNote: contact.outcomeNote,
    followUpOn: contact.followUpOn,
    closedAt: contact.closedAt?.toISOString() ?? null,
    escalated: view.escalated,
    messageCount: view.messageCount,
    signals: contact.signals,
  };
}

/** Message-IDs as headers write them, whether or not they were stored with their angle brackets. */
const inAngles = (id: string) => (id.startsWith('<') ? id : `<${id}>`);

export function createContacts(deps: Deps) {
  const { db, clock, coverageRepository: repo } = deps;

  /** A contact the caller may see (involved in its absence, an escalation recipient, or admin); 404 otherwise. */
  async function visible(principal: Principal, contactId: string) {
    const found = await repo.consoleContact(principal.workspace.id, contactId);
    if (!found) throw coverageErrors.contactNotFound();
    const escalatedToMe = found.escalations.some((row) => row.recipientId === principal.user.id);
    if (!isAdmin(principal) && !involved(principal, found.absence) && !escalatedToMe) throw coverageErrors.contactNotFound();
    return found;
  }

  async function actable(principal: Principal, contactId: string) {
    const found = await visible(principal, contactId);
    if (!mayAct(principal, found.absence)) throw coverageErrors.notCovering();
    return found;
  }

  const audit = (tx: Db, principal: Principal, contact: ContactRow, action: string, data: Record<string, unknown> = {}) =>
    auditContact(tx, deps, principal.user.id, contact, action, data);

  async function detail(principal: Principal, contactId: string): Promise<ContactDetail> {
    const { view, absence, escalations, names, messages, activities, othersOverlapping, brief } = await visible(principal, contactId);
    const { contact } = view;
    const workspaceId = principal.workspace.id;
    const handOff = contact.state === 'open' ? handOffAt(absence, othersOverlapping, contact, clock.now()) : null;
    const presentedEscalations = await deps.escalations.present(workspaceId, escalations, [view], names);
    const text = messages.map((message) => message.textBody).join('\n');
    const faqMatches =
      brief && contact.kind === 'email' ? matchFaq({ subject: contact.subject, text, lang: contact.language }, brief.content.faq) : [];
    return {
      ...presentContact(view),
      messages: messages.map((message) => ({
        id: message.id,
        fromAddress: message.fromAddress,
        fromName: message.fromName,
        subject: message.subject,
        receivedAt: message.receivedAt.toISOString(),
        textBody: message.textBody,
        safeHtml: message.safeHtml,
      })),
      activities: activities.map((activity) => ({
        id: activity.id,
        kind: activity.kind,
        actorId: activity.actorId,
        actorName: activity.actorName,
        at: activity.at.toISOString(),
        data: activity.data,
      })),
      brief: brief
        ? {
            briefId: brief.briefId,
            version: brief.version,
            contentHash: brief.contentHash,
            content: brief.content,
            acknowledgements: brief.acknowledgements.map((ack) => ({
              delegateId: ack.delegateId,
              delegateName: ack.delegateName,
              delegateRole: ack.delegateRole,
              version: ack.version,
              contentHash: ack.contentHash,
              acknowledgedAt: ack.acknowledgedAt.toISOString(),
              readBack: ack.readBack,
              superseded: ack.supersededAt !== null,
            })),
          }
        : null,
      faqMatches,
      escalations: presentedEscalations,
      canAct: mayAct(principal, absence),
      handOffTo: handOff ? { id: handOff.userId, name: names.get(handOff.userId) ?? '' } : null,
      replyTo: contact.kind === 'email' ? contact.fromAddress : null,
    };
  }

  async function reply(principal: Principal, contactId: string, body: string) {
    const { view, messages } = await actable(principal, contactId);
    const last = messages.at(-1);
    const to = view.contact.fromAddress;
    if (view.contact.kind !== 'email' || !last || !to) throw coverageErrors.noReplyAddress();
    const mailbox = await deps.mailRepository.mailbox(principal.workspace.id, last.mailboxId);
    const subject = /^(re|r|aw):/i.test(last.subject.trim()) ? last.subject : `Re: ${last.subject}`.trim();
    const references = [...last.references, ...(last.messageIdHeader ? [last.messageIdHeader] : [])].map(inAngles);
    await db.transaction(async (tx) => {
      const contact = await repo.lockContact(tx, principal.workspace.id, contactId);
      if (!contact) throw coverageErrors.contactNotFound();
      const outboxId = await deps.outbox.queue(tx, {
        workspaceId: principal.workspace.id,
        kind: 'coverage.reply',
        to,
        ...(mailbox ? { from: `"${principal.user.name.replaceAll('"', '')}" <${mailbox.address}>` } : {}),
        subject,
        text: body,
        language: view.clientLanguage ?? (contact.language === 'it' ? 'it' : 'en'),
        headers: {
          ...(last.messageIdHeader ? { 'In-Reply-To': inAngles(last.messageIdHeader) } : {}),
          ...(references.length > 0 ? { References: references.join(' ') } : {}),
          ...(mailbox ? { 'Reply-To': mailbox.address } : {}),
        },
      });
      await recordReply(tx, deps, { contact, actorId: principal.user.id, to, subject, body, outboxId });
    });
    return detail(principal, contactId);
  }

  async function recordOutcome(principal: Principal, contactId: string, raw: OutcomeInput) {
    const input = outcomeSchema.parse(raw);
    const found = await actable(principal, contactId);
    const { view, absence } = found;
    const workspace = principal.workspace;
    if (view.contact.state === 'closed') throw coverageErrors.contactClosed();
    const team = await deps.teamAt(absence, clock.now());
    const brief = input.outcome === 'no_information' ? found.brief : null;
    if (input.outcome === 'no_information' && (brief?.acknowledgements.length ?? 0) > 0 && !input.confirmAcknowledgedBrief) {
      throw coverageErrors.confirmAcknowledged();
    }
    const { calendar } = await deps.coverageSettings.calendarOf(workspace);
    if (input.outcome === 'follow_up' && input.followUpOn < instantToLocal(clock.now(), workspace.timezone).slice(0, 10)) {
      throw coverageErrors.followUpInPast();
    }

    await db.transaction(async (tx) => {
      const contact = await repo.lockContact(tx, workspace.id, contactId);
      if (!contact) throw coverageErrors.contactNotFound();
      if (contact.state === 'closed') throw coverageErrors.contactClosed();
      const now = clock.now();
      const note = input.note?.trim() || null;

      if (input.outcome === 'handed_to_backup') {
        const target = handOffTarget(escalationPeople(team, contact));
        if (!target) throw coverageErrors.noHandOff();
        await repo.updateContact(tx, contact.id, { assigneeId: target.userId, assigneeRole: target.role });
        await repo.insertActivity(tx, {
          workspaceId: workspace.id,
          contactId: contact.id,
          kind: 'reassigned',
          actorId: principal.user.id,
          at: now,
          data: { outcome: 'handed_to_backup', to: target.userId, toName: team.member(target.userId).name, role: target.role, note },
        });
        await audit(tx, principal, contact, 'handed_off', { to: target.userId, role: target.role, note });
        await deps.notifier.notify(tx, workspace.id, team.member(target.userId), (language) => ({
          kind: 'coverage.handed_off',
          subject: t(language, 'handed_off.subject', {
            delegate: principal.user.name,
            client: view.clientName ?? t(language, 'assigned.unknown_client'),
            subject: contact.subject,
          }),
          text: t(language, 'handed_off.text', { delegate: principal.user.name, note: note ? t(language, 'note', { note }) : '' }),
          link: `/coverage/contacts/${contact.id}`,
        }));
        return;
      }

      await recordClosingOutcome(tx, deps, {
        contact,
        actorId: principal.user.id,
        outcome: input.outcome,
        note,
        followUpOn: input.outcome === 'follow_up' ? input.followUpOn : null,
        team,
        timeZone: workspace.timezone,
        clientName: view.clientName,
        brief,
      });
      if (input.outcome === 'follow_up') {
        await enqueueJob(
          tx,
          clock,
          followUpJob,
          { workspaceId: workspace.id, contactId: contact.id },
          {
            runAt: localToInstant(`${input.followUpOn}T${calendar.opensAt}`, workspace.timezone),
            uniqueKey: `coverage.follow_up:${contact.id}`,
          },
        );
      }
    });
    return detail(principal, contactId);
  }

  async function logCall(principal: Principal, input: LogCallInput) {
    const workspace = principal.workspace;
    const occurredAt = new Date(input.occurredAt);
    if (occurredAt.getTime() > clock.now().getTime() + 60_000) throw coverageErrors.callInFuture();
    const call = { actorId: principal.user.id, kind: input.kind, occurredAt, with: input.with, summary: input.summary };
    if (input.contactId) {
      const { view } = await actable(principal, input.contactId);
      if (view.contact.clientId !== input.clientId) throw coverageErrors.contactNotFound();
      await db.transaction(async (tx) => {
        const contact = await repo.lockContact(tx, workspace.id, view.contact.id);
        if (!contact) throw coverageErrors.contactNotFound();
        await recordCall(tx, deps, { contact }, call);
      });
      return detail(principal, view.contact.id);
    }

    const client = await deps.clientDirectory.client(workspace.id, input.clientId);
    if (!client) throw coverageErrors.clientNotFound();
    const absence = (await deps.absenceLookup.activeCovering(workspace.id, client.id)).find((candidate) => mayAct(principal, candidate));
    if (!absence) throw coverageErrors.noCoveringAbsence();
    const team = await deps.teamAt(absence, occurredAt);
    const contact = await db.transaction((tx) => recordCall(tx, deps, { absence, client, team }, call));
    return detail(principal, contact.id);
  }

  async function attachClient(principal: Principal, contactId: string, clientId: string) {
    const { view } = await actable(principal, contactId);
    if (view.contact.clientId) throw coverageErrors.alreadyAttached();
    const client = await deps.clientDirectory.client(principal.workspace.id, clientId);
    if (!client) throw coverageErrors.clientNotFound();
    const firstMessage = view.contact.messageId ? await deps.mailRepository.message(principal.workspace.id, view.contact.messageId) : null;
    // The sender becomes a contact of the client, so their next messages match it directly.
    if (firstMessage?.fromAddress) await deps.attachSenderOf(principal, firstMessage, { clientId: client.id, as: 'contact', name: '' });
    await db.transaction(async (tx) => {
      const contact = await repo.lockContact(tx, principal.workspace.id, contactId);
      if (!contact) throw coverageErrors.contactNotFound();
      if (contact.clientId) throw coverageErrors.alreadyAttached();
      const now = clock.now();
      const conversationId = await repo.conversationId(tx, {
        workspaceId: contact.workspaceId,
        absenceId: contact.absenceId,
        clientId: client.id,
        now,
      });
      await repo.updateContact(tx, contact.id, { clientId: client.id, conversationId });
      await repo.insertActivity(tx, {
        workspaceId: contact.workspaceId,
        contactId: contact.id,
        kind: 'client_attached',
        actorId: principal.user.id,
        at: now,
        data: { clientId: client.id, clientName: client.name },
      });
      await audit(tx, principal, { ...contact, clientId: client.id }, 'client_attached');
    });
    return detail(principal, contactId);
  }

  async function queue(principal: Principal, raw: QueueQuery) {
    const query = queueQuerySchema.parse(raw);
    const rows = await repo.queue(principal.workspace.id, {
      state: query.state,
      clientId: query.clientId,
      tier: query.tier,
      // One row more than asked tells whether there are more.
      limit: query.limit + 1,
      ...(query.scope === 'mine' ? { mineOf: principal.user.id } : isAdmin(principal) ? {} : { involving: principal.user.id }),
    });
    return { contacts: rows.slice(0, query.limit).map(presentContact), hasMore: rows.length > query.limit, now: clock.now().toISOString() };
  }

  const followUpReminder = defineJob({
    ...followUpJob,
    handler: async ({ workspaceId, contactId }) => {
      const view = await repo.contactView(workspaceId, contactId);
      if (view?.contact.outcome !== 'follow_up') return;
      const absence = await deps.absenceLookup.byId(workspaceId, view.contact.absenceId);
      if (!absence) return;
      const team = await deps.teamAt(absence, clock.now());
      const { contact } = view;
      await db.transaction(async (tx) => {
        await deps.notifier.notify(tx, workspaceId, team.member(contact.closedBy ?? contact.assigneeId), (language) => ({
          kind: 'coverage.follow_up_due',
          subject: t(language, 'follow_up.subject', { client: view.clientName ?? t(language, 'assigned.unknown_client') }),
          text: t(language, 'follow_up.text', {
            client: view.clientName ?? t(language, 'assigned.unknown_client'),
            subject: contact.subject,
            note: contact.outcomeNote ? t(language, 'note', { note: contact.outcomeNote }) : '',
          }),
          link: `/coverage/contacts/${contact.id}`,
        }));
      });
    },
  });

  return { queue, detail, reply, recordOutcome, logCall, attachClient, followUpReminder };
}
export type Contacts = ReturnType<typeof createContacts>;
