// Win-back: a client marked lost (on a recovery call or on the client page) gets reminder calls at 30, 60 and 90
// days (the workspace's setting), each a job that tells the client's owner, with a short script in the client's
// language. The cadence ends as soon as the client leaves `lost` (won back, or active again): reminders not yet
// logged are cancelled, and a job that fires afterwards finds its reminder cancelled and does nothing.
import { z } from 'zod';
import {
  DEFAULT_WIN_BACK_DAYS,
  type LogWinBackInput,
  logWinBackSchema,
  type RecoverySettings,
  recoverySettingsSchema,
  type WinBackReminder,
} from '../../contracts/recovery.contracts';
import type { Clock } from '../../platform/clock/clock';
import type { Db } from '../../platform/db/database';
import { defineJob, enqueueJob } from '../../platform/jobs/jobs';
import type { AuditLog } from '../audit/audit.repository';
import type { ClientStatusChange } from '../clients/clients.status-changes';
import type { Notifier } from '../notifications/notifications.usecases';
import type { Principal } from '../workspaces/auth.usecases';
import type { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { recoveryErrors } from './recovery.errors';
import { translateRecoveryMail as t } from './recovery.mails';
import type { RecoveryRepository } from './recovery.repository';
import { winBackScript } from './scripts.models';
import type { WinBackReminderView, WinBackRepository } from './win-back.repository';

export const winBackReminderJob = {
  name: 'recovery.win_back',
  payload: z.object({ workspaceId: z.uuid(), reminderId: z.uuid() }),
  maxAttempts: 8,
};

type Deps = {
  db: Db;
  clock: Clock;
  auditLog: AuditLog;
  notifier: Notifier;
  winBackRepository: WinBackRepository;
  recoveryRepository: RecoveryRepository;
  workspacesRepository: WorkspacesRepository;
};

const DAY_MS = 86_400_000;
/** Managers and admins see and log every reminder; members their own. */
const seesAll = (principal: Principal) => principal.user.role === 'admin' || principal.user.role === 'manager';

export function createWinBack(deps: Deps) {
  const { db, clock, winBackRepository: repo } = deps;

  const daysOf = async (workspaceId: string, tx: Db = db) => (await repo.settings(workspaceId, tx))?.winBackDays ?? DEFAULT_WIN_BACK_DAYS;

  /**
   * Reminders fall whole days after the client was marked lost, at the same time of day (a person marked it, so
   * a working hour); jobs with unique keys, written in the transaction of the status change.
   */
  async function start(tx: Db, change: ClientStatusChange) {
    const days = await daysOf(change.workspaceId, tx);
    const cadence = await repo.insertCadence(tx, {
      workspaceId: change.workspaceId,
      clientId: change.clientId,
      ownerId: change.clientOwnerId ?? change.actorId,
      reason: change.reason,
      startedAt: change.at,
      startedBy: change.actorId,
    });
    if (!cadence) return;
    const reminders = await repo.insertReminders(
      tx,
      days.map((day) => ({
        workspaceId: change.workspaceId,
        cadenceId: cadence.id,
        clientId: change.clientId,
        day,
        dueAt: new Date(change.at.getTime() + day * DAY_MS),
      })),
    );
    for (const reminder of reminders) {
      await enqueueJob(
        tx,
        clock,
        winBackReminderJob,
        { workspaceId: change.workspaceId, reminderId: reminder.id },
        { runAt: reminder.dueAt, uniqueKey: `recovery.win_back:${reminder.id}` },
      );
    }
    await deps.auditLog.append(tx, {
      workspaceId: change.workspaceId,
      actorId: change.actorId,
      action: 'recovery.win_back_started',
      subjectType: 'client',
      subjectId: change.clientId,
      data: { cadenceId: cadence.id, ownerId: cadence.ownerId, days, reason: change.reason },
    });
  }

  async function end(tx: Db, change: ClientStatusChange) {
    const cadence = await repo.runningCadence(tx, change.workspaceId, change.clientId);
    if (!cadence) return;
    await repo.endCadence(tx, cadence.id, { endedAt: change.at, endedStatus: change.to });
    const cancelled = await repo.cancelOpenReminders(tx, cadence.id);
    await deps.auditLog.append(tx, {
      workspaceId: change.workspaceId,
      actorId: change.actorId,
      action: 'recovery.win_back_ended',
      subjectType: 'client',
      subjectId: change.clientId,
      data: { cadenceId: cadence.id, status: change.to, cancelledReminders: cancelled.length },
    });
  }

  /** Told by the clients domain, inside the status change's transaction. */
  async function onClientStatusChanged(tx: Db, change: ClientStatusChange) {
    if (change.to === 'lost') await start(tx, change);
    else if (change.from === 'lost') await end(tx, change);
  }

  /** The script names the owner and her company, and greets the client's first contact. */
  async function scriptFor(view: WinBackReminderView, people: { company: string; owner: string }, lastDay: number) {
    const contact = await deps.recoveryRepository.firstClientContact(view.reminder.workspaceId, view.reminder.clientId);
    return winBackScript({ language: view.language, ...people, contact: contact?.name ?? null }, { last: view.reminder.day >= lastDay });
  }

  const ownerName = async (view: WinBackReminderView) =>
    view.cadence.ownerId
      ? ((await deps.workspacesRepository.userInWorkspace(view.reminder.workspaceId, view.cadence.ownerId))?.name ?? '')
      : '';

  async function presentOne(view: WinBackReminderView, company: string) {
    const lastDay = Math.max(...(await repo.cadenceDays(view.cadence.id)));
    return present(view, await scriptFor(view, { company, owner: await ownerName(view) }, lastDay));
  }

  function present(view: WinBackReminderView, script: WinBackReminder['script']): WinBackReminder {
    const { reminder, cadence } = view;
    return {
      id: reminder.id,
      cadenceId: cadence.id,
      clientId: cadence.clientId,
      clientName: view.clientName,
      language: view.language,
      ownerId: cadence.ownerId,
      day: reminder.day,
      dueAt: reminder.dueAt.toISOString(),
      state: reminder.state,
      notifiedAt: reminder.notifiedAt?.toISOString() ?? null,
      doneAt: reminder.doneAt?.toISOString() ?? null,
      doneByName: view.doneByName,
      note: reminder.note,
      lostReason: cadence.reason,
      lostAt: cadence.startedAt.toISOString(),
      endedAt: cadence.endedAt?.toISOString() ?? null,
      endedStatus: cadence.endedStatus,
      script,
    };
  }

  /** A list holds every reminder of the owner's cadences, so the latest day of each is among the rows. */
  async function presentAll(principal: Principal, views: WinBackReminderView[]) {
    const lastDay = new Map<string, number>();
    for (const view of views) lastDay.set(view.cadence.id, Math.max(lastDay.get(view.cadence.id) ?? 0, view.reminder.day));
    const owners = new Map<string, string>();
    const result: WinBackReminder[] = [];
    for (const view of views) {
      const key = view.cadence.ownerId ?? '';
      if (!owners.has(key)) owners.set(key, await ownerName(view));
      const people = { company: principal.workspace.name, owner: owners.get(key) || principal.user.name };
      result.push(present(view, await scriptFor(view, people, lastDay.get(view.cadence.id) ?? 0)));
    }
    return result;
  }

  async function visibleReminder(principal: Principal, reminderId: string) {
    const view = await repo.reminder(principal.workspace.id, reminderId);
    if (!view || (view.cadence.ownerId !== principal.user.id && !seesAll(principal))) throw recoveryErrors.reminderNotFound();
    return view;
  }

  const reminderJob = defineJob({
    ...winBackReminderJob,
    handler: async ({ workspaceId, reminderId }) => {
      const view = await repo.reminder(workspaceId, reminderId);
      if (view?.reminder.state !== 'scheduled') return;
      const workspace = await deps.workspacesRepository.workspaceById(workspaceId);
      const owner = view.cadence.ownerId ? await deps.workspacesRepository.userInWorkspace(workspaceId, view.cadence.ownerId) : null;
      const { script } = await presentOne(view, workspace?.name ?? '');
      await db.transaction(async (tx) => {
        const reminder = await repo.lockReminder(tx, reminderId);
        if (reminder?.state !== 'scheduled') return;
        if (view.cadence.endedAt) {
          await repo.updateReminder(tx, reminderId, { state: 'cancelled' });
          return;
        }
        await repo.updateReminder(tx, reminderId, { state: 'due', notifiedAt: clock.now() });
        if (!owner) return;
        await deps.notifier.notify(tx, workspaceId, owner, (language) => ({
          kind: 'recovery.win_back_due',
          subject: t(language, 'winback.subject', { client: view.clientName, day: view.reminder.day }),
          text: [
            t(language, 'winback.text', { client: view.clientName, day: view.reminder.day, reason: view.cadence.reason }),
            t(language, 'winback.script', { language: t(language, `language.${script.language}`) }),
            script.lines.map((line) => `  ${line}`).join('\n'),
          ].join('\n\n'),
          link: '/recovery',
          data: { clientId: view.reminder.clientId, reminderId },
        }));
      });
    },
  });

  return {
    onClientStatusChanged,
    reminderJob,

    async list(principal: Principal) {
      return { reminders: await presentAll(principal, await repo.listForOwner(principal.workspace.id, principal.user.id)) };
    },

    async log(principal: Principal, reminderId: string, raw: LogWinBackInput) {
      const input = logWinBackSchema.parse(raw);
      await visibleReminder(principal, reminderId);
      await db.transaction(async (tx) => {
        const reminder = await repo.lockReminder(tx, reminderId);
        if (!reminder) throw recoveryErrors.reminderNotFound();
        if (reminder.state === 'done') throw recoveryErrors.reminderDone();
        if (reminder.state === 'cancelled') throw recoveryErrors.reminderCancelled();
        await repo.updateReminder(tx, reminderId, {
          state: 'done',
          doneAt: clock.now(),
          doneBy: principal.user.id,
          note: input.note || null,
        });
        await deps.auditLog.append(tx, {
          workspaceId: principal.workspace.id,
          actorId: principal.user.id,
          action: 'recovery.win_back_logged',
          subjectType: 'client',
          subjectId: reminder.clientId,
          data: { reminderId, cadenceId: reminder.cadenceId, day: reminder.day, note: input.note },
        });
      });
      return presentOne(await visibleReminder(principal, reminderId), principal.workspace.name);
    },

    async settings(principal: Principal): Promise<RecoverySettings> {
      return { winBackDays: await daysOf(principal.workspace.id) };
    },

    /** Applies to clients marked lost from now on; running cadences keep the days they started with. */
    async updateSettings(principal: Principal, raw: RecoverySettings): Promise<RecoverySettings> {
      const input = recoverySettingsSchema.parse(raw);
      const before = await daysOf(principal.workspace.id);
      await db.transaction(async (tx) => {
        await repo.saveSettings(tx, {
          workspaceId: principal.workspace.id,
          winBackDays: input.winBackDays,
          updatedAt: clock.now(),
          updatedBy: principal.user.id,
        });
        await deps.auditLog.append(tx, {
          workspaceId: principal.workspace.id,
          actorId: principal.user.id,
          action: 'recovery.settings_updated',
          subjectType: 'workspace',
          subjectId: principal.workspace.id,
          data: { winBackDays: input.winBackDays, before },
        });
      });
      return input;
    },
  };
}
export type WinBack = ReturnType<typeof createWinBack>;
