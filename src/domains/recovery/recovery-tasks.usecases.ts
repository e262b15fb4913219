// Recovery tasks: when the owner is back, one apology call per client who got in touch during the absence, in the
// return briefing's order. Each task shows a call script in the client's language and the client's history during
// the absence; the owner logs calls (the client's status follows, through the clients domain) and writes to the
// client, with a check against explaining who was at fault.
import { z } from 'zod';
import type { BriefingClient, LogRecoveryCallInput, RecoveryTask, RecoveryTaskDetail } from '../../contracts/recovery.contracts';
import { logRecoveryCallSchema, recoveryTasksQuerySchema, sendRecoveryMessageSchema } from '../../contracts/recovery.contracts';
import type { Clock } from '../../platform/clock/clock';
import { formatInstant, instantToLocal, localToInstant } from '../../platform/clock/zoned-time';
import type { Db } from '../../platform/db/database';
import { defineJob, enqueueJob } from '../../platform/jobs/jobs';
import type { AbsenceLookup } from '../absences/absences.lookup';
import type { AuditLog } from '../audit/audit.repository';
import type { ClientDirectory } from '../clients/clients.lookup';
import type { ClientsUseCases } from '../clients/clients.usecases';
import type { MailRepository } from '../mail/mail.repository';
import type { Notifier } from '../notifications/notifications.usecases';
import type { Outbox } from '../outbox/outbox.usecases';
import type { Principal } from '../workspaces/auth.usecases';
import type { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { blameAdvice, checkBlame } from './blame.models';
import { recoveryErrors } from './recovery.errors';
import { translateRecoveryMail as t } from './recovery.mails';
import { mayActOnRecovery, mayReadRecovery, statusAfterCall, taskStateAfterCall } from './recovery.models';
import type { RecoveryRepository } from './recovery.repository';
import type { RecoveryTasksRepository, RecoveryTaskView } from './recovery-tasks.repository';
import type { ReturnBriefingUseCases } from './return-briefing.usecases';
import { callScript } from './scripts.models';

export const callRetryJob = {
  name: 'recovery.call_retry',
  payload: z.object({ workspaceId: z.uuid(), taskId: z.uuid(), callId: z.uuid() }),
  maxAttempts: 8,
};

type Deps = {
  db: Db;
  clock: Clock;
  auditLog: AuditLog;
  notifier: Notifier;
  outbox: Outbox;
  absenceLookup: AbsenceLookup;
  clientDirectory: ClientDirectory;
  mailRepository: MailRepository;
  workspacesRepository: WorkspacesRepository;
  recoveryRepository: RecoveryRepository;
  recoveryTasksRepository: RecoveryTasksRepository;
  returnBriefing: ReturnBriefingUseCases;
  setClientStatus: ClientsUseCases['setStatus'];
};

/** A retry day becomes a reminder at the start of that working day, in the workspace's time zone. */
const RETRY_TIME = '09:00';
const MAX_RETRY_DAYS = 366;

/** Message-IDs as headers write them, whether or not they were stored with their angle brackets. */
const inAngles = (id: string) => (id.startsWith('<') ? id : `<${id}>`);
const replySubject = (subject: string) => (/^(re|r|aw):/i.test(subject.trim()) ? subject.trim() : `Re: ${subject}`.trim());

export function presentTask(view: RecoveryTaskView): RecoveryTask {
  const { task } = view;
  return {
    id: task.id,
    absenceId: task.absenceId,
    clientId: task.clientId,
    clientName: view.clientName,
    tier: view.tier,
    clientStatus: view.clientStatus,
    language: view.language,
    ownerId: task.ownerId,
    ownerName: view.ownerName,
    rank: task.rank,
    score: task.score,
    reasons: task.reasons,
    state: task.state,
    attempts: task.attempts,
    lastOutcome: task.lastOutcome,
    lastCalledAt: task.lastCalledAt?.toISOString() ?? null,
    retryOn: task.retryOn,
    createdAt: task.createdAt.toISOString(),
    doneAt: task.doneAt?.toISOString() ?? null,
  };
}

export function createRecoveryTasks(deps: Deps) {
  const { db, clock, recoveryTasksRepository: repo } = deps;

  /** The tasks of an absence that has returned: every client with a contact, in the briefing's order. Idempotent. */
  async function createForAbsence(workspaceId: string, absenceId: string) {
    const absence = await deps.absenceLookup.byId(workspaceId, absenceId);
    if (!absence || (absence.state !== 'returned' && absence.state !== 'closed')) return 0;
    const briefing = await deps.returnBriefing.build(absence);
    const affected = briefing.clients.filter((client) => client.counts.contacts > 0);
    const now = clock.now();
    return db.transaction(async (tx) => {
      const created = await repo.insertTasks(
        tx,
        affected.map((client, index) => ({
          workspaceId,
          absenceId,
          clientId: client.clientId,
          ownerId: absence.ownerId,
          rank: index + 1,
          score: client.score,
          reasons: client.reasons,
          createdAt: now,
        })),
      );
      if (created.length > 0) {
        await deps.auditLog.append(tx, {
          workspaceId,
          actorId: null,
          action: 'recovery.tasks_created',
          subjectType: 'absence',
          subjectId: absenceId,
          data: { ownerId: absence.ownerId, tasks: created.map((row) => ({ id: row.id, clientId: row.clientId })) },
        });
      }
      return created.length;
    });
  }

  async function visibleAbsence(principal: Principal, absenceId: string) {
    const absence = await deps.absenceLookup.byId(principal.workspace.id, absenceId);
    if (!absence || !mayReadRecovery(principal, absence)) throw recoveryErrors.absenceNotFound();
    return absence;
  }

  async function visible(principal: Principal, taskId: string) {
    const view = await repo.task(principal.workspace.id, taskId);
    const absence = view ? await deps.absenceLookup.byId(principal.workspace.id, view.task.absenceId) : null;
    if (!view || !absence || !mayReadRecovery(principal, absence)) throw recoveryErrors.taskNotFound();
    return { view, absence };
  }

  async function actable(principal: Principal, taskId: string) {
    const found = await visible(principal, taskId);
    if (!mayActOnRecovery(principal, found.absence)) throw recoveryErrors.notOwner();
    return found;
  }

  /**
   * Where a message to the client goes: a reply to the client's latest message of the absence when there is one,
   * else a new mail to the client's first contact; from the owner's own mailbox when she has one.
   */
  async function addressing(view: RecoveryTaskView, owner: { name: string }) {
    const { workspaceId, absenceId, clientId, ownerId } = view.task;
    const last = await deps.recoveryRepository.lastClientMessage(workspaceId, absenceId, clientId);
    const mailboxes = await deps.mailRepository.listMailboxes(workspaceId, ownerId);
    const mailbox = (last && mailboxes.find((candidate) => candidate.id === last.mailboxId)) ?? mailboxes[0] ?? null;
    const from = mailbox ? `"${owner.name.replaceAll('"', '')}" <${mailbox.address}>` : null;
    if (last?.fromAddress) {
      const references = [...last.references, ...(last.messageIdHeader ? [last.messageIdHeader] : [])].map(inAngles);
      return {
        to: last.fromAddress,
        contactName: last.fromName || null,
        from,
        replyTo: mailbox?.address ?? null,
        subject: replySubject(last.subject),
        threaded: Boolean(last.messageIdHeader),
        headers: {
          ...(last.messageIdHeader ? { 'In-Reply-To': inAngles(last.messageIdHeader) } : {}),
          ...(references.length > 0 ? { References: references.join(' ') } : {}),
        },
        inReplyTo: last.messageIdHeader ? inAngles(last.messageIdHeader) : null,
      };
    }
    const contact = await deps.recoveryRepository.firstClientContact(workspaceId, clientId);
    if (!contact) return null;
    return {
      to: contact.email,
      contactName: contact.name,
      from,
      replyTo: mailbox?.address ?? null,
      subject: t(view.language, 'message.subject'),
      threaded: false,
      headers: {},
      inReplyTo: null,
    };
  }

  const emptyHistory = (): RecoveryTaskDetail['history'] => ({
    counts: {
      contacts: 0,
      emails: 0,
      calls: 0,
      messages: 0,
      answered: 0,
      open: 0,
      waitingForOwner: 0,
      noInformation: 0,
      escalations: 0,
      autoReplies: 0,
      statusLinkViews: 0,
    },
    signals: { angry: false, cancellationIntent: false, urgent: false, evidence: [] },
    contacts: [],
  });

  function scriptOf(
    view: RecoveryTaskView,
    entry: BriefingClient | undefined,
    people: { owner: string; company: string },
    contact: string | null,
  ) {
    const contacts = [...(entry?.contacts ?? [])].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
    return callScript(
      { language: view.language, ...people, contact: contacts.find((item) => item.kind === 'email' && item.fromName)?.fromName ?? contact },
      {
        unanswered: (entry?.counts.contacts ?? 0) - (entry?.counts.answered ?? 0),
        noInformation: entry?.counts.noInformation ?? 0,
        waitingForOwner: entry?.counts.waitingForOwner ?? 0,
        angry: entry?.signals.angry ?? false,
        topics: contacts.filter((item) => item.kind === 'email').map((item) => item.subject),
      },
    );
  }

  async function detail(principal: Principal, taskId: string): Promise<RecoveryTaskDetail> {
    const { view, absence } = await visible(principal, taskId);
    const briefing = await deps.returnBriefing.build(absence);
    const entry = briefing.clients.find((client) => client.clientId === view.task.clientId);
    const compose = await addressing(view, { name: view.ownerName });
    const calls = await repo.callsOf(view.task.id);
    const messages = await repo.messagesOf(view.task.id);
    return {
      ...presentTask(view),
      history: entry ? { counts: entry.counts, signals: entry.signals, contacts: entry.contacts } : emptyHistory(),
      script: scriptOf(view, entry, { owner: view.ownerName, company: principal.workspace.name }, compose?.contactName ?? null),
      calls: calls.map(({ call, calledByName }) => ({
        id: call.id,
        outcome: call.outcome,
        notes: call.notes,
        nextStep: call.nextStep,
        retryOn: call.retryOn,
        lostReason: call.lostReason,
        calledAt: call.calledAt.toISOString(),
        calledById: call.calledBy,
        calledByName,
      })),
      messages: messages.map(({ message, sentByName }) => ({
        id: message.id,
        outboxId: message.outboxId,
        to: message.toAddress,
        from: message.fromAddress,
        subject: message.subject,
        body: message.body,
        threaded: message.inReplyTo !== null,
        findings: message.findings,
        sentAt: message.sentAt.toISOString(),
        sentByName,
      })),
      compose: compose ? { to: compose.to, from: compose.from, subject: compose.subject, threaded: compose.threaded } : null,
      canAct: mayActOnRecovery(principal, absence),
    };
  }

  async function logCall(principal: Principal, taskId: string, raw: LogRecoveryCallInput) {
    const input = logRecoveryCallSchema.parse(raw);
    const { view, absence } = await actable(principal, taskId);
    const { timezone } = principal.workspace;
    const now = clock.now();
    if (input.outcome === 'no_answer') {
      const today = instantToLocal(now, timezone).slice(0, 10);
      if (input.retryOn < today) throw recoveryErrors.retryInPast();
      if (localToInstant(`${input.retryOn}T00:00`, timezone).getTime() > now.getTime() + MAX_RETRY_DAYS * 86_400_000) {
        throw recoveryErrors.retryTooFar();
      }
    }
    await db.transaction(async (tx) => {
      const task = await repo.lockTask(tx, principal.workspace.id, taskId);
      const client = await deps.clientDirectory.client(principal.workspace.id, view.task.clientId, tx);
      if (!task || !client) throw recoveryErrors.taskNotFound();
      const retryOn = input.outcome === 'no_answer' ? input.retryOn : null;
      const lostReason = input.outcome === 'lost' ? input.lostReason : null;
      const call = await repo.insertCall(tx, {
        workspaceId: task.workspaceId,
        taskId: task.id,
        outcome: input.outcome,
        notes: input.notes,
        nextStep: input.nextStep,
        retryOn,
        lostReason,
        calledBy: principal.user.id,
        calledAt: now,
      });
      const status = statusAfterCall(input.outcome, client.status);
      const change = status
        ? await deps.setClientStatus(tx, {
            workspaceId: task.workspaceId,
            clientId: task.clientId,
            status,
            reason: lostReason ?? (input.notes || t(principal.user.language, `call_reason.${input.outcome}`)),
            actorId: principal.user.id,
            source: 'recovery_call',
          })
        : null;
      const state = taskStateAfterCall(input.outcome);
      await repo.updateTask(tx, task.id, {
        state,
        attempts: task.attempts + 1,
        lastOutcome: input.outcome,
        lastCalledAt: now,
        retryOn,
        doneAt: state === 'done' ? (task.doneAt ?? now) : null,
      });
      await deps.auditLog.append(tx, {
        workspaceId: task.workspaceId,
        actorId: principal.user.id,
        action: 'recovery.call_logged',
        subjectType: 'recovery_task',
        subjectId: task.id,
        data: {
          absenceId: absence.id,
          clientId: task.clientId,
          callId: call.id,
          outcome: input.outcome,
          notes: input.notes,
          nextStep: input.nextStep,
          retryOn,
          lostReason,
          statusChange: change ? { from: change.from, to: change.to } : null,
        },
      });
      if (retryOn) {
        await enqueueJob(
          tx,
          clock,
          callRetryJob,
          { workspaceId: task.workspaceId, taskId: task.id, callId: call.id },
          { runAt: localToInstant(`${retryOn}T${RETRY_TIME}`, timezone), uniqueKey: `recovery.call_retry:${call.id}` },
        );
      }
    });
    return detail(principal, taskId);
  }

  /** Sent unless the blame check flags the text and the owner has not confirmed; then nothing is written. */
  async function sendMessage(principal: Principal, taskId: string, raw: unknown) {
    const input = sendRecoveryMessageSchema.parse(raw);
    const { view, absence } = await actable(principal, taskId);
    const findings = checkBlame(input.body);
    if (findings.length > 0 && !input.confirmed) return { blocked: findings };
    const target = await addressing(view, principal.user);
    if (!target) throw recoveryErrors.noClientAddress();
    await db.transaction(async (tx) => {
      const task = await repo.lockTask(tx, principal.workspace.id, taskId);
      if (!task) throw recoveryErrors.taskNotFound();
      const outboxId = await deps.outbox.queue(tx, {
        workspaceId: task.workspaceId,
        kind: 'recovery.message',
        to: target.to,
        ...(target.from ? { from: target.from } : {}),
        subject: input.subject,
        text: input.body,
        language: view.language,
        headers: { ...target.headers, ...(target.replyTo ? { 'Reply-To': target.replyTo } : {}) },
      });
      const message = await repo.insertMessage(tx, {
        workspaceId: task.workspaceId,
        taskId: task.id,
        outboxId,
        toAddress: target.to,
        fromAddress: target.from,
        subject: input.subject,
        body: input.body,
        inReplyTo: target.inReplyTo,
        findings,
        confirmed: input.confirmed,
        sentBy: principal.user.id,
        sentAt: clock.now(),
      });
      await deps.auditLog.append(tx, {
        workspaceId: task.workspaceId,
        actorId: principal.user.id,
        action: 'recovery.message_sent',
        subjectType: 'recovery_task',
        subjectId: task.id,
        data: {
          absenceId: absence.id,
          clientId: task.clientId,
          messageId: message.id,
          outboxId,
          to: target.to,
          threaded: target.threaded,
          flagged: findings.map((finding) => ({ kind: finding.kind, text: finding.text })),
          sentDespiteFlags: findings.length > 0,
        },
      });
    });
    return { detail: await detail(principal, taskId) };
  }

  const retryReminder = defineJob({
    ...callRetryJob,
    handler: async ({ workspaceId, taskId, callId }) => {
      const view = await repo.task(workspaceId, taskId);
      if (view?.task.state !== 'open') return;
      const [latest] = await repo.callsOf(taskId);
      // A later call (answered, or another retry date) replaced this reminder.
      if (latest?.call.id !== callId) return;
      const owner = await deps.workspacesRepository.userInWorkspace(workspaceId, view.task.ownerId);
      const workspace = await deps.workspacesRepository.workspaceById(workspaceId);
      if (!owner || !workspace) return;
      const { call } = latest;
      await db.transaction((tx) =>
        deps.notifier.notify(tx, workspaceId, owner, (language) => ({
          kind: 'recovery.call_retry',
          subject: t(language, 'retry.subject', { client: view.clientName }),
          text: [
            t(language, 'retry.text', { client: view.clientName, date: formatInstant(call.calledAt, language, workspace.timezone) }),
            ...(call.nextStep ? [t(language, 'retry.next_step', { step: call.nextStep })] : []),
          ].join('\n\n'),
          link: `/recovery/tasks/${taskId}`,
          data: { taskId, clientId: view.task.clientId },
        })),
      );
    },
  });

  return {
    createForAbsence,
    detail,
    logCall,
    sendMessage,
    retryReminder,

    async listForAbsence(principal: Principal, absenceId: string) {
      const absence = await visibleAbsence(principal, absenceId);
      return { tasks: (await repo.listForAbsence(principal.workspace.id, absence.id)).map(presentTask) };
    },

    /**
     * The owner creates the tasks herself when the return job did not (an absence that returned before recovery
     * existed); the same idempotent step, so nothing is duplicated.
     */
    async createMine(principal: Principal, absenceId: string) {
      const absence = await visibleAbsence(principal, absenceId);
      if (!mayActOnRecovery(principal, absence)) throw recoveryErrors.notOwner();
      if (absence.state !== 'returned' && absence.state !== 'closed') throw recoveryErrors.notReturned();
      await createForAbsence(principal.workspace.id, absence.id);
      return { tasks: (await repo.listForAbsence(principal.workspace.id, absence.id)).map(presentTask) };
    },

    /** The caller's own tasks, across her absences. */
    async listMine(principal: Principal, raw: unknown) {
      const query = recoveryTasksQuerySchema.parse(raw);
      return { tasks: (await repo.listForOwner(principal.workspace.id, principal.user.id, query.state)).map(presentTask) };
    },

    blameCheck(principal: Principal, text: string) {
      const findings = checkBlame(text);
      return { findings, advice: blameAdvice(findings, principal.user.language) };
    },
  };
}
export type RecoveryTasks = ReturnType<typeof createRecoveryTasks>;
