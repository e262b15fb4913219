// Escalations: recorded once per contact, rule and target (a unique index), audited, and notified to the
// recipient in their language with the evidence; listed for managers, acknowledged and resolved.
import type { Escalation, EscalationState } from '../../contracts/coverage.contracts';
import type { Language } from '../../contracts/workspaces.contracts';
import type { Clock } from '../../platform/clock/clock';
import { formatInstant } from '../../platform/clock/zoned-time';
import type { Db } from '../../platform/db/database';
import type { AuditLog } from '../audit/audit.repository';
import type { ClientDirectory } from '../clients/clients.lookup';
import type { Notifier } from '../notifications/notifications.usecases';
import type { Principal } from '../workspaces/auth.usecases';
import { coverageErrors } from './coverage.errors';
import { translateCoverageMail as t } from './coverage.mails';
import type { ContactRow, ContactView, CoverageRepository, EscalationRow } from './coverage.repository';
import { escalationPeople, type Team } from './coverage-team';
import { type EscalationDecision, escalationRecipient } from './escalation.models';

/** What an escalation proves, kept with it: the receipt, the deadlines, the signals that fired. */
export type EscalationEvidence = {
  clientName: string | null;
  subject: string;
  receivedAt: string;
  dueAt?: string | null;
  note?: string;
  receipt?: { delegateName: string; version: number; contentHash: string; acknowledgedAt: string; readBack: string | null } | null;
  signals?: { id: string; evidence: string }[];
  unansweredContacts?: number;
  clientStatus?: string | null;
};

type Deps = {
  db: Db;
  clock: Clock;
  auditLog: AuditLog;
  notifier: Notifier;
  coverageRepository: CoverageRepository;
  clientDirectory: ClientDirectory;
};

/** The people an escalation list names: recipients, and who acknowledged or resolved. */
export const escalationPeopleIds = (rows: EscalationRow[]) =>
  rows.flatMap((row) => [row.recipientId, row.acknowledgedBy, row.resolvedBy].filter((id): id is string => id !== null));

