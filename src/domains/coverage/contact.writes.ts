// What a delegate's action writes on a contact, inside the caller's transaction: the console use cases run these
// live, the demo replays a past absence through them. Every action is audited with both the absent owner and the
// acting delegate named.
import type { ContactOutcome } from '../../contracts/coverage.contracts';
import type { Clock } from '../../platform/clock/clock';
import type { Db } from '../../platform/db/database';
import type { AbsenceRow } from '../absences/absences.repository';
import type { SharedBrief } from '../absences/briefs.lookup';
import type { AuditLog } from '../audit/audit.repository';
import type { ContactRow, CoverageRepository } from './coverage.repository';
import type { Team } from './coverage-team';
import { noInformationEscalation } from './escalation.models';
import type { Escalations } from './escalations.usecases';

export type ContactWriteDeps = {
  clock: Clock;
  auditLog: AuditLog;
  coverageRepository: CoverageRepository;
  escalations: Pick<Escalations, 'escalate'>;
};

export const auditContact = (
  tx: Db,
  deps: Pick<ContactWriteDeps, 'auditLog'>,
  actorId: string,
  contact: ContactRow,
  action: string,
  data: Record<string, unknown> = {},
) =>
  deps.auditLog.append(tx, {
    workspaceId: contact.workspaceId,
    actorId,
    action: `coverage.${action}`,
    subjectType: 'coverage_contact',
    subjectId: contact.id,
    data: {
      absenceId: contact.absenceId,
      ownerId: contact.ownerId,
      delegateId: actorId,
      assigneeId: contact.assigneeId,
      clientId: contact.clientId,
      ...data,
    },
  });

/** The first response stops the SLA timers (they find it set and do nothing). */
const responded = (contact: ContactRow, actorId: string, at: Date) =>
  contact.firstResponseAt ? {} : { firstResponseAt: at, firstResponderId: actorId };

/** A reply sent to the client; `outboxId` is the queued mail (none when the demo replays one sent long ago). */
export async function recordReply(
  tx: Db,
  deps: ContactWriteDeps,
  input: { contact: ContactRow; actorId: string; to: string; subject: string; body: string; outboxId?: string },
) {
  const { contact, actorId, to, subject, body } = input;
  const sent = input.outboxId ? { outboxId: input.outboxId } : {};
  const now = deps.clock.now();
  await deps.coverageRepository.updateContact(tx, contact.id, responded(contact, actorId, now));
  await deps.coverageRepository.insertActivity(tx, {
    workspaceId: contact.workspaceId,
    contactId: contact.id,
    kind: 'reply',
    actorId,
    at: now,
    data: { ...sent, to, subject, body },
  });
  await auditContact(tx, deps, actorId, contact, 'replied', { ...sent, to });
}

export type CallFacts = { actorId: string; kind: 'call' | 'meeting'; occurredAt: Date; with: string; summary: string };
/** The contact a call is logged on: an open one, or a new one for the client within the covering absence. */
export type CallTarget =
  | { contact: ContactRow }
  | {
      absence: Pick<AbsenceRow, 'id' | 'workspaceId' | 'ownerId'>;
      client: { id: string; language: ContactRow['language'] };
      team: Team;
    };

/** A call or meeting the delegate logged; returns the contact it is on. */
export async function recordCall(tx: Db, deps: ContactWriteDeps, target: CallTarget, call: CallFacts): Promise<ContactRow> {
  const { coverageRepository: repo } = deps;
  let contact: ContactRow;
  if ('contact' in target) {
    contact = target.contact;
    await repo.updateContact(tx, contact.id, responded(contact, call.actorId, call.occurredAt));
  } else {
    const { absence, client, team } = target;
    const workspaceId = absence.workspaceId;
    const now = deps.clock.now();
    contact = await repo.insertContact(tx, {
      workspaceId,
      absenceId: absence.id,
      conversationId: await repo.conversationId(tx, { workspaceId, absenceId: absence.id, clientId: client.id, now }),
      ownerId: absence.ownerId,
      clientId: client.id,
      kind: call.kind,
      fromName: call.with,
      subject: call.with,
      excerpt: call.summary.slice(0, 400),
      language: client.language,
      receivedAt: call.occurredAt,
      assigneeId: team.acting.member.id,
      assigneeRole: team.acting.role,
      // A call is a conversation: it was answered as it happened.
      firstResponseAt: call.occurredAt,
      firstResponderId: call.actorId,
      createdBy: call.actorId,
      createdAt: now,
    });
  }
  await repo.insertActivity(tx, {
    workspaceId: contact.workspaceId,
    contactId: contact.id,
    kind: call.kind,
    actorId: call.actorId,
    at: call.occurredAt,
    data: { with: call.with, summary: call.summary },
  });
  await auditContact(tx, deps, call.actorId, contact, 'call_logged', { kind: call.kind, with: call.with });
  return contact;
}

/** The delegate's acknowledgement receipt of the client's brief (else the first one): the evidence of `no_information`. */
const receiptOf = (brief: SharedBrief, delegateId: string) => {
  const acknowledgements = brief?.acknowledgements ?? [];
  const chosen = acknowledgements.find((ack) => ack.delegateId === delegateId) ?? acknowledgements[0];
  return chosen
    ? {
        delegateName: chosen.delegateName,
        version: chosen.version,
        contentHash: chosen.contentHash,
        acknowledgedAt: chosen.acknowledgedAt.toISOString(),
        readBack: chosen.readBack,
      }
    : null;
};

/**
 * Closes a contact with an outcome; `no_information` reaches the manager at once with the delegate's acknowledgement
 * receipt of the client's brief. Returns the closed contact.
 */
export async function recordClosingOutcome(
  tx: Db,
  deps: ContactWriteDeps,
  input: {
    contact: ContactRow;
    actorId: string;
    outcome: Exclude<ContactOutcome, 'handed_to_backup'>;
    note: string | null;
    followUpOn: string | null;
    team: Team;
    timeZone: string;
    clientName: string | null;
    brief: SharedBrief;
  },
): Promise<ContactRow> {
  const { contact, actorId, outcome, note, followUpOn } = input;
  const now = deps.clock.now();
  const closed = await deps.coverageRepository.updateContact(tx, contact.id, {
    state: 'closed',
    outcome,
    outcomeNote: note,
    followUpOn,
    closedAt: now,
    closedBy: actorId,
  });
  await deps.coverageRepository.insertActivity(tx, {
    workspaceId: contact.workspaceId,
    contactId: contact.id,
    kind: 'outcome',
    actorId,
    at: now,
    data: { outcome, note, ...(followUpOn ? { followUpOn } : {}) },
  });
  await auditContact(tx, deps, actorId, contact, 'outcome_recorded', { outcome, note });
  if (outcome === 'no_information') {
    await deps.escalations.escalate(tx, {
      contact: closed ?? contact,
      team: input.team,
      decision: noInformationEscalation(),
      timeZone: input.timeZone,
      evidence: {
        clientName: input.clientName,
        subject: contact.subject,
        receivedAt: contact.receivedAt.toISOString(),
        note: note ?? '',
        receipt: receiptOf(input.brief, actorId),
      },
    });
  }
  return closed ?? contact;
}
