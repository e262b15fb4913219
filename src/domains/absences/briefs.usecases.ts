import { type BriefContent, briefContentSchema } from '../../contracts/briefs.contracts';
import type { Language } from '../../contracts/workspaces.contracts';
import type { Clock } from '../../platform/clock/clock';
import type { Db } from '../../platform/db/database';
import { isUniqueViolation } from '../../platform/db/db-errors';
import type { AuditLog } from '../audit/audit.repository';
import type { Notifier } from '../notifications/notifications.usecases';
import type { Principal } from '../workspaces/auth.usecases';
import type { AbsenceWithCoverage } from './absences.repository';
import type { AbsencesUseCases } from './absences.usecases';
import type { BriefsAccess, Person } from './briefs.access';
import { briefErrors } from './briefs.errors';
import { translateBriefMail } from './briefs.mails';
import { briefContentHash, diffBriefContent, editableStates, formatDay, initialBriefContent, isDelegate } from './briefs.models';
import type { BriefRow, BriefsRepository } from './briefs.repository';

type Deps = {
  db: Db;
  clock: Clock;
  auditLog: AuditLog;
  notifier: Notifier;
  access: BriefsAccess;
  /** The absence lifecycle's own draft → handover step (state, audit), run in the sharing transaction. */
  markShared: AbsencesUseCases['markShared'];
  briefsRepository: BriefsRepository;
};

type People = Awaited<ReturnType<BriefsAccess['people']>>;

