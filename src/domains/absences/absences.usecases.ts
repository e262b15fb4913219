import { z } from 'zod';
import type {
  Absence,
  AutoReplyPreview,
  AutoReplyTextsInput,
  CreateAbsence,
  Readiness,
  updateAbsenceSchema,
} from '../../contracts/absences.contracts';
import type { Language } from '../../contracts/workspaces.contracts';
import type { Clock } from '../../platform/clock/clock';
import { instantToLocal, localToInstant } from '../../platform/clock/zoned-time';
import type { Db } from '../../platform/db/database';
import { defineJob, enqueueJob } from '../../platform/jobs/jobs';
import { newSecretToken, sha256Hex } from '../../platform/security/tokens';
import type { AuditLog } from '../audit/audit.repository';
import type { Notifier, Recipient } from '../notifications/notifications.usecases';
import type { Principal } from '../workspaces/auth.usecases';
import { hasRole } from '../workspaces/workspaces.models';
import type { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { absenceErrors } from './absences.errors';
import { absenceReturnedJob } from './absences.jobs';
import { translateAbsenceMail } from './absences.mails';
import {
  type AbsenceField,
  type AwayWindows,
  autoReplyProblems,
  awayWindowOf,
  awayWindowsFrom,
  canTransition,
  composeAutoReplyBody,
  coverFrom,
  coverWarnings,
  defaultAutoReply,
  editableFields,
  formatReturnDate,
  gatePasses,
  type PlanProblem,
  planProblem,
  renderAutoReplyText,
} from './absences.models';
import type { AbsenceRow, AbsencesRepository, AbsenceWithCoverage, CoverageItem } from './absences.repository';
import { writeIcsCalendar } from './calendar.ics';
import type { CalendarFeedRow, CalendarFeedsRepository } from './calendar-feeds.repository';
import type { HandoverGate } from './handover-gate';
import { canManageStatusLinks } from './status-links.models';

type Deps = {
  db: Db;
  clock: Clock;
  auditLog: AuditLog;
  notifier: Notifier;
  absencesRepository: AbsencesRepository;
  calendarFeedsRepository: CalendarFeedsRepository;
  workspacesRepository: WorkspacesRepository;
  handoverGate: HandoverGate;
  baseUrl: string;
};

type UpdateAbsence = z.infer<typeof updateAbsenceSchema>;
const DAY_MS = 24 * 60 * 60 * 1000;

const planErrors: Record<PlanProblem, () => Error> = {
  'absence.ends_before_start': absenceErrors.endsBeforeStart,
  'absence.ends_in_past': absenceErrors.endsInPast,
  'absence.delegate_is_owner': absenceErrors.delegateIsOwner,
  'absence.delegates_same': absenceErrors.delegatesSame,
  'absence.manager_is_owner': absenceErrors.managerIsOwner,
};

const jobPayload = z.object({ workspaceId: z.uuid(), absenceId: z.uuid(), at: z.string() });
/** The jobs that move an absence by the clock; `at` is the date they were queued for (stale when it changed). */
const absenceJobs = {
  start: { name: 'absence.start', payload: jobPayload },
  end: { name: 'absence.end', payload: jobPayload },
  reminder: { name: 'absence.gate-reminder', payload: jobPayload },
};

/** Queues the start, end and reminder jobs for the absence's current dates; older jobs find the dates changed and do nothing. */
export async function scheduleAbsenceJobs(tx: Db, clock: Clock, absence: AbsenceRow) {
  const payload = (at: Date) => ({ workspaceId: absence.workspaceId, absenceId: absence.id, at: at.toISOString() });
  const key = (name: string, at: Date) => `${name}:${absence.id}:${at.toISOString()}`;
  if (canTransition('start', absence.state)) {
    await enqueueJob(tx, clock, absenceJobs.start, payload(absence.startsAt), {
      runAt: absence.startsAt,
      uniqueKey: key(absenceJobs.start.name, absence.startsAt),
    });
    const remindAt = new Date(absence.startsAt.getTime() - DAY_MS);
    if (remindAt > clock.now())
      await enqueueJob(tx, clock, absenceJobs.reminder, payload(absence.startsAt), {
        runAt: remindAt,
        uniqueKey: key(absenceJobs.reminder.name, absence.startsAt),
      });
  }
  if (absence.state !== 'returned' && absence.state !== 'closed')
    await enqueueJob(tx, clock, absenceJobs.end, payload(absence.endsAt), {
      runAt: absence.endsAt,
      uniqueKey: key(absenceJobs.end.name, absence.endsAt),
    });
}

const isPrivileged = (principal: Principal) => hasRole(principal.user.role, 'manager');
const involves = (absence: AbsenceRow, userId: string) =>
  [absence.ownerId, absence.primaryDelegateId, absence.backupDelegateId, absence.managerId].includes(userId);
/** Owner, delegates and manager of the absence, and the workspace's admins and managers. */
export const canSee = (principal: Principal, absence: AbsenceRow) => isPrivileged(principal) || involves(absence, principal.user.id);
const canManage = (principal: Principal, absence: AbsenceRow) => absence.managerId === principal.user.id || principal.user.role === 'admin';

function toInstant(local: string, timeZone: string) {
  try {
    return localToInstant(local, timeZone);
  } catch {
    throw absenceErrors.invalidLocalTime();
  }
}

function checkAutoReply(texts: AutoReplyTextsInput) {
  const problems = autoReplyProblems(texts);
  if (problems.length === 0) return;
  const list = problems
    .map(
      (problem) =>
        `${problem.token} in the ${problem.language} ${problem.field}${problem.problem === 'unbalanced' ? ' (unbalanced braces)' : ''}`,
    )
    .join(', ');
  throw absenceErrors.unknownPlaceholder(
    `Unknown placeholder or stray braces: ${list}. Use {{delegate_name}}, {{delegate_email}}, {{delegate_phone}}, {{return_date}} or {{status_link}}.`,
  );
}

export function createAbsencesUseCases(deps: Deps) {
  const { db, clock, auditLog, notifier, absencesRepository: repo, workspacesRepository, handoverGate } = deps;

  const queueReturned = (tx: Db, absence: AbsenceRow) =>
    enqueueJob(
      tx,
      clock,
      absenceReturnedJob,
      { workspaceId: absence.workspaceId, absenceId: absence.id },
      { uniqueKey: `absence.returned:${absence.id}` },
    );

  const audit = (tx: Db, actorId: string | null, absence: AbsenceRow, action: string, data: Record<string, unknown> = {}) =>
    auditLog.append(tx, { workspaceId: absence.workspaceId, actorId, action, subjectType: 'absence', subjectId: absence.id, data });

  async function recipient(workspaceId: string, userId: string | null): Promise<(Recipient & { name: string }) | null> {
    if (!userId) return null;
    const user = await workspacesRepository.userInWorkspace(workspaceId, userId);
    if (!user || user.disabledAt) return null;
    return { id: user.id, email: user.email, language: user.language, name: user.name };
  }

  /** Read before the transaction: PGlite has one connection, so a query outside an open transaction would wait for it. */
  async function recipientsOf(workspaceId: string, userIds: (string | null)[]) {
    const found = [];
    for (const userId of new Set(userIds)) {
      const to = await recipient(workspaceId, userId);
      if (to) found.push(to);
    }
    return found;
  }

  async function nameOf(workspaceId: string, userId: string) {
    return (await workspacesRepository.userInWorkspace(workspaceId, userId))?.name ?? '—';
  }

  const blockerText = (readiness: Readiness, language: Language) =>
    readiness.gate.blockers.length
      ? readiness.gate.blockers
          .map((blocker) => `${blocker.clientName} (${translateAbsenceMail(language, `blocker.${blocker.reason}`)})`)
          .join('; ')
      : translateAbsenceMail(language, 'blockers.none');

  // ---- jobs: start, end and the reminder 24 h before, each checking the absence is still as planned ----

  const startJob = defineJob({
    ...absenceJobs.start,
    handler: async ({ workspaceId, absenceId, at }) => {
      const absence = await repo.get(workspaceId, absenceId);
      // Stale: the dates changed after this job was queued (a newer job carries the new time).
      if (!absence || absence.startsAt.toISOString() !== at) return;
      await startAbsence(absence);
    },
  });

  const endJob = defineJob({
    ...absenceJobs.end,
    handler: async ({ workspaceId, absenceId, at }) => {
      let absence = await repo.get(workspaceId, absenceId);
      if (!absence || absence.endsAt.toISOString() !== at) return;
      // Start and end can be due in one run (the runner was down): the start happens first.
      if (canTransition('start', absence.state)) {
        await startAbsence(absence);
        absence = await repo.get(workspaceId, absenceId);
        if (!absence) return;
      }
      if (!canTransition('end', absence.state)) return;
      const current = absence;
      await db.transaction(async (tx) => {
        const now = clock.now();
        const row = await repo.transition(tx, workspaceId, absenceId, ['active'], { state: 'returned', returnedAt: now, updatedAt: now });
        if (!row) return;
        await audit(tx, null, current, 'absence.returned', { from: 'active', to: 'returned', early: false });
        await queueReturned(tx, row);
      });
    },
  });

  const reminderJob = defineJob({
    ...absenceJobs.reminder,
    handler: async ({ workspaceId, absenceId, at }) => {
      const absence = await repo.get(workspaceId, absenceId);
      if (!absence || absence.startsAt.toISOString() !== at || !canTransition('start', absence.state)) return;
      const readiness = await handoverGate.readiness(workspaceId, absenceId);
      if (gatePasses(readiness.gate, absence.gateOverride)) return;
      const workspace = await workspacesRepository.workspaceById(workspaceId);
      const owner = await nameOf(workspaceId, absence.ownerId);
      const recipients = await recipientsOf(workspaceId, [absence.ownerId, absence.managerId]);
      await db.transaction(async (tx) => {
        for (const to of recipients) {
          await notifier.notify(tx, workspaceId, to, (language) => ({
            kind: 'absence.gate_reminder',
            subject: translateAbsenceMail(language, 'reminder.subject', { owner }),
            text: translateAbsenceMail(language, 'reminder.text', {
              owner,
              start: formatReturnDate(absence.startsAt, language, workspace?.timezone ?? 'UTC'),
              blockers: blockerText(readiness, language),
            }),
            link: `/absences/${absence.id}`,
            data: { absenceId: absence.id },
          }));
        }
      });
    },
  });

  /**
   * The owner is gone at the start time whatever the handover looks like, so the absence starts;
   * with the gate closed (and no override) the gap is recorded and the manager and backup are told at once.
   */
  async function startAbsence(absence: AbsenceWithCoverage) {
    if (!canTransition('start', absence.state)) return;
    const readiness = await handoverGate.readiness(absence.workspaceId, absence.id);
    const passes = gatePasses(readiness.gate, absence.gateOverride);
    const owner = await nameOf(absence.workspaceId, absence.ownerId);
    const recipients = passes ? [] : await recipientsOf(absence.workspaceId, [absence.managerId, absence.backupDelegateId]);
    await db.transaction(async (tx) => {
      const now = clock.now();
      const row = await repo.transition(tx, absence.workspaceId, absence.id, ['draft', 'handover'], {
        state: 'active',
        startedAt: now,
        startedWithGapAt: passes ? null : now,
        updatedAt: now,
      });
      if (!row) return;
      await audit(tx, null, absence, 'absence.started', {
        from: absence.state,
        to: 'active',
        gateOpen: readiness.gate.open,
        overridden: Boolean(absence.gateOverride) || readiness.gate.overridden,
        readiness: readiness.score,
      });
      if (passes) return;
      await audit(tx, null, absence, 'absence.started_with_gap', { blockers: readiness.gate.blockers });
      for (const to of recipients) {
        await notifier.notify(tx, absence.workspaceId, to, (language) => ({
          kind: 'absence.started_with_gap',
          subject: translateAbsenceMail(language, 'gap.subject', { owner }),
          text: translateAbsenceMail(language, 'gap.text', { owner, blockers: blockerText(readiness, language) }),
          link: `/absences/${absence.id}`,
          data: { absenceId: absence.id },
        }));
      }
    });
  }

  const schedule = (tx: Db, absence: AbsenceRow) => scheduleAbsenceJobs(tx, clock, absence);

  // ---- planning ----

  async function checkPeople(
    principal: Principal,
    plan: { primaryDelegateId: string; backupDelegateId: string | null; managerId: string },
  ) {
    const workspaceId = principal.workspace.id;
    for (const userId of [plan.primaryDelegateId, plan.backupDelegateId, plan.managerId]) {
      if (!userId) continue;
      const user = await workspacesRepository.userInWorkspace(workspaceId, userId);
      if (!user || user.disabledAt) throw absenceErrors.personNotFound();
      if (userId === plan.managerId && !hasRole(user.role, 'manager')) throw absenceErrors.managerRole();
    }
  }

  async function checkNoOverlap(tx: Db, principal: Principal, ownerId: string, startsAt: Date, endsAt: Date, exceptId?: string) {
    await repo.lockOwner(tx, ownerId);
    const overlapping = await repo.overlapping(principal.workspace.id, [ownerId], startsAt, endsAt, exceptId, tx);
    const first = overlapping[0];
    if (first)
      throw absenceErrors.overlap(
        `You already have an absence from ${instantToLocal(first.startsAt, principal.workspace.timezone).replace('T', ' ')} to ${instantToLocal(first.endsAt, principal.workspace.timezone).replace('T', ' ')}: change the dates or that absence first`,
      );
  }

  async function visibleAbsence(principal: Principal, absenceId: string, tx: Db = db) {
    const absence = await repo.get(principal.workspace.id, absenceId, tx);
    if (!absence || !canSee(principal, absence)) throw absenceErrors.notFound();
    return absence;
  }

  async function ownAbsence(principal: Principal, absenceId: string) {
    const absence = await visibleAbsence(principal, absenceId);
    if (absence.ownerId !== principal.user.id) throw absenceErrors.onlyOwner();
    return absence;
  }

  /** Who covers for the owner at `at`: the primary; the backup while the primary is away; then the manager. */
  /** Who covers at a moment, and which of the absence's people are away then (their own absences). */
  async function coverAt(absence: AbsenceRow, at: Date) {
    const people = [absence.primaryDelegateId, absence.backupDelegateId, absence.managerId].filter((id): id is string => Boolean(id));
    return coverFrom(absence, await repo.overlapping(absence.workspaceId, people, absence.startsAt, absence.endsAt, absence.id), at);
  }

  async function actingDelegateAt(absence: AbsenceRow, at: Date) {
    return (await coverAt(absence, at)).acting;
  }

  function present(principal: Principal, absence: AbsenceWithCoverage, awayWindows: AwayWindows): Absence {
    const timeZone = principal.workspace.timezone;
    const isOwner = absence.ownerId === principal.user.id;
    return {
      id: absence.id,
      ownerId: absence.ownerId,
      startsAt: absence.startsAt.toISOString(),
      endsAt: absence.endsAt.toISOString(),
      startsAtLocal: instantToLocal(absence.startsAt, timeZone),
      endsAtLocal: instantToLocal(absence.endsAt, timeZone),
      primaryDelegateId: absence.primaryDelegateId,
      backupDelegateId: absence.backupDelegateId,
      managerId: absence.managerId,
      state: absence.state,
      autoReply: absence.autoReply,
      statusLinkEnabled: absence.statusLinkEnabled,
      coverage: absence.coverage,
      gateOverride: absence.gateOverride,
      startedWithGapAt: absence.startedWithGapAt?.toISOString() ?? null,
      startedAt: absence.startedAt?.toISOString() ?? null,
      returnedAt: absence.returnedAt?.toISOString() ?? null,
      closedAt: absence.closedAt?.toISOString() ?? null,
      warnings: coverWarnings({ absence, awayWindows }).map((warning) => ({
        ...warning,
        from: warning.from.toISOString(),
        to: warning.to.toISOString(),
      })),
      actions: {
        edit: isOwner && editableFields(absence.state).length > 0,
        imBack: isOwner && absence.state === 'active',
        close: (isOwner || (absence.state === 'returned' && canManage(principal, absence))) && canTransition('close', absence.state),
        override: canManage(principal, absence) && canTransition('override', absence.state),
        statusLink: canManageStatusLinks(principal.user, absence),
      },
      createdAt: absence.createdAt.toISOString(),
    };
  }

  async function presentOne(principal: Principal, absence: AbsenceWithCoverage) {
    const people = [absence.primaryDelegateId, absence.backupDelegateId, absence.managerId].filter((id): id is string => Boolean(id));
    const others = await repo.overlapping(principal.workspace.id, people, absence.startsAt, absence.endsAt, absence.id);
    return present(principal, absence, awayWindowsFrom(others));
  }

  async function plan(principal: Principal, input: CreateAbsence) {
    const workspaceId = principal.workspace.id;
    const ownerId = principal.user.id;
    const startsAt = toInstant(input.startsAt, principal.workspace.timezone);
    const endsAt = toInstant(input.endsAt, principal.workspace.timezone);
    const problem = planProblem({ ...input, ownerId, startsAt, endsAt }, clock.now());
    if (problem) throw planErrors[problem]();
    await checkPeople(principal, input);
    const autoReply = input.autoReply ?? defaultAutoReply;
    checkAutoReply(autoReply);
    let coverage: CoverageItem[];
    if (input.coverage) {
      coverage = dedupeCoverage(input.coverage);
      if (!(await repo.coverageBelongsTo(workspaceId, coverage))) throw absenceErrors.clientNotFound();
    } else coverage = await repo.coverableClientsOf(workspaceId, ownerId);
    const created = await db.transaction(async (tx) => {
      await checkNoOverlap(tx, principal, ownerId, startsAt, endsAt);
      const now = clock.now();
      const absence = await repo.insert(
        tx,
        {
          workspaceId,
          ownerId,
          startsAt,
          endsAt,
          primaryDelegateId: input.primaryDelegateId,
          backupDelegateId: input.backupDelegateId,
          managerId: input.managerId,
          autoReply,
          state: 'draft',
          createdAt: now,
          updatedAt: now,
        },
        coverage,
      );
      await audit(tx, ownerId, absence, 'absence.created', {
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        primaryDelegateId: absence.primaryDelegateId,
        backupDelegateId: absence.backupDelegateId,
        managerId: absence.managerId,
        clients: coverage.length,
      });
      await schedule(tx, absence);
      return absence;
    });
    return presentOne(principal, created);
  }

  async function update(principal: Principal, absenceId: string, input: UpdateAbsence) {
    const absence = await ownAbsence(principal, absenceId);
    const changed = (Object.keys(input) as AbsenceField[]).filter((field) => input[field] !== undefined);
    const allowed = editableFields(absence.state);
    const refused = changed.filter((field) => !allowed.includes(field));
    if (refused.length)
      throw absenceErrors.notEditable(
        absence.state === 'active'
          ? 'The absence has started: only the auto-reply texts can still change'
          : 'The absence is over and can no longer be changed',
      );
    const timeZone = principal.workspace.timezone;
    const next = {
      startsAt: input.startsAt ? toInstant(input.startsAt, timeZone) : absence.startsAt,
      endsAt: input.endsAt ? toInstant(input.endsAt, timeZone) : absence.endsAt,
      primaryDelegateId: input.primaryDelegateId ?? absence.primaryDelegateId,
      backupDelegateId: input.backupDelegateId === undefined ? absence.backupDelegateId : input.backupDelegateId,
      managerId: input.managerId ?? absence.managerId,
    };
    const datesChanged = next.startsAt.getTime() !== absence.startsAt.getTime() || next.endsAt.getTime() !== absence.endsAt.getTime();
    if (changed.some((field) => field !== 'autoReply' && field !== 'coverage')) {
      const problem = planProblem({ ...next, ownerId: absence.ownerId }, clock.now());
      if (problem) throw planErrors[problem]();
      await checkPeople(principal, next);
    }
    if (input.autoReply) checkAutoReply(input.autoReply);
    const coverage = input.coverage ? dedupeCoverage(input.coverage) : null;
    if (coverage && !(await repo.coverageBelongsTo(principal.workspace.id, coverage))) throw absenceErrors.clientNotFound();
    const updated = await db.transaction(async (tx) => {
      if (datesChanged) await checkNoOverlap(tx, principal, absence.ownerId, next.startsAt, next.endsAt, absence.id);
      const row = await repo.update(tx, absence.workspaceId, absence.id, {
        ...next,
        ...(input.autoReply ? { autoReply: input.autoReply } : {}),
        updatedAt: clock.now(),
      });
      if (!row) throw absenceErrors.notFound();
      if (coverage) await repo.replaceCoverage(tx, row, coverage);
      await audit(tx, principal.user.id, row, 'absence.updated', {
        fields: changed,
        ...(datesChanged ? { startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString() } : {}),
      });
      if (datesChanged) await schedule(tx, row);
      return row;
    });
    return presentOne(principal, { ...updated, coverage: coverage ?? absence.coverage });
  }

  /** A lifecycle step taken by a person: checked, moved from the expected state only, audited. */
  async function step(
    principal: Principal,
    absence: AbsenceRow,
    name: 'imBack' | 'close',
    values: Partial<AbsenceRow> & { state: 'returned' | 'closed' },
    action: string,
  ) {
    if (!canTransition(name, absence.state)) throw absenceErrors.wrongState();
    const row = await db.transaction(async (tx) => {
      const moved = await repo.transition(tx, absence.workspaceId, absence.id, [absence.state], { ...values, updatedAt: clock.now() });
      if (!moved) throw absenceErrors.wrongState();
      await audit(tx, principal.user.id, moved, action, {
        from: absence.state,
        to: values.state,
        ...(name === 'imBack' ? { early: true } : {}),
      });
      if (name === 'imBack') await queueReturned(tx, moved);
      return moved;
    });
    return row;
  }

  return {
    jobDefinitions: [startJob, endJob, reminderJob],
    actingDelegateAt,
    coverAt,
    plan,
    update,

    async get(principal: Principal, absenceId: string) {
      return presentOne(principal, await visibleAbsence(principal, absenceId));
    },

    /** `mine`: the caller's own; `covering`: where they are delegate or manager; `all`: everything they may see. */
    async list(principal: Principal, scope: 'mine' | 'covering' | 'all') {
      const workspaceId = principal.workspace.id;
      const me = principal.user.id;
      const everything = await repo.list(workspaceId);
      const rows = everything.filter((absence) => {
        if (scope === 'mine') return absence.ownerId === me;
        if (scope === 'covering') return absence.ownerId !== me && involves(absence, me);
        return canSee(principal, absence);
      });
      return rows.map((absence) => present(principal, absence, awayWindowsFrom(everything, absence.id)));
    },

    /**
     * Draft → handover when the owner shares the briefs (called by the briefs side inside its own
     * transaction). Sharing again while in handover is a no-op.
     */
    async markShared(tx: Db, absence: AbsenceRow, actorId: string | null): Promise<AbsenceRow> {
      if (absence.state === 'handover') return absence;
      if (!canTransition('share', absence.state)) throw absenceErrors.wrongState();
      const row = await repo.transition(tx, absence.workspaceId, absence.id, ['draft'], { state: 'handover', updatedAt: clock.now() });
      if (!row) throw absenceErrors.wrongState();
      await audit(tx, actorId, row, 'absence.shared', { from: 'draft', to: 'handover' });
      return row;
    },

    async imBack(principal: Principal, absenceId: string) {
      const absence = await ownAbsence(principal, absenceId);
      const row = await step(principal, absence, 'imBack', { state: 'returned', returnedAt: clock.now() }, 'absence.returned');
      return presentOne(principal, { ...row, coverage: absence.coverage });
    },

    async close(principal: Principal, absenceId: string) {
      const absence = await visibleAbsence(principal, absenceId);
      // Cancelling a planned absence is the owner's call; closing a returned one is the owner's or the manager's.
      const isOwner = absence.ownerId === principal.user.id;
      if (!isOwner && !(absence.state === 'returned' && canManage(principal, absence))) throw absenceErrors.onlyOwnerOrManager();
      const row = await step(principal, absence, 'close', { state: 'closed', closedAt: clock.now() }, 'absence.closed');
      return presentOne(principal, { ...row, coverage: absence.coverage });
    },

    /** The manager of the absence (or an admin) lets it start with a closed gate, in writing. */
    async overrideGate(principal: Principal, absenceId: string, reason: string) {
      const absence = await visibleAbsence(principal, absenceId);
      if (!canManage(principal, absence)) throw absenceErrors.onlyManager();
      if (!canTransition('override', absence.state)) throw absenceErrors.wrongState();
      const owner = await nameOf(absence.workspaceId, absence.ownerId);
      const recipients = (await recipientsOf(absence.workspaceId, [absence.ownerId, absence.primaryDelegateId])).filter(
        (to) => to.id !== principal.user.id,
      );
      const row = await db.transaction(async (tx) => {
        const now = clock.now();
        const gateOverride = { by: principal.user.id, reason, at: now.toISOString() };
        const moved = await repo.transition(tx, absence.workspaceId, absence.id, [absence.state], {
          gateOverride,
          updatedAt: now,
          state: absence.state,
        });
        if (!moved) throw absenceErrors.wrongState();
        await audit(tx, principal.user.id, moved, 'absence.gate_overridden', { reason });
        for (const to of recipients) {
          await notifier.notify(tx, absence.workspaceId, to, (language) => ({
            kind: 'absence.gate_overridden',
            subject: translateAbsenceMail(language, 'override.subject', { owner }),
            text: translateAbsenceMail(language, 'override.text', { manager: principal.user.name, reason }),
            link: `/absences/${absence.id}`,
            data: { absenceId: absence.id },
          }));
        }
        return moved;
      });
      return presentOne(principal, { ...row, coverage: absence.coverage });
    },

    /** Auto-reply texts rendered as a client would read them, in each language. */
    async previewAutoReply(
      principal: Principal,
      input: {
        autoReply: AutoReplyTextsInput;
        absenceId?: string | undefined;
        delegateId?: string | undefined;
        endsAt?: string | undefined;
      },
    ): Promise<AutoReplyPreview> {
      checkAutoReply(input.autoReply);
      const workspaceId = principal.workspace.id;
      const timeZone = principal.workspace.timezone;
      let delegate: { userId: string; role: 'primary' | 'backup' | 'manager' } | null;
      let endsAt: Date;
      // A new plan starts without the client status link; a saved absence previews its own setting.
      let statusLink: string | null = null;
      if (input.absenceId) {
        const absence = await visibleAbsence(principal, input.absenceId);
        // The sample client writes now, or at the start when the absence has not begun.
        delegate = await actingDelegateAt(absence, new Date(Math.max(clock.now().getTime(), absence.startsAt.getTime())));
        endsAt = absence.endsAt;
        if (absence.statusLinkEnabled) statusLink = `${deps.baseUrl}/status/example`;
      } else {
        delegate = { userId: input.delegateId ?? principal.user.id, role: 'primary' };
        endsAt = input.endsAt ? toInstant(input.endsAt, timeZone) : new Date(clock.now().getTime() + 14 * DAY_MS);
      }
      const user = await workspacesRepository.userInWorkspace(workspaceId, delegate.userId);
      if (!user) throw absenceErrors.personNotFound();
      // Before a delegate is chosen the preview says so, rather than naming the person who is away.
      const chosen = Boolean(input.absenceId || input.delegateId);
      const unchosen = (language: Language, what: 'name' | 'email') =>
        language === 'it' ? `[${what === 'name' ? 'nome' : 'email'} del sostituto]` : `[delegate ${what}]`;
      const render = (language: Language) => {
        const values = {
          delegate_name: chosen ? user.name : unchosen(language, 'name'),
          delegate_email: chosen ? user.email : unchosen(language, 'email'),
          // Profiles have no phone number yet: the placeholder renders empty rather than wrong.
          delegate_phone: '',
          return_date: formatReturnDate(endsAt, language, timeZone),
        };
        const texts = input.autoReply[language];
        return {
          subject: renderAutoReplyText(texts.subject, { ...values, status_link: statusLink ?? '' }),
          body: composeAutoReplyBody(texts.body, values, statusLink, language),
        };
      };
      return { delegate: { userId: user.id, name: user.name, role: delegate.role }, texts: { en: render('en'), it: render('it') } };
    },

    calendar: createCalendarUseCases(deps),
  };
}
export type AbsencesUseCases = ReturnType<typeof createAbsencesUseCases>;

function dedupeCoverage(items: { clientId: string; projectId?: string | null }[]): CoverageItem[] {
  const seen = new Map<string, CoverageItem>();
  for (const item of items)
    seen.set(`${item.clientId}:${item.projectId ?? ''}`, { clientId: item.clientId, projectId: item.projectId ?? null });
  return [...seen.values()];
}

const presentFeed = (row: CalendarFeedRow) => ({
  id: row.id,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

/** The absences calendar behind a secret URL, so calendars show who is away and who covers. */
function createCalendarUseCases({
  db,
  clock,
  auditLog,
  absencesRepository,
  calendarFeedsRepository: feeds,
  workspacesRepository,
  baseUrl,
}: Deps) {
  return {
    async create(principal: Principal) {
      const token = newSecretToken();
      const row = await db.transaction(async (tx) => {
        const feed = await feeds.insert(tx, {
          workspaceId: principal.workspace.id,
          tokenHash: sha256Hex(token),
          createdBy: principal.user.id,
          createdAt: clock.now(),
        });
        await auditLog.append(tx, {
          workspaceId: principal.workspace.id,
          actorId: principal.user.id,
          action: 'calendar_feed.created',
          subjectType: 'calendar_feed',
          subjectId: feed.id,
        });
        return feed;
      });
      return { ...presentFeed(row), url: `${baseUrl}/api/calendar/${token}.ics` };
    },

    /** Admins see every feed of the workspace; everybody else their own. */
    async list(principal: Principal) {
      const rows = await feeds.list(principal.workspace.id, principal.user.role === 'admin' ? undefined : principal.user.id);
      return rows.map(presentFeed);
    },

    async revoke(principal: Principal, feedId: string) {
      const feed = await feeds.get(principal.workspace.id, feedId);
      if (!feed || (feed.createdBy !== principal.user.id && principal.user.role !== 'admin')) throw absenceErrors.feedNotFound();
      return db.transaction(async (tx) => {
        const row = await feeds.revoke(tx, principal.workspace.id, feedId, clock.now());
        if (!row) throw absenceErrors.feedNotFound();
        await auditLog.append(tx, {
          workspaceId: row.workspaceId,
          actorId: principal.user.id,
          action: 'calendar_feed.revoked',
          subjectType: 'calendar_feed',
          subjectId: row.id,
        });
        return presentFeed(row);
      });
    },

    /** The feed's ICS text, in its creator's language; null for an unknown or revoked token. */
    async ics(token: string): Promise<string | null> {
      const feed = await feeds.activeByTokenHash(sha256Hex(token));
      if (!feed) return null;
      const workspace = await workspacesRepository.workspaceById(feed.workspaceId);
      if (!workspace) return null;
      const users = new Map((await workspacesRepository.listUsers(workspace.id)).map((user) => [user.id, user]));
      const language = users.get(feed.createdBy)?.language ?? workspace.defaultLanguage;
      const name = (id: string | null) => (id ? (users.get(id)?.name ?? '—') : '');
      const absences = (await absencesRepository.list(workspace.id)).filter(
        (absence) => absence.state !== 'draft' && !(absence.state === 'closed' && !absence.startedAt),
      );
      const events = absences.map((absence) => {
        const names = { owner: name(absence.ownerId), primary: name(absence.primaryDelegateId), backup: name(absence.backupDelegateId) };
        const window = awayWindowOf(absence);
        return {
          uid: `${absence.id}@baton`,
          start: window.from,
          end: window.to,
          summary: translateAbsenceMail(language, absence.backupDelegateId ? 'ics.summaryBackup' : 'ics.summary', names),
          description: translateAbsenceMail(language, 'ics.description', {
            manager: name(absence.managerId),
            state: translateAbsenceMail(language, `state.${absence.state}`),
          }),
          status: 'CONFIRMED' as const,
          lastModified: absence.updatedAt,
        };
      });
      return writeIcsCalendar({
        name: translateAbsenceMail(language, 'ics.calendarName', { workspace: workspace.name }),
        events,
        now: clock.now(),
      });
    },
  };
}
