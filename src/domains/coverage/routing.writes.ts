// The writes of routing a client message, inside the caller's transaction: the routing use case runs them live,
// the demo replays a past absence through them. Facts (client, team, signals, SLA schedule) are read beforehand.
import type { ClientStatus, ClientTier } from '../../contracts/clients.contracts';
import type { Clock } from '../../platform/clock/clock';
import type { Db } from '../../platform/db/database';
import type { AbsenceRow } from '../absences/absences.repository';
import type { AuditLog } from '../audit/audit.repository';
import type { MailMessageRow } from '../mail/mail.repository';
import type { ContactRow, CoverageRepository } from './coverage.repository';
import type { Team } from './coverage-team';
import { inboundEscalations } from './escalation.models';
import type { Escalations } from './escalations.usecases';
import { routeMessage } from './routing.models';
import type { SignalScore } from './signals.models';
import type { SlaTimers } from './sla-timers.usecases';

const EXCERPT_LENGTH = 400;

export const excerptOf = (text: string) => {
  const flat = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('>'))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
};

export type RoutingWriteDeps = {
  clock: Clock;
  auditLog: AuditLog;
  coverageRepository: CoverageRepository;
  escalations: Pick<Escalations, 'escalate'>;
  slaTimers: Pick<SlaTimers, 'schedule'>;
};

export type RoutedMessageFacts = {
  message: MailMessageRow;
  absence: Pick<AbsenceRow, 'id' | 'workspaceId' | 'ownerId' | 'state'>;
  client: { id: string; name: string; tier: ClientTier; status: ClientStatus } | null;
  team: Team;
  signals: SignalScore;
  schedule: { warnAt: Date; dueAt: Date; secondDueAt: Date };
  timeZone: string;
};

export type RoutedMessage = { contact: ContactRow; joined: boolean; joinedUnanswered: boolean };

/**
 * The message joins its thread's open contact or opens a new one (with its SLA timers), is linked, logged and audited.
 * Null when it is not to be routed (already routed, absence over, automated mail).
 */
export async function recordRoutedMessage(tx: Db, deps: RoutingWriteDeps, facts: RoutedMessageFacts): Promise<RoutedMessage | null> {
  const { message, absence, client, team, signals, schedule } = facts;
  const { coverageRepository: repo } = deps;
  const workspaceId = absence.workspaceId;
  const decision = routeMessage({
    message,
    absence,
    alreadyRouted: await repo.isRouted(tx, message.id),
    openContactInThread: message.threadId ? await repo.openContactInThread(tx, absence.id, message.threadId) : null,
  });
  if (decision.action === 'skip') return null;
  const now = deps.clock.now();

  let contact: ContactRow;
  let joinedUnanswered = false;
  if (decision.action === 'join') {
    const open = await repo.lockContact(tx, workspaceId, decision.contactId);
    if (!open) throw new Error(`contact ${decision.contactId} vanished`);
    contact = open;
    joinedUnanswered = open.firstResponseAt === null;
    // The contact shows the strongest signals any of its messages carried.
    if (signals.score > (open.signals?.score ?? 0)) contact = (await repo.updateContact(tx, open.id, { signals })) ?? open;
  } else {
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
      warnAt: schedule.warnAt,
      dueAt: schedule.dueAt,
      secondDueAt: schedule.secondDueAt,
      signals,
      createdAt: now,
    });
    await deps.slaTimers.schedule(tx, contact);
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
  return { contact, joined: decision.action === 'join', joinedUnanswered };
}

/** The escalations an arriving message calls for (key account, angry, cancelling, chasing an unanswered contact...). */
export async function escalateInbound(tx: Db, deps: RoutingWriteDeps, facts: RoutedMessageFacts, routed: RoutedMessage) {
  const { message, absence, client, team, signals } = facts;
  const { contact } = routed;
  const rules = inboundEscalations({
    tier: client?.tier ?? null,
    clientStatus: client?.status ?? null,
    signals,
    unansweredContacts: client ? await deps.coverageRepository.unansweredOfClient(tx, absence.id, client.id, contact.id) : 0,
    joinedUnansweredContact: routed.joinedUnanswered,
  });
  for (const rule of rules) {
    await deps.escalations.escalate(tx, {
      contact,
      team,
      decision: rule,
      timeZone: facts.timeZone,
      evidence: {
        clientName: client?.name ?? null,
        subject: message.subject,
        receivedAt: message.receivedAt.toISOString(),
        dueAt: contact.dueAt?.toISOString() ?? null,
        signals: signals.signals.map((signal) => ({ id: signal.id, evidence: signal.evidence })),
        clientStatus: client?.status ?? null,
      },
    });
  }
}