export function createEscalations(deps: Deps) {
  const { db, clock, coverageRepository: repo } = deps;

  function detail(language: Language, row: Pick<EscalationRow, 'rule'>, evidence: EscalationEvidence, team: Team, timeZone: string) {
    const at = (iso: string | null | undefined) => (iso ? formatInstant(new Date(iso), language, timeZone) : '');
    const client = evidence.clientName ?? t(language, 'assigned.unknown_client');
    const receipt = evidence.receipt
      ? t(language, 'detail.receipt', {
          delegate: evidence.receipt.delegateName,
          version: evidence.receipt.version,
          client,
          acknowledgedAt: at(evidence.receipt.acknowledgedAt),
          hash: evidence.receipt.contentHash,
        })
      : '';
    return t(language, `detail.${row.rule}`, {
      client,
      subject: evidence.subject,
      received: at(evidence.receivedAt),
      due: at(evidence.dueAt),
      delegate: team.acting.member.name,
      note: evidence.note ?? '',
      receipt,
      signals: (evidence.signals ?? []).map((signal) => `${signal.id} (“${signal.evidence}”)`).join(', '),
    });
  }

  /**
   * Records one escalation in the caller's transaction; null when the contact already had it (a retry, or another
   * instance got there first), so nobody is notified twice.
   */
  async function escalate(
    tx: Db,
    input: { contact: ContactRow; team: Team; decision: EscalationDecision; evidence: EscalationEvidence; timeZone: string },
  ) {
    const { contact, team, decision, evidence } = input;
    const recipientId = escalationRecipient(decision.target, escalationPeople(team, contact));
    const now = clock.now();
    const row = await repo.insertEscalation(tx, {
      workspaceId: contact.workspaceId,
      absenceId: contact.absenceId,
      contactId: contact.id,
      clientId: contact.clientId,
      rule: decision.rule,
      target: decision.target,
      recipientId,
      evidence,
      createdAt: now,
    });
    if (!row) return null;
    await repo.insertActivity(tx, {
      workspaceId: contact.workspaceId,
      contactId: contact.id,
      kind: 'escalated',
      actorId: null,
      at: now,
      data: { rule: decision.rule, target: decision.target, recipientId, recipientName: team.member(recipientId).name },
    });
    await deps.auditLog.append(tx, {
      workspaceId: contact.workspaceId,
      actorId: null,
      action: 'coverage.escalated',
      subjectType: 'coverage_contact',
      subjectId: contact.id,
      data: {
        escalationId: row.id,
        absenceId: contact.absenceId,
        clientId: contact.clientId,
        rule: decision.rule,
        target: decision.target,
        recipientId,
        ownerId: contact.ownerId,
        delegateId: contact.assigneeId,
      },
    });
    await deps.notifier.notify(tx, contact.workspaceId, team.member(recipientId), (language) => ({
      kind: 'coverage.escalated',
      subject: t(language, 'escalated.subject', {
        rule: t(language, `rule.${decision.rule}`),
        client: evidence.clientName ?? t(language, 'assigned.unknown_client'),
      }),
      text: t(language, 'escalated.text', {
        detail: detail(language, row, evidence, team, input.timeZone),
        owner: team.owner.name,
        delegate: team.member(contact.assigneeId).name,
      }),
      link: `/coverage/contacts/${contact.id}`,
    }));
    return row;
  }

  const mayManage = (principal: Principal, row: EscalationRow) =>
    principal.user.role === 'admin' || principal.user.role === 'manager' || row.recipientId === principal.user.id;

  /**
   * Escalations with their names; `known` are contacts the caller already read (each other contact is read once), and
   * `knownNames` names the caller read with others of its own (`peopleOf(rows)` at least).
   */
  async function present(
    workspaceId: string,
    rows: EscalationRow[],
    known: ContactView[] = [],
    knownNames?: Map<string, string>,
  ): Promise<Escalation[]> {
    const views = new Map(known.map((view) => [view.contact.id, view]));
    const missing = [...new Set(rows.map((row) => row.contactId))].filter((id) => !views.has(id));
    const [read, names] = await Promise.all([
      Promise.all(missing.map((id) => repo.contactView(workspaceId, id))),
      knownNames ?? repo.userNames(workspaceId, escalationPeopleIds(rows)),
    ]);
    for (const view of read) if (view) views.set(view.contact.id, view);
    return rows.map((row) => {
      const view = views.get(row.contactId);
      return {
        id: row.id,
        absenceId: row.absenceId,
        contactId: row.contactId,
        clientId: row.clientId,
        clientName: view?.clientName ?? null,
        ownerName: view?.ownerName ?? '',
        delegateName: view?.assigneeName ?? '',
        rule: row.rule,
        target: row.target,
        recipientId: row.recipientId,
        recipientName: names.get(row.recipientId) ?? '',
        state: row.state,
        evidence: row.evidence,
        createdAt: row.createdAt.toISOString(),
        acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
        acknowledgedByName: row.acknowledgedBy ? (names.get(row.acknowledgedBy) ?? null) : null,
        resolvedAt: row.resolvedAt?.toISOString() ?? null,
        resolvedByName: row.resolvedBy ? (names.get(row.resolvedBy) ?? null) : null,
        resolutionNote: row.resolutionNote,
      };
    });
  }

  async function change(principal: Principal, id: string, action: 'acknowledge' | 'resolve', note?: string) {
    const workspaceId = principal.workspace.id;
    const updated = await db.transaction(async (tx) => {
      const row = await repo.lockEscalation(tx, workspaceId, id);
      if (!row) throw coverageErrors.escalationNotFound();
      if (!mayManage(principal, row)) throw coverageErrors.escalationNotYours();
      if (row.state === 'resolved') throw coverageErrors.escalationResolved();
      if (action === 'acknowledge' && row.state !== 'open') return row;
      const now = clock.now();
      const values =
        action === 'acknowledge'
          ? { state: 'acknowledged' as const, acknowledgedAt: now, acknowledgedBy: principal.user.id }
          : {
              state: 'resolved' as const,
              resolvedAt: now,
              resolvedBy: principal.user.id,
              resolutionNote: note ?? null,
              ...(row.acknowledgedAt ? {} : { acknowledgedAt: now, acknowledgedBy: principal.user.id }),
            };
      const next = await repo.updateEscalation(tx, row.id, values);
      await deps.auditLog.append(tx, {
        workspaceId,
        actorId: principal.user.id,
        action: `coverage.escalation_${action === 'acknowledge' ? 'acknowledged' : 'resolved'}`,
        subjectType: 'escalation',
        subjectId: row.id,
        data: { contactId: row.contactId, rule: row.rule, ...(note ? { note } : {}) },
      });
      return next ?? row;
    });
    const [presented] = await present(workspaceId, [updated]);
    if (!presented) throw coverageErrors.escalationNotFound();
    return presented;
  }

  return {
    escalate,
    present,

    /** Managers and admins see every escalation of the workspace; anyone else, those sent to them. */
    async list(principal: Principal, state: EscalationState | 'all') {
      const everyone = principal.user.role === 'admin' || principal.user.role === 'manager';
      const rows = await repo.listEscalations(principal.workspace.id, { state, ...(everyone ? {} : { recipientId: principal.user.id }) });
      return present(principal.workspace.id, rows);
    },
    acknowledge: (principal: Principal, id: string) => change(principal, id, 'acknowledge'),
    resolve: (principal: Principal, id: string, note: string) => change(principal, id, 'resolve', note),
  };
}
export type Escalations = ReturnType<typeof createEscalations>;
