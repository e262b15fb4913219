// The debrief after an absence: a guided, neutral fact-finding meeting between the owner, her manager and the
// delegates. The owner or the manager opens it once the owner is back; the delegates are told and may write their
// answers beforehand; the owner and the manager record findings and conclude it. Only they and the delegates ever
// see it, a delegate only their own answers; the audit trail records that things happened, never what was said.
import type { Debrief, DebriefAnswer, DebriefFinding, DebriefRole, DebriefView, RespondentRole } from '../../contracts/debrief.contracts';
import { addDebriefFindingSchema, saveDebriefAnswerSchema } from '../../contracts/debrief.contracts';
import type { Clock } from '../../platform/clock/clock';
import type { Db } from '../../platform/db/database';
import type { AbsenceLookup } from '../absences/absences.lookup';
import type { AbsenceRow } from '../absences/absences.repository';
import type { AuditLog } from '../audit/audit.repository';
import type { CoverageLookup } from '../coverage/coverage.lookup';
import type { Notifier } from '../notifications/notifications.usecases';
import type { ReturnBriefingUseCases } from '../recovery/return-briefing.usecases';
import type { Principal } from '../workspaces/auth.usecases';
import type { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { debriefErrors } from './debrief.errors';
import { translateDebriefMail as t } from './debrief.mails';
import {
  buildGuide,
  concernedDelegates,
  DEBRIEF_GUIDE_VERSION,
  debriefRoleOf,
  findingProblem,
  noWordingCheck,
  organises,
  respondentRoleOf,
  visibleAnswers,
  type WordingCheck,
} from './debrief.models';
import type { DebriefRepository, DebriefRow } from './debrief.repository';

type Deps = {
  db: Db;
  clock: Clock;
  auditLog: AuditLog;
  notifier: Notifier;
  absenceLookup: AbsenceLookup;
  coverageLookup: CoverageLookup;
  returnBriefing: Pick<ReturnBriefingUseCases, 'build'>;
  workspacesRepository: WorkspacesRepository;
  debriefRepository: DebriefRepository;
  /** Flags in what the owner and the manager write; none by default. */
  checkWording?: WordingCheck;
};

/** In the guide's order; under each question the delegates' answers first, then the owner's and the manager's notes. */
const RESPONDENT_ORDER: RespondentRole[] = ['primary', 'backup', 'owner', 'manager'];

type Delegate = { id: string; name: string; role: 'primary' | 'backup' };
type Context = { absence: AbsenceRow; debrief: DebriefRow | null; delegates: Delegate[]; role: DebriefRole };

const dayOf = (instant: Date, language: 'en' | 'it', timeZone: string) =>
  new Intl.DateTimeFormat(language === 'it' ? 'it-IT' : 'en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(
    instant,
  );

export function createDebriefs(deps: Deps) {
  const { db, clock, debriefRepository: repo } = deps;
  const checkWording = deps.checkWording ?? noWordingCheck;

  /** Who the caller is to the absence's debrief; everybody else gets the same 404 whether or not there is one. */
  async function context(principal: Principal, absence: AbsenceRow | null, debrief: DebriefRow | null): Promise<Context> {
    if (!absence) throw debriefErrors.notFound();
    const delegates = debrief ? await repo.delegatesOf(debrief.id) : [];
    const role = debriefRoleOf(
      principal.user.id,
      absence,
      delegates.map((delegate) => delegate.id),
    );
    if (!role) throw debriefErrors.notFound();
    return { absence, debrief, delegates, role };
  }

  async function byAbsence(principal: Principal, absenceId: string) {
    const absence = await deps.absenceLookup.byId(principal.workspace.id, absenceId);
    return context(principal, absence, absence ? await repo.byAbsence(principal.workspace.id, absence.id) : null);
  }

  async function byId(principal: Principal, debriefId: string) {
    const debrief = await repo.byId(principal.workspace.id, debriefId);
    if (!debrief) throw debriefErrors.notFound();
    const found = await context(principal, await deps.absenceLookup.byId(principal.workspace.id, debrief.absenceId), debrief);
    return { ...found, debrief };
  }

  function requireOrganiser(found: Context) {
    if (!organises(found.role)) throw debriefErrors.notOrganiser();
  }

  /** Inside the write's transaction: the row locked, so nothing lands after the conclusion. */
  async function lockOpen(tx: Db, debriefId: string) {
    const row = await repo.lock(tx, debriefId);
    if (!row) throw debriefErrors.notFound();
    if (row.state === 'concluded') throw debriefErrors.concluded();
    return row;
  }

  const flagsFor = (role: DebriefAnswer['respondentRole'], text: string) =>
    role === 'owner' || role === 'manager' ? checkWording(text) : [];

  function presentAnswer(row: Awaited<ReturnType<DebriefRepository['answersOf']>>[number]): DebriefAnswer {
    const { answer } = row;
    return {
      questionId: answer.questionId,
      respondentId: answer.respondentId,
      respondentName: row.respondentName,
      respondentRole: answer.respondentRole,
      text: answer.text,
      updatedAt: answer.updatedAt.toISOString(),
      wordingFlags: flagsFor(answer.respondentRole, answer.text),
    };
  }

  function presentFinding(debrief: DebriefRow, row: Awaited<ReturnType<DebriefRepository['findingsOf']>>[number]): DebriefFinding {
    const { finding } = row;
    return {
      id: finding.id,
      category: finding.category,
      clientId: finding.clientId,
      clientName: debrief.clients.find((client) => client.id === finding.clientId)?.name ?? null,
      note: finding.note,
      reasonLearned: finding.reasonLearned,
      createdById: finding.createdBy,
      createdByName: row.createdByName,
      createdAt: finding.createdAt.toISOString(),
      wordingFlags: checkWording(finding.note),
    };
  }

  async function presentDebrief(principal: Principal, found: Context & { debrief: DebriefRow }): Promise<Debrief> {
    const { debrief, role } = found;
    const names = await repo.names(principal.workspace.id, [debrief.createdBy, debrief.concludedBy]);
    const order = new Map(debrief.questions.map((question, index) => [question.id, index]));
    const answers = visibleAnswers(role, principal.user.id, (await repo.answersOf(debrief.id)).map(presentAnswer)).sort(
      (a, b) =>
        (order.get(a.questionId) ?? 0) - (order.get(b.questionId) ?? 0) ||
        RESPONDENT_ORDER.indexOf(a.respondentRole) - RESPONDENT_ORDER.indexOf(b.respondentRole),
    );
    const findings = organises(role) ? (await repo.findingsOf(debrief.id)).map((row) => presentFinding(debrief, row)) : null;
    return {
      id: debrief.id,
      absenceId: debrief.absenceId,
      state: debrief.state,
      guideVersion: debrief.guideVersion,
      createdAt: debrief.createdAt.toISOString(),
      createdByName: debrief.createdBy ? (names.get(debrief.createdBy) ?? null) : null,
      concludedAt: debrief.concludedAt?.toISOString() ?? null,
      concludedByName: debrief.concludedBy ? (names.get(debrief.concludedBy) ?? null) : null,
      delegates: found.delegates,
      questions: debrief.questions,
      answers,
      findings,
      clients: debrief.clients,
    };
  }

  async function present(principal: Principal, found: Context): Promise<DebriefView> {
    const { absence, debrief } = found;
    const names = await repo.names(principal.workspace.id, [absence.ownerId, absence.managerId]);
    return {
      absence: {
        id: absence.id,
        state: absence.state,
        ownerId: absence.ownerId,
        ownerName: names.get(absence.ownerId) ?? '',
        managerId: absence.managerId,
        managerName: names.get(absence.managerId) ?? '',
        startsAt: absence.startsAt.toISOString(),
        endsAt: absence.endsAt.toISOString(),
        returnedAt: absence.returnedAt?.toISOString() ?? null,
      },
      viewer: { role: found.role, organises: organises(found.role) },
      debrief: debrief ? await presentDebrief(principal, { ...found, debrief }) : null,
    };
  }

  /** The questions (from the return briefing's clients, in its risk order) and who the debrief concerns. */
  async function prepare(absence: AbsenceRow, timeZone: string) {
    const briefing = await deps.returnBriefing.build(absence);
    const questions = buildGuide(
      briefing.clients.map((client) => ({ clientId: client.clientId, name: client.name, contacts: client.contacts })),
      timeZone,
    );
    const contacts = await deps.coverageLookup.contactsOfAbsence(absence.workspaceId, absence.id);
    const escalations = await deps.coverageLookup.escalationsOfAbsence(absence.workspaceId, absence.id);
    const delegates = concernedDelegates({ primaryId: absence.primaryDelegateId, backupId: absence.backupDelegateId }, [
      ...contacts.flatMap(({ row }) => [row.assigneeId, row.firstResponderId, row.closedBy, row.createdBy]),
      ...escalations.filter((escalation) => escalation.target === 'backup').map((escalation) => escalation.recipientId),
    ]);
    const clients = [...briefing.clients]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((client) => ({ id: client.clientId, name: client.name }));
    return { questions, delegates, clients };
  }

  return {
    /** The debrief of an absence as the caller may see it; `debrief: null` (owner and manager only) until it is opened. */
    async view(principal: Principal, absenceId: string): Promise<DebriefView> {
      return present(principal, await byAbsence(principal, absenceId));
    },

    /** Opened by the owner or the manager once the owner is back; the delegates it concerns are told, in their language. */
    async open(principal: Principal, absenceId: string): Promise<DebriefView> {
      const { workspace, user } = principal;
      const absence = await deps.absenceLookup.byId(workspace.id, absenceId);
      if (!absence) throw debriefErrors.notFound();
      if (!organises(debriefRoleOf(user.id, absence, []))) {
        // The absence's delegates know it exists; to anybody else it does not.
        if (user.id === absence.primaryDelegateId || user.id === absence.backupDelegateId) throw debriefErrors.notOrganiser();
        throw debriefErrors.notFound();
      }
      if (absence.state !== 'returned' && absence.state !== 'closed') throw debriefErrors.notReturned();
      if (await repo.byAbsence(workspace.id, absence.id)) throw debriefErrors.exists();
      const { questions, delegates, clients } = await prepare(absence, workspace.timezone);
      const people = await Promise.all(
        delegates.map(async (delegate) => ({
          ...delegate,
          user: await deps.workspacesRepository.userInWorkspace(workspace.id, delegate.userId),
        })),
      );
      const names = await repo.names(workspace.id, [absence.ownerId, absence.managerId]);
      await db.transaction(async (tx) => {
        const debrief = await repo.insertDebrief(tx, {
          workspaceId: workspace.id,
          absenceId: absence.id,
          guideVersion: DEBRIEF_GUIDE_VERSION,
          questions,
          clients,
          createdBy: principal.user.id,
          createdAt: clock.now(),
        });
        if (!debrief) throw debriefErrors.exists();
        await repo.insertDelegates(
          tx,
          delegates.map((delegate) => ({ debriefId: debrief.id, workspaceId: workspace.id, userId: delegate.userId, role: delegate.role })),
        );
        await deps.auditLog.append(tx, {
          workspaceId: workspace.id,
          actorId: principal.user.id,
          action: 'debrief.opened',
          subjectType: 'debrief',
          subjectId: debrief.id,
          data: {
            absenceId: absence.id,
            guideVersion: DEBRIEF_GUIDE_VERSION,
            questions: questions.length,
            delegates: delegates.map((delegate) => ({ id: delegate.userId, role: delegate.role })),
          },
        });
        for (const { user } of people) {
          if (!user || user.disabledAt) continue;
          const values = {
            owner: names.get(absence.ownerId) ?? '',
            manager: names.get(absence.managerId) ?? '',
          };
          await deps.notifier.notify(tx, workspace.id, user, (language) => ({
            kind: 'debrief.opened',
            subject: t(language, 'opened.subject', values),
            text: t(language, 'opened.text', {
              ...values,
              from: dayOf(absence.startsAt, language, workspace.timezone),
              to: dayOf(absence.returnedAt ?? absence.endsAt, language, workspace.timezone),
            }),
            link: `/absences/${absence.id}/debrief`,
            data: { absenceId: absence.id, debriefId: debrief.id },
          }));
        }
      });
      return present(principal, await byAbsence(principal, absenceId));
    },

    /** The caller's own answer to one question (a delegate's, or the owner's and the manager's notes); empty text removes it. */
    async saveAnswer(principal: Principal, debriefId: string, raw: unknown): Promise<{ answer: DebriefAnswer | null }> {
      const input = saveDebriefAnswerSchema.parse(raw);
      const found = await byId(principal, debriefId);
      if (!found.debrief.questions.some((question) => question.id === input.questionId)) throw debriefErrors.unknownQuestion();
      const respondentRole = respondentRoleOf(found.role, found.delegates.find((delegate) => delegate.id === principal.user.id)?.role);
      const now = clock.now();
      const saved = await db.transaction(async (tx) => {
        const debrief = await lockOpen(tx, debriefId);
        const row =
          input.text.length === 0
            ? await repo.deleteAnswer(tx, debrief.id, input.questionId, principal.user.id).then(() => null)
            : await repo.upsertAnswer(tx, {
                workspaceId: debrief.workspaceId,
                debriefId: debrief.id,
                questionId: input.questionId,
                respondentId: principal.user.id,
                respondentRole,
                text: input.text,
                createdAt: now,
                updatedAt: now,
              });
        // The answer's text stays out of the audit trail: it feeds the manager's report, which the debrief never enters.
        await deps.auditLog.append(tx, {
          workspaceId: debrief.workspaceId,
          actorId: principal.user.id,
          action: row ? 'debrief.answered' : 'debrief.answer_removed',
          subjectType: 'debrief',
          subjectId: debrief.id,
          data: { absenceId: debrief.absenceId, questionId: input.questionId, respondentRole },
        });
        return row;
      });
      return {
        answer: saved ? presentAnswer({ answer: saved, respondentName: principal.user.name }) : null,
      };
    },

    async addFinding(principal: Principal, debriefId: string, raw: unknown): Promise<DebriefFinding> {
      const input = addDebriefFindingSchema.parse(raw);
      const found = await byId(principal, debriefId);
      requireOrganiser(found);
      const problem = findingProblem(input);
      if (problem === 'reason_required') throw debriefErrors.reasonRequired();
      if (problem === 'reason_not_applicable') throw debriefErrors.reasonNotApplicable();
      if (input.clientId && !found.debrief.clients.some((client) => client.id === input.clientId)) throw debriefErrors.unknownClient();
      const row = await db.transaction(async (tx) => {
        const debrief = await lockOpen(tx, debriefId);
        const finding = await repo.insertFinding(tx, {
          workspaceId: debrief.workspaceId,
          debriefId: debrief.id,
          category: input.category,
          clientId: input.clientId,
          note: input.note,
          reasonLearned: input.category === 'deliberate' ? input.reasonLearned : null,
          createdBy: principal.user.id,
          createdAt: clock.now(),
        });
        await deps.auditLog.append(tx, {
          workspaceId: debrief.workspaceId,
          actorId: principal.user.id,
          action: 'debrief.finding_added',
          subjectType: 'debrief',
          subjectId: debrief.id,
          data: { absenceId: debrief.absenceId, findingId: finding.id, category: finding.category, clientId: finding.clientId },
        });
        return finding;
      });
      return presentFinding(found.debrief, { finding: row, createdByName: principal.user.name });
    },

    async removeFinding(principal: Principal, debriefId: string, findingId: string) {
      const found = await byId(principal, debriefId);
      requireOrganiser(found);
      await db.transaction(async (tx) => {
        const debrief = await lockOpen(tx, debriefId);
        const removed = await repo.deleteFinding(tx, debrief.id, findingId);
        if (!removed) throw debriefErrors.findingNotFound();
        await deps.auditLog.append(tx, {
          workspaceId: debrief.workspaceId,
          actorId: principal.user.id,
          action: 'debrief.finding_removed',
          subjectType: 'debrief',
          subjectId: debrief.id,
          data: { absenceId: debrief.absenceId, findingId: removed.id, category: removed.category },
        });
      });
      return { ok: true as const };
    },

    /** Ends the meeting's record: from now on its answers and findings are read-only. */
    async conclude(principal: Principal, debriefId: string): Promise<DebriefView> {
      const found = await byId(principal, debriefId);
      requireOrganiser(found);
      await db.transaction(async (tx) => {
        const debrief = await lockOpen(tx, debriefId);
        const findings = await repo.countFindings(tx, debrief.id);
        if (findings === 0) throw debriefErrors.noFindings();
        await repo.conclude(tx, debrief.id, principal.user.id, clock.now());
        await deps.auditLog.append(tx, {
          workspaceId: debrief.workspaceId,
          actorId: principal.user.id,
          action: 'debrief.concluded',
          subjectType: 'debrief',
          subjectId: debrief.id,
          data: { absenceId: debrief.absenceId, findings },
        });
      });
      return present(principal, await byId(principal, debriefId));
    },
  };
}
export type Debriefs = ReturnType<typeof createDebriefs>;
