// Records coverage history the way Baton records it live: routing, the console (reply, logged call, outcome), the
// SLA timers and the escalation inbox each write here the rows and audit events their use case writes, at the
// time the caller's clock says. Those use cases refuse an absence that is over (routing, logCall) or need a
// signed-in principal and the outbox; this mirror keeps their data shapes without sending anything. Escalations
// go through the coverage domain's own `escalate`, with a notifier that stays silent (nobody is told today about
// last summer).
import type { ClientStatus, ClientTier } from '../../contracts/clients.contracts';
import type { ContactOutcome, CoverageSettings, EscalationRule } from '../../contracts/coverage.contracts';
import type { Clock } from '../../platform/clock/clock';
import type { Db } from '../../platform/db/database';
import type { AbsenceRow } from '../absences/absences.repository';
import type { SharedBrief } from '../absences/briefs.lookup';
import type { AuditLog } from '../audit/audit.repository';
import type { ClientDirectory } from '../clients/clients.lookup';
import { type BusinessCalendar, slaSchedule } from '../coverage/business-time.models';
import type { ContactRow, CoverageRepository, EscalationRow } from '../coverage/coverage.repository';
import type { Team, TeamMember } from '../coverage/coverage-team';
import { type EscalationDecision, inboundEscalations, noInformationEscalation, slaEscalation } from '../coverage/escalation.models';
import { createEscalations, type EscalationEvidence } from '../coverage/escalations.usecases';
import { routeMessage } from '../coverage/routing.models';
import { excerptOf } from '../coverage/routing.usecases';
import { scoreMessage } from '../coverage/signals.models';
import type { MailMessageRow } from '../mail/mail.repository';
import type { Notifier } from '../notifications/notifications.usecases';

export type HistoricClient = { id: string; name: string; tier: ClientTier; status: ClientStatus; language: 'en' | 'it' };

const silentNotifier: Notifier = { notify: async () => {} };