/** Writing, sharing, versioning and discussing briefs. Only the owner writes; delegates and the manager read and ask. */
export function createBriefsUseCases({ db, clock, auditLog, notifier, access, markShared, briefsRepository: repo }: Deps) {
  const audit = (tx: Db, principal: Principal, action: string, subjectType: string, subjectId: string, data: Record<string, unknown>) =>
    auditLog.append(tx, { workspaceId: principal.workspace.id, actorId: principal.user.id, action, subjectType, subjectId, data });

  const requireOwner = (role: string) => {
    if (role !== 'owner') throw briefErrors.ownerOnly();
  };
  const requireEditable = (absence: AbsenceWithCoverage) => {
    if (!(editableStates as readonly string[]).includes(absence.state)) throw briefErrors.absenceOver();
  };

  /** Writes the next version of a brief (its draft as it is now) and returns it. */
  async function createVersion(tx: Db, principal: Principal, brief: BriefRow, content: BriefContent) {
    const version = brief.currentVersion + 1;
    const contentHash = briefContentHash(content);
    const now = clock.now();
    const row = await repo.insertVersion(tx, {
      workspaceId: brief.workspaceId,
      briefId: brief.id,
      version,
      content,
      contentHash,
      createdBy: principal.user.id,
      createdAt: now,
    });
    if (!row) throw new Error('version insert returned nothing');
    await repo.updateBrief(tx, brief.workspaceId, brief.id, { currentVersion: version, draft: content, updatedAt: now });
    await audit(tx, principal, 'brief.version_created', 'brief', brief.id, { version, versionHash: contentHash });
    return row;
  }

  async function notifyReviewRequested(tx: Db, principal: Principal, absence: AbsenceWithCoverage, people: People, count: number) {
    const delegates = [
      ['primary', absence.primaryDelegateId],
      ['backup', absence.backupDelegateId],
    ] as const;
    for (const [role, id] of delegates) {
      const recipient = people.get(id);
      if (!recipient) continue;
      await notifier.notify(tx, principal.workspace.id, recipient, (language) => {
        const values = {
          owner: principal.user.name,
          count,
          role: translateBriefMail(language, `role.${role}`),
          start: formatDay(absence.startsAt, language, principal.workspace.timezone),
        };
        return {
          kind: 'brief.review_requested',
          subject: translateBriefMail(language, 'review_requested.subject', values),
          text: translateBriefMail(language, 'review_requested.text', values),
          link: `/absences/${absence.id}`,
          data: { absenceId: absence.id },
        };
      });
    }
  }

  async function insertBrief(
    tx: Db,
    principal: Principal,
    absence: AbsenceWithCoverage,
    item: { clientId: string; projectId: string | null },
  ): Promise<BriefRow> {
    const previous = await repo.previousBrief(
      principal.workspace.id,
      { ownerId: absence.ownerId, clientId: item.clientId, projectId: item.projectId, exceptAbsenceId: absence.id },
      tx,
    );
    const [template] = await repo.listTemplates(principal.workspace.id, tx);
    const initial = initialBriefContent({ previous, template: template?.content ?? null });
    const content = briefContentSchema.parse(initial.content);
    const now = clock.now();
    let brief: BriefRow | null;
    try {
      brief = await tx.transaction((savepoint) =>
        repo.insertBrief(savepoint, {
          workspaceId: principal.workspace.id,
          absenceId: absence.id,
          clientId: item.clientId,
          projectId: item.projectId,
          draft: content,
          createdAt: now,
          updatedAt: now,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw briefErrors.briefExists();
      throw error;
    }
    if (!brief) throw new Error('brief insert returned nothing');
    await audit(tx, principal, 'brief.created', 'brief', brief.id, {
      absenceId: absence.id,
      clientId: item.clientId,
      source: initial.source,
      draftHash: briefContentHash(content),
    });
    // Written after sharing: it is shared at once, so the delegates have something to acknowledge.
    if (absence.state !== 'draft') {
      const version = await createVersion(tx, principal, brief, content);
      return { ...brief, currentVersion: version.version };
    }
    return brief;
  }

  const isCovered = (absence: AbsenceWithCoverage, item: { clientId: string; projectId: string | null }) =>
    absence.coverage.some((c) => c.clientId === item.clientId && (c.projectId === item.projectId || item.projectId === null));

  return {
    async listForAbsence(principal: Principal, absenceId: string) {
      const { absence, role } = await access.absenceFor(principal, absenceId);
      const briefs = await repo.listBriefs(principal.workspace.id, absence.id);
      const briefed = new Set(briefs.map((brief) => `${brief.clientId}:${brief.projectId ?? ''}`));
      const uncovered = absence.coverage.filter((item) => !briefed.has(`${item.clientId}:${item.projectId ?? ''}`));
      const clients = await repo.clientsByIds(
        principal.workspace.id,
        uncovered.map((item) => item.clientId),
      );
      const byId = new Map(clients.map((client) => [client.id, client]));
      const missing = uncovered
        .map((item) => ({ item, client: byId.get(item.clientId) }))
        .filter((entry) => entry.client)
        .map(({ item, client }) => ({
          clientId: item.clientId,
          projectId: item.projectId,
          clientName: client?.name ?? '',
          keyAccount: client?.tier === 'key',
        }))
        .sort((a, b) => Number(b.keyAccount) - Number(a.keyAccount) || a.clientName.localeCompare(b.clientName));
      return { role, absence, briefs, missing };
    },

    async createBrief(principal: Principal, absenceId: string, item: { clientId: string; projectId: string | null }) {
      const people = await access.people(principal.workspace.id);
      return db.transaction(async (tx) => {
        const { absence, role } = await access.absenceFor(principal, absenceId, tx);
        requireOwner(role);
        requireEditable(absence);
        if (!isCovered(absence, item)) throw briefErrors.clientNotCovered();
        const brief = await insertBrief(tx, principal, absence, item);
        if (absence.state !== 'draft') await notifyReviewRequested(tx, principal, absence, people, 1);
        return brief;
      });
    },

    /** "Create briefs for all covered clients": one per coverage item that has none yet. */
    async createAll(principal: Principal, absenceId: string) {
      const people = await access.people(principal.workspace.id);
      return db.transaction(async (tx) => {
        const { absence, role } = await access.absenceFor(principal, absenceId, tx);
        requireOwner(role);
        requireEditable(absence);
        const existing = new Set(
          (await repo.listBriefs(principal.workspace.id, absence.id, tx)).map((b) => `${b.clientId}:${b.projectId ?? ''}`),
        );
        const created: BriefRow[] = [];
        for (const item of absence.coverage) {
          if (existing.has(`${item.clientId}:${item.projectId ?? ''}`)) continue;
          created.push(await insertBrief(tx, principal, absence, item));
        }
        if (created.length && absence.state !== 'draft') await notifyReviewRequested(tx, principal, absence, people, created.length);
        return created;
      });
    },

    async getBrief(principal: Principal, briefId: string) {
      const { brief, absence, role } = await access.briefFor(principal, briefId);
      const current = brief.currentVersion > 0 ? await repo.getVersion(principal.workspace.id, brief.id, brief.currentVersion) : null;
      const acknowledgements = await repo.listAcknowledgements(principal.workspace.id, [brief.id]);
      const questions = await repo.listQuestions(principal.workspace.id, [brief.id]);
      return { brief, absence, role, current, acknowledgements, questions };
    },

    /**
     * Saves the owner's working copy. Before sharing only the draft changes; after sharing a change
     * of content is a new version, which voids the acknowledgements of the previous one.
     */
    async saveBrief(principal: Principal, briefId: string, content: BriefContent) {
      const people = await access.people(principal.workspace.id);
      return db.transaction(async (tx) => {
        const { absence, role } = await access.briefFor(principal, briefId, tx);
        requireOwner(role);
        requireEditable(absence);
        const brief = await repo.lockBrief(tx, principal.workspace.id, briefId);
        if (!brief) throw briefErrors.briefNotFound();
        const now = clock.now();
        if (absence.state === 'draft' || brief.currentVersion === 0) {
          await repo.updateBrief(tx, brief.workspaceId, brief.id, { draft: content, updatedAt: now });
          await audit(tx, principal, 'brief.draft_saved', 'brief', brief.id, { draftHash: briefContentHash(content) });
          return { versionCreated: false, version: brief.currentVersion };
        }
        const current = await repo.getVersion(brief.workspaceId, brief.id, brief.currentVersion, tx);
        if (current && current.contentHash === briefContentHash(content)) {
          await repo.updateBrief(tx, brief.workspaceId, brief.id, { draft: content, updatedAt: now });
          return { versionCreated: false, version: brief.currentVersion };
        }
        const version = await createVersion(tx, principal, brief, content);
        const superseded = await repo.supersedeAcknowledgements(tx, brief.workspaceId, brief.id, now);
        const client = (await repo.getBrief(brief.workspaceId, brief.id, tx))?.clientName ?? '';
        for (const delegateId of new Set(superseded.map((ack) => ack.delegateId))) {
          const recipient = people.get(delegateId);
          if (!recipient) continue;
          await notifier.notify(tx, brief.workspaceId, recipient, (language) => {
            const values = { owner: principal.user.name, client, version: version.version };
            return {
              kind: 'brief.changed',
              subject: translateBriefMail(language, 'changed.subject', values),
              text: translateBriefMail(language, 'changed.text', values),
              link: `/absences/${absence.id}/briefs/${brief.id}/versions?from=${current?.version ?? 1}&to=${version.version}`,
              data: { briefId: brief.id, version: version.version },
            };
          });
        }
        return { versionCreated: true, version: version.version, supersededAcknowledgements: superseded.length };
      });
    },

    /** Hands the briefs over: draft → handover, version 1 of every brief, delegates asked to review. */
    async share(principal: Principal, absenceId: string) {
      const people = await access.people(principal.workspace.id);
      return db.transaction(async (tx) => {
        const { absence, role } = await access.absenceFor(principal, absenceId, tx);
        requireOwner(role);
        if (absence.state !== 'draft') throw briefErrors.notDraft();
        await markShared(tx, absence, principal.user.id);
        const briefs = await repo.listBriefs(principal.workspace.id, absence.id, tx);
        const versions: Record<string, string> = {};
        for (const brief of briefs) {
          const version = await createVersion(tx, principal, brief, brief.draft);
          versions[brief.id] = version.contentHash;
        }
        await audit(tx, principal, 'briefs.shared', 'absence', absence.id, { versionHashes: versions });
        await notifyReviewRequested(tx, principal, absence, people, briefs.length);
        return { state: 'handover' as const, briefs: briefs.length };
      });
    },

    async listVersions(principal: Principal, briefId: string) {
      const { brief } = await access.briefFor(principal, briefId);
      return repo.listVersions(principal.workspace.id, brief.id);
    },

    async compare(principal: Principal, briefId: string, fromVersion?: number, toVersion?: number) {
      const { brief } = await access.briefFor(principal, briefId);
      toVersion ??= brief.currentVersion;
      fromVersion ??= Math.max(1, toVersion - 1);
      const from = await repo.getVersion(principal.workspace.id, brief.id, fromVersion);
      const to = await repo.getVersion(principal.workspace.id, brief.id, toVersion);
      if (!from || !to) throw briefErrors.versionNotFound();
      return { from, to, fields: diffBriefContent(from.content, to.content) };
    },

    async askQuestion(principal: Principal, briefId: string, question: string) {
      const people = await access.people(principal.workspace.id);
      return db.transaction(async (tx) => {
        const { brief, absence, role } = await access.briefFor(principal, briefId, tx);
        if (!isDelegate(role) && role !== 'manager') throw briefErrors.askerOnly();
        requireEditable(absence);
        const row = await repo.insertQuestion(tx, {
          workspaceId: brief.workspaceId,
          briefId: brief.id,
          askedBy: principal.user.id,
          question,
          askedAt: clock.now(),
        });
        if (!row) throw new Error('question insert returned nothing');
        const versionHash = brief.currentHash;
        await audit(tx, principal, 'brief.question_asked', 'brief_question', row.id, {
          briefId: brief.id,
          version: brief.currentVersion,
          versionHash,
        });
        const owner = people.get(absence.ownerId);
        if (owner)
          await notifier.notify(tx, brief.workspaceId, owner, (language: Language) => {
            const values = { asker: principal.user.name, client: brief.clientName, question };
            return {
              kind: 'brief.question_asked',
              subject: translateBriefMail(language, 'question_asked.subject', values),
              text: translateBriefMail(language, 'question_asked.text', values),
              link: `/absences/${absence.id}/briefs/${brief.id}`,
              data: { briefId: brief.id, questionId: row.id },
            };
          });
        return row;
      });
    },

    async answerQuestion(principal: Principal, questionId: string, answer: string) {
      const people = await access.people(principal.workspace.id);
      return db.transaction(async (tx) => {
        const question = await repo.getQuestion(principal.workspace.id, questionId, tx);
        if (!question) throw briefErrors.questionNotFound();
        const { brief, absence, role } = await access.briefFor(principal, question.briefId, tx).catch(() => {
          throw briefErrors.questionNotFound();
        });
        requireOwner(role);
        const row = await repo.answerQuestion(tx, principal.workspace.id, question.id, {
          answer,
          answeredBy: principal.user.id,
          answeredAt: clock.now(),
        });
        if (!row) throw briefErrors.questionAnswered();
        await audit(tx, principal, 'brief.question_answered', 'brief_question', row.id, {
          briefId: brief.id,
          version: brief.currentVersion,
          versionHash: brief.currentHash,
        });
        const asker = people.get(question.askedBy);
        if (asker)
          await notifier.notify(tx, brief.workspaceId, asker, (language) => {
            const values = { owner: principal.user.name, client: brief.clientName, question: question.question, answer };
            return {
              kind: 'brief.question_answered',
              subject: translateBriefMail(language, 'question_answered.subject', values),
              text: translateBriefMail(language, 'question_answered.text', values),
              link: `/absences/${absence.id}/briefs/${brief.id}`,
              data: { briefId: brief.id, questionId: row.id },
            };
          });
        return row;
      });
    },

    // Templates (admins and managers; the route enforces the role) ----------------------------

    listTemplates: (principal: Principal) => repo.listTemplates(principal.workspace.id),

    createTemplate: (principal: Principal, input: { name: string; content: BriefContent }) =>
      db.transaction(async (tx) => {
        const row = await repo.insertTemplate(tx, { workspaceId: principal.workspace.id, ...input, createdAt: clock.now() });
        if (!row) throw new Error('template insert returned nothing');
        await audit(tx, principal, 'brief_template.created', 'brief_template', row.id, {
          name: row.name,
          contentHash: briefContentHash(row.content),
        });
        return row;
      }),

    updateTemplate: (principal: Principal, id: string, input: { name: string; content: BriefContent }) =>
      db.transaction(async (tx) => {
        const row = await repo.updateTemplate(tx, principal.workspace.id, id, input);
        if (!row) throw briefErrors.templateNotFound();
        await audit(tx, principal, 'brief_template.updated', 'brief_template', row.id, {
          name: row.name,
          contentHash: briefContentHash(row.content),
        });
        return row;
      }),

    deleteTemplate: (principal: Principal, id: string) =>
      db.transaction(async (tx) => {
        const row = await repo.deleteTemplate(tx, principal.workspace.id, id);
        if (!row) throw briefErrors.templateNotFound();
        await audit(tx, principal, 'brief_template.deleted', 'brief_template', row.id, { name: row.name });
      }),
  };
}
export type BriefsUseCases = ReturnType<typeof createBriefsUseCases>;
export type { Person };
