// Records coverage history the way Baton records it live: routing, the console (reply, logged call, outcome), the
// SLA timers and the escalation inbox write here through the coverage domain's own write steps (routing.writes,
// contact.writes, sla.writes, `escalate`), at the time the caller's clock says. The use cases around those steps
// refuse an absence that is over (routing, logCall) or need a signed-in principal and the outbox; this replay reads
// its facts itself, schedules no timers (the story fires them) and tells nobody: today nobody hears of last summer.
import type { ClientStatus, ClientTier } from '../../contracts/clients.contracts';
import type { ContactOutcome, CoverageSettings, EscalationRule } from '../../contracts/coverage.contracts';
import type { Clock } from '../../platform/clock/clock';
import type { Db } from '../../platform/db/database';
import type { AbsenceRow } from '../absences/absences.repository';
import type { SharedBrief } from '../absences/briefs.lookup';
import type { AuditLog } from '../audit/audit.repository';
import type { ClientDirectory } from '../clients/clients.lookup';
import { type BusinessCalendar, slaSchedule } from '../coverage/business-time.models';
import { recordCall, recordClosingOutcome, recordReply } from '../coverage/contact.writes';
import type { ContactRow, CoverageRepository, EscalationRow } from '../coverage/coverage.repository';
import type { Team, TeamMember } from '../coverage/coverage-team';
import { createEscalations, type Escalations } from '../coverage/escalations.usecases';
import { escalateInbound, recordRoutedMessage } from '../coverage/routing.writes';
import { scoreMessage } from '../coverage/signals.models';
import { recordSlaBreach, recordSlaWarning } from '../coverage/sla.writes';
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

  /** The coverage domain's own escalation, remembered for the story to settle afterwards. */
  const remembering: Pick<Escalations, 'escalate'> = {
    escalate: async (tx, input) => {
      const row = await escalations.escalate(tx, input);
      if (row) escalated.set(keyOf(row.contactId, row.rule), row);
      return row;
    },
  };
  // No SLA timer jobs: the story fires the timers itself, at the moments it replays.
  const writeDeps = { ...deps, escalations: remembering, slaTimers: { schedule: async () => {} } };

  async function locked(tx: Db, contactId: string) {
    const contact = await repo.lockContact(tx, workspaceId, contactId);
    if (!contact) throw new Error(`demo contact ${contactId} is missing`);
    return contact;
  }

  return {
    /** The escalations the story recorded so far. */
    escalations: () => [...escalated.values()],

    /** What `mail.route` did when the message arrived while the absence was active (routing.usecases). */
    async route(tx: Db, message: MailMessageRow, client: HistoricClient | null): Promise<ContactRow> {
      const facts = {
        message,
        // Replayed as it was while the absence was active.
        absence: { ...absence, state: 'active' as const },
        client,
        team,
        signals: scoreMessage({ text: message.textBody, subject: message.subject, lang: message.language }),
        schedule: slaSchedule(
          message.receivedAt,
          client?.tier === 'key' ? deps.settings.sla.key : deps.settings.sla.standard,
          deps.calendar,
        ),
        timeZone: deps.timeZone,
      };
      const routed = await recordRoutedMessage(tx, writeDeps, facts);
      if (!routed) throw new Error(`demo message ${message.id} would not be routed`);
      await escalateInbound(tx, writeDeps, facts, routed);
      return routed.contact;
    },

    /** A delegate's reply (contacts.usecases `reply`); no outbox id: last summer's mail left long ago. */
    async reply(tx: Db, contactId: string, by: TeamMember, answering: MailMessageRow, body: string) {
      const contact = await locked(tx, contactId);
      const to = contact.fromAddress ?? '';
      const subject = /^(re|r|aw):/i.test(answering.subject.trim()) ? answering.subject : `Re: ${answering.subject}`.trim();
      await recordReply(tx, writeDeps, { contact, actorId: by.id, to, subject, body });
    },

    /** A call the delegate logged for a client (contacts.usecases `logCall` without a contact): answered as it happened. */
    async logCall(tx: Db, input: { client: HistoricClient; by: TeamMember; occurredAt: Date; with: string; summary: string }) {
      const { client, by, ...call } = input;
      return recordCall(tx, writeDeps, { absence, client, team }, { actorId: by.id, kind: 'call', ...call });
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
      await recordClosingOutcome(tx, writeDeps, {
        contact: await locked(tx, input.contactId),
        actorId: input.by.id,
        outcome: input.outcome,
        note: input.note,
        followUpOn: null,
        team,
        timeZone: deps.timeZone,
        clientName: context.clientName,
        brief: context.brief ?? null,
      });
    },

    /** The SLA timers of sla-timers.usecases: the 75 % warning, then the breach that reaches the backup. */
    async slaTimer(tx: Db, contactId: string, stage: 'warn' | 'breach', clientName: string) {
      const contact = await locked(tx, contactId);
      if (stage === 'warn') await recordSlaWarning(tx, writeDeps, contact);
      else await recordSlaBreach(tx, writeDeps, { contact, stage, team, timeZone: deps.timeZone, clientName });
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