export function createCoverageHistory(deps: {
  db: Db;
  /** Set by the caller to the moment each step happened. */
  clock: Clock;
  auditLog: AuditLog;
  coverageRepository: CoverageRepository;
  clientDirectory: ClientDirectory;
  absence: AbsenceRow;
  team: Team;
  timeZone: string;
  settings: CoverageSettings;
  calendar: BusinessCalendar;
}) {
  const { clock, coverageRepository: repo, absence, team } = deps;
  const workspaceId = absence.workspaceId;
  const escalations = createEscalations({ ...deps, notifier: silentNotifier });
  /** Every escalation recorded, by contact and rule: the story acknowledges and resolves them afterwards. */
  const escalated = new Map<string, EscalationRow>();
  const keyOf = (contactId: string, rule: EscalationRule) => `${contactId}:${rule}`;

  async function escalate(tx: Db, contact: ContactRow, decision: EscalationDecision, evidence: EscalationEvidence) {
    const row = await escalations.escalate(tx, { contact, team, decision, evidence, timeZone: deps.timeZone });
    if (row) escalated.set(keyOf(row.contactId, row.rule), row);
  }

  async function locked(tx: Db, contactId: string) {
    const contact = await repo.lockContact(tx, workspaceId, contactId);
    if (!contact) throw new Error(`demo contact ${contactId} is missing`);
    return contact;
  }

  // As contacts.usecases audits: both the absent owner and the acting delegate named.
  const audit = (tx: Db, by: TeamMember, contact: ContactRow, action: string, data: Record<string, unknown> = {}) =>
    deps.auditLog.append(tx, {
      workspaceId,
      actorId: by.id,
      action: `coverage.${action}`,
      subjectType: 'coverage_contact',
      subjectId: contact.id,
      data: { ownerId: contact.ownerId, delegateId: by.id, assigneeId: contact.assigneeId, clientId: contact.clientId, ...data },
    });

  return {
    /** The escalations the story recorded so far. */
    escalations: () => [...escalated.values()],

    /** What `mail.route` did when the message arrived while the absence was active (routing.usecases). */
    async route(tx: Db, message: MailMessageRow, client: HistoricClient | null): Promise<ContactRow> {
      const now = clock.now();
      const decision = routeMessage({
        message,
        absence: { state: 'active' },
        alreadyRouted: await repo.isRouted(tx, message.id),
        openContactInThread: message.threadId ? await repo.openContactInThread(tx, absence.id, message.threadId) : null,
      });
      if (decision.action === 'skip') throw new Error(`demo message ${message.id} would not be routed: ${decision.reason}`);
      const signals = scoreMessage({ text: message.textBody, subject: message.subject, lang: message.language });
      let contact: ContactRow;
      let joinedUnanswered = false;
      if (decision.action === 'join') {
        const open = await locked(tx, decision.contactId);
        contact = open;
        joinedUnanswered = open.firstResponseAt === null;
        if (signals.score > (open.signals?.score ?? 0)) contact = (await repo.updateContact(tx, open.id, { signals })) ?? open;
      } else {
        const schedule = slaSchedule(
          message.receivedAt,
          client?.tier === 'key' ? deps.settings.sla.key : deps.settings.sla.standard,
          deps.calendar,
        );
        contact = await repo.insertContact(tx, {
          workspaceId,
          absenceId: absence.id,
          conversationId: await repo.conversationId(tx, { workspaceId, absenceId: absence.id, clientId: client?.id ?? null, now }),
          ownerId: absence.ownerId,
          clientId: client?.id ?? null,
          kind: 'email',
          messageId: message.id,
          threadId: message.threadId,
          fromAddress: message.fromAddress,
          fromName: message.fromName,
          subject: message.subject,
          excerpt: excerptOf(message.textBody),
          language: message.language,
          receivedAt: message.receivedAt,
          assigneeId: team.acting.member.id,
          assigneeRole: team.acting.role,
          ...schedule,
          signals,
          createdAt: now,
        });
      }
      await repo.linkMessage(tx, { messageId: message.id, workspaceId, contactId: contact.id, routedAt: now });
      await repo.insertActivity(tx, {
        workspaceId,
        contactId: contact.id,
        kind: 'message',
        actorId: null,
        at: message.receivedAt,
        data: { messageId: message.id, from: message.fromAddress, subject: message.subject },
      });
      await deps.auditLog.append(tx, {
        workspaceId,
        actorId: null,
        action: decision.action === 'join' ? 'coverage.message_joined' : 'coverage.contact_routed',
        subjectType: 'coverage_contact',
        subjectId: contact.id,
        data: {
          messageId: message.id,
          clientId: client?.id ?? null,
          ownerId: absence.ownerId,
          delegateId: contact.assigneeId,
          role: contact.assigneeRole,
        },
      });
      const rules = inboundEscalations({
        tier: client?.tier ?? null,
        clientStatus: client?.status ?? null,
        signals,
        unansweredContacts: client ? await repo.unansweredOfClient(tx, absence.id, client.id, contact.id) : 0,
        joinedUnansweredContact: joinedUnanswered,
      });
      for (const rule of rules) {
        await escalate(tx, contact, rule, {
          clientName: client?.name ?? null,
          subject: message.subject,
          receivedAt: message.receivedAt.toISOString(),
          dueAt: contact.dueAt?.toISOString() ?? null,
          signals: signals.signals.map((signal) => ({ id: signal.id, evidence: signal.evidence })),
          clientStatus: client?.status ?? null,
        });
      }
      return contact;
    },

    /** A delegate's reply (contacts.usecases `reply`); no outbox id: last summer's mail left long ago. */
    async reply(tx: Db, contactId: string, by: TeamMember, answering: MailMessageRow, body: string) {
      const contact = await locked(tx, contactId);
      const to = contact.fromAddress ?? '';
      const subject = /^(re|r|aw):/i.test(answering.subject.trim()) ? answering.subject : `Re: ${answering.subject}`.trim();
      const now = clock.now();
      if (!contact.firstResponseAt) await repo.updateContact(tx, contact.id, { firstResponseAt: now, firstResponderId: by.id });
      await repo.insertActivity(tx, { workspaceId, contactId, kind: 'reply', actorId: by.id, at: now, data: { to, subject, body } });
      await audit(tx, by, contact, 'replied', { to });
    },

    /** A call the delegate logged for a client (contacts.usecases `logCall` without a contact): answered as it happened. */
    async logCall(tx: Db, input: { client: HistoricClient; by: TeamMember; occurredAt: Date; with: string; summary: string }) {
      const now = clock.now();
      const contact = await repo.insertContact(tx, {
        workspaceId,
        absenceId: absence.id,
        conversationId: await repo.conversationId(tx, { workspaceId, absenceId: absence.id, clientId: input.client.id, now }),
        ownerId: absence.ownerId,
        clientId: input.client.id,
        kind: 'call',
        fromName: input.with,
        subject: input.with,
        excerpt: input.summary.slice(0, 400),
        language: input.client.language,
        receivedAt: input.occurredAt,
        assigneeId: team.acting.member.id,
        assigneeRole: team.acting.role,
        firstResponseAt: input.occurredAt,
        firstResponderId: input.by.id,
        createdBy: input.by.id,
        createdAt: now,
      });
      await repo.insertActivity(tx, {
        workspaceId,
        contactId: contact.id,
        kind: 'call',
        actorId: input.by.id,
        at: input.occurredAt,
        data: { with: input.with, summary: input.summary },
      });
      await audit(tx, input.by, contact, 'call_logged', { kind: 'call', with: input.with });
      return contact;
    },

    /**
     * Closes a contact with an outcome (contacts.usecases `recordOutcome`); `no_information` reaches the manager with the
     * delegate's acknowledgement receipt of the client's brief.
     */
    async close(
      tx: Db,
      input: { contactId: string; by: TeamMember; outcome: Exclude<ContactOutcome, 'handed_to_backup' | 'follow_up'>; note: string },
      context: { clientName: string; brief?: SharedBrief } = { clientName: '' },
    ) {
      const contact = await locked(tx, input.contactId);
      const now = clock.now();
      const closed = await repo.updateContact(tx, contact.id, {
        state: 'closed',
        outcome: input.outcome,
        outcomeNote: input.note,
        followUpOn: null,
        closedAt: now,
        closedBy: input.by.id,
      });
      await repo.insertActivity(tx, {
        workspaceId,
        contactId: contact.id,
        kind: 'outcome',
        actorId: input.by.id,
        at: now,
        data: { outcome: input.outcome, note: input.note },
      });
      await audit(tx, input.by, contact, 'outcome_recorded', { outcome: input.outcome, note: input.note });
      if (input.outcome !== 'no_information') return;
      const acknowledgements = context.brief?.acknowledgements ?? [];
      const receipt = acknowledgements.find((ack) => ack.delegateId === input.by.id) ?? acknowledgements[0];
      await escalate(tx, closed ?? contact, noInformationEscalation(), {
        clientName: context.clientName,
        subject: contact.subject,
        receivedAt: contact.receivedAt.toISOString(),
        note: input.note,
        receipt: receipt
          ? {
              delegateName: receipt.delegateName,
              version: receipt.version,
              contentHash: receipt.contentHash,
              acknowledgedAt: receipt.acknowledgedAt.toISOString(),
              readBack: receipt.readBack,
            }
          : null,
      });
    },

    /** The SLA timers of sla-timers.usecases: the 75 % warning, then the breach that reaches the backup. */
    async slaTimer(tx: Db, contactId: string, stage: 'warn' | 'breach', clientName: string) {
      const contact = await locked(tx, contactId);
      if (stage === 'warn') {
        if (contact.state === 'open' && !contact.firstResponseAt) await repo.updateContact(tx, contact.id, { slaWarnedAt: clock.now() });
        return;
      }
      const decision = slaEscalation(stage, contact);
      if (!decision) return;
      await escalate(tx, contact, decision, {
        clientName,
        subject: contact.subject,
        receivedAt: contact.receivedAt.toISOString(),
        dueAt: contact.dueAt?.toISOString() ?? null,
      });
    },

    /** escalations.usecases `acknowledge` / `resolve`, by the recipient or the manager. */
    async settle(
      tx: Db,
      input: { contactId: string; rule: EscalationRule; by: TeamMember; action: 'acknowledge' | 'resolve'; note?: string },
    ) {
      const { by, action, note } = input;
      const escalation = escalated.get(keyOf(input.contactId, input.rule));
      // Whether the anger rule fired is the signals scorer's call; the story does not insist.
      if (!escalation) return;
      const now = clock.now();
      const values =
        action === 'acknowledge'
          ? { state: 'acknowledged' as const, acknowledgedAt: now, acknowledgedBy: by.id }
          : {
              state: 'resolved' as const,
              resolvedAt: now,
              resolvedBy: by.id,
              resolutionNote: note ?? null,
              ...(escalation.acknowledgedAt ? {} : { acknowledgedAt: now, acknowledgedBy: by.id }),
            };
      const updated = await repo.updateEscalation(tx, escalation.id, values);
      if (updated) escalated.set(keyOf(updated.contactId, updated.rule), updated);
      await deps.auditLog.append(tx, {
        workspaceId,
        actorId: by.id,
        action: `coverage.escalation_${action === 'acknowledge' ? 'acknowledged' : 'resolved'}`,
        subjectType: 'escalation',
        subjectId: escalation.id,
        data: { contactId: escalation.contactId, rule: escalation.rule, ...(note ? { note } : {}) },
      });
    },
  };
}
export type CoverageHistory = ReturnType<typeof createCoverageHistory>;
