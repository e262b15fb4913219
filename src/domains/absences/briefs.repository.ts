import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { BriefContent } from '../../contracts/briefs.contracts';
import type { Db } from '../../platform/db/database';
import { clients } from '../clients/clients.schema';
import { users } from '../workspaces/workspaces.schema';
import type { AbsenceWithCoverage } from './absences.repository';
import { absenceCoverage, absences, briefAcknowledgements, briefQuestions, briefs, briefTemplates, briefVersions } from './absences.schema';

export type BriefRow = typeof briefs.$inferSelect;
export type BriefWithClient = BriefRow & {
  clientName: string;
  clientLanguage: 'en' | 'it';
  keyAccount: boolean;
  currentHash: string | null;
};
export type AcknowledgementRow = typeof briefAcknowledgements.$inferSelect & { delegateName: string };
export type QuestionRow = typeof briefQuestions.$inferSelect & { askedByName: string };

// A brief shows its client's name and tier: read together in one query (PGlite serves one query at a time).
const briefColumns = {
  id: briefs.id,
  workspaceId: briefs.workspaceId,
  absenceId: briefs.absenceId,
  clientId: briefs.clientId,
  projectId: briefs.projectId,
  draft: briefs.draft,
  currentVersion: briefs.currentVersion,
  createdAt: briefs.createdAt,
  updatedAt: briefs.updatedAt,
  clientName: clients.name,
  clientLanguage: clients.language,
  keyAccount: sql<boolean>`${clients.tier} = 'key'`.mapWith(Boolean),
  currentHash: sql<
    string | null
  >`(select v.content_hash from brief_versions v where v.brief_id = ${briefs.id} and v.version = ${briefs.currentVersion})`,
};

const first = <T>(rows: T[]): T | null => rows[0] ?? null;

/** All SQL of briefs, their versions, acknowledgements, questions and templates. Every read is scoped by workspace. */
export function createBriefsRepository({ db }: { db: Db }) {
  return {
    /**
     * An absence with its coverage, read with the caller's transaction handle (a query on another
     * handle inside a PGlite transaction would wait for that transaction forever).
     */
    async absence(workspaceId: string, id: string, tx: Db = db): Promise<AbsenceWithCoverage | null> {
      const row = first(
        await tx
          .select()
          .from(absences)
          .where(and(eq(absences.workspaceId, workspaceId), eq(absences.id, id))),
      );
      if (!row) return null;
      const coverage = await tx
        .select({ clientId: absenceCoverage.clientId, projectId: absenceCoverage.projectId })
        .from(absenceCoverage)
        .where(eq(absenceCoverage.absenceId, row.id));
      return { ...row, coverage };
    },

    insertBrief: async (tx: Db, values: typeof briefs.$inferInsert) => first(await tx.insert(briefs).values(values).returning()),

    getBrief: async (workspaceId: string, id: string, tx: Db = db): Promise<BriefWithClient | null> =>
      first(
        await tx
          .select(briefColumns)
          .from(briefs)
          .innerJoin(clients, eq(clients.id, briefs.clientId))
          .where(and(eq(briefs.workspaceId, workspaceId), eq(briefs.id, id))),
      ),

    /** Locks the brief row: two saves of the same brief cannot both create version n+1. */
    lockBrief: async (tx: Db, workspaceId: string, id: string) =>
      first(
        await tx
          .select()
          .from(briefs)
          .where(and(eq(briefs.workspaceId, workspaceId), eq(briefs.id, id)))
          .for('update'),
      ),

    listBriefs: (workspaceId: string, absenceId: string, tx: Db = db): Promise<BriefWithClient[]> =>
      tx
        .select(briefColumns)
        .from(briefs)
        .innerJoin(clients, eq(clients.id, briefs.clientId))
        .where(and(eq(briefs.workspaceId, workspaceId), eq(briefs.absenceId, absenceId)))
        .orderBy(desc(sql`${clients.tier} = 'key'`), asc(clients.name)),

    updateBrief: async (tx: Db, workspaceId: string, id: string, values: Partial<typeof briefs.$inferInsert>) =>
      first(
        await tx
          .update(briefs)
          .set(values)
          .where(and(eq(briefs.workspaceId, workspaceId), eq(briefs.id, id)))
          .returning(),
      ),

    /** The clients of an absence's coverage with what a brief needs to know of them. */
    clientsByIds: (workspaceId: string, ids: string[], tx: Db = db) =>
      ids.length === 0
        ? Promise.resolve([])
        : tx
            .select({ id: clients.id, name: clients.name, tier: clients.tier, language: clients.language })
            .from(clients)
            .where(and(eq(clients.workspaceId, workspaceId), inArray(clients.id, ids))),

    /** The same client's brief in the owner's most recent earlier absence, with its latest version. */
    async previousBrief(
      workspaceId: string,
      input: { ownerId: string; clientId: string; projectId: string | null; exceptAbsenceId: string },
      tx: Db = db,
    ) {
      const [row] = await tx
        .select({
          draft: briefs.draft,
          latestVersionContent: sql<BriefContent | null>`(select v.content from brief_versions v where v.brief_id = ${briefs.id}
            order by v.version desc limit 1)`,
        })
        .from(briefs)
        .innerJoin(absences, eq(absences.id, briefs.absenceId))
        .where(
          and(
            eq(briefs.workspaceId, workspaceId),
            eq(absences.ownerId, input.ownerId),
            eq(briefs.clientId, input.clientId),
            input.projectId ? eq(briefs.projectId, input.projectId) : isNull(briefs.projectId),
            ne(briefs.absenceId, input.exceptAbsenceId),
          ),
        )
        .orderBy(desc(absences.startsAt))
        .limit(1);
      return row ?? null;
    },

    // Versions ------------------------------------------------------------------------------

    insertVersion: async (tx: Db, values: typeof briefVersions.$inferInsert) =>
      first(await tx.insert(briefVersions).values(values).returning()),

    listVersions: (workspaceId: string, briefId: string, tx: Db = db) =>
      tx
        .select()
        .from(briefVersions)
        .where(and(eq(briefVersions.workspaceId, workspaceId), eq(briefVersions.briefId, briefId)))
        .orderBy(desc(briefVersions.version)),

    getVersion: async (workspaceId: string, briefId: string, version: number, tx: Db = db) =>
      first(
        await tx
          .select()
          .from(briefVersions)
          .where(and(eq(briefVersions.workspaceId, workspaceId), eq(briefVersions.briefId, briefId), eq(briefVersions.version, version))),
      ),

    // Acknowledgements ----------------------------------------------------------------------

    insertAcknowledgement: async (tx: Db, values: typeof briefAcknowledgements.$inferInsert) =>
      first(await tx.insert(briefAcknowledgements).values(values).returning()),

    listAcknowledgements: (workspaceId: string, briefIds: string[], tx: Db = db): Promise<AcknowledgementRow[]> =>
      briefIds.length === 0
        ? Promise.resolve([])
        : tx
            .select({ ...ackColumns, delegateName: users.name })
            .from(briefAcknowledgements)
            .innerJoin(users, eq(users.id, briefAcknowledgements.delegateId))
            .where(and(eq(briefAcknowledgements.workspaceId, workspaceId), inArray(briefAcknowledgements.briefId, briefIds)))
            .orderBy(desc(briefAcknowledgements.acknowledgedAt)),

    getAcknowledgement: async (workspaceId: string, id: string, tx: Db = db) =>
      first(
        await tx
          .select()
          .from(briefAcknowledgements)
          .where(and(eq(briefAcknowledgements.workspaceId, workspaceId), eq(briefAcknowledgements.id, id))),
      ),

    updateAcknowledgement: async (tx: Db, workspaceId: string, id: string, values: Partial<typeof briefAcknowledgements.$inferInsert>) =>
      first(
        await tx
          .update(briefAcknowledgements)
          .set(values)
          .where(and(eq(briefAcknowledgements.workspaceId, workspaceId), eq(briefAcknowledgements.id, id)))
          .returning(),
      ),

    /** Marks still-valid acknowledgements of a brief (optionally one delegate's) as replaced; returns them. */
    supersedeAcknowledgements: (tx: Db, workspaceId: string, briefId: string, now: Date, delegateId?: string) =>
      tx
        .update(briefAcknowledgements)
        .set({ supersededAt: now })
        .where(
          and(
            eq(briefAcknowledgements.workspaceId, workspaceId),
            eq(briefAcknowledgements.briefId, briefId),
            isNull(briefAcknowledgements.supersededAt),
            delegateId ? eq(briefAcknowledgements.delegateId, delegateId) : sql`true`,
          ),
        )
        .returning(),

    // Questions -----------------------------------------------------------------------------

    insertQuestion: async (tx: Db, values: typeof briefQuestions.$inferInsert) =>
      first(await tx.insert(briefQuestions).values(values).returning()),

    listQuestions: (workspaceId: string, briefIds: string[], tx: Db = db): Promise<QuestionRow[]> =>
      briefIds.length === 0
        ? Promise.resolve([])
        : tx
            .select({ ...questionColumns, askedByName: users.name })
            .from(briefQuestions)
            .innerJoin(users, eq(users.id, briefQuestions.askedBy))
            .where(and(eq(briefQuestions.workspaceId, workspaceId), inArray(briefQuestions.briefId, briefIds)))
            .orderBy(asc(briefQuestions.askedAt)),

    getQuestion: async (workspaceId: string, id: string, tx: Db = db) =>
      first(
        await tx
          .select()
          .from(briefQuestions)
          .where(and(eq(briefQuestions.workspaceId, workspaceId), eq(briefQuestions.id, id))),
      ),

    /** Answers only an open question: two answers racing apply once. */
    answerQuestion: async (tx: Db, workspaceId: string, id: string, values: { answer: string; answeredBy: string; answeredAt: Date }) =>
      first(
        await tx
          .update(briefQuestions)
          .set(values)
          .where(and(eq(briefQuestions.workspaceId, workspaceId), eq(briefQuestions.id, id), isNull(briefQuestions.answer)))
          .returning(),
      ),

    // Templates -----------------------------------------------------------------------------

    listTemplates: (workspaceId: string, tx: Db = db) =>
      tx.select().from(briefTemplates).where(eq(briefTemplates.workspaceId, workspaceId)).orderBy(asc(briefTemplates.createdAt)),

    getTemplate: async (workspaceId: string, id: string, tx: Db = db) =>
      first(
        await tx
          .select()
          .from(briefTemplates)
          .where(and(eq(briefTemplates.workspaceId, workspaceId), eq(briefTemplates.id, id))),
      ),

    insertTemplate: async (tx: Db, values: typeof briefTemplates.$inferInsert) =>
      first(await tx.insert(briefTemplates).values(values).returning()),

    updateTemplate: async (tx: Db, workspaceId: string, id: string, values: Partial<typeof briefTemplates.$inferInsert>) =>
      first(
        await tx
          .update(briefTemplates)
          .set(values)
          .where(and(eq(briefTemplates.workspaceId, workspaceId), eq(briefTemplates.id, id)))
          .returning(),
      ),

    deleteTemplate: async (tx: Db, workspaceId: string, id: string) =>
      first(
        await tx
          .delete(briefTemplates)
          .where(and(eq(briefTemplates.workspaceId, workspaceId), eq(briefTemplates.id, id)))
          .returning(),
      ),
  };
}
export type BriefsRepository = ReturnType<typeof createBriefsRepository>;

const ackColumns = {
  id: briefAcknowledgements.id,
  workspaceId: briefAcknowledgements.workspaceId,
  briefId: briefAcknowledgements.briefId,
  versionId: briefAcknowledgements.versionId,
  version: briefAcknowledgements.version,
  contentHash: briefAcknowledgements.contentHash,
  delegateId: briefAcknowledgements.delegateId,
  delegateRole: briefAcknowledgements.delegateRole,
  readBack: briefAcknowledgements.readBack,
  readBackStatus: briefAcknowledgements.readBackStatus,
  ownerNote: briefAcknowledgements.ownerNote,
  acknowledgedAt: briefAcknowledgements.acknowledgedAt,
  reviewedAt: briefAcknowledgements.reviewedAt,
  supersededAt: briefAcknowledgements.supersededAt,
};

const questionColumns = {
  id: briefQuestions.id,
  workspaceId: briefQuestions.workspaceId,
  briefId: briefQuestions.briefId,
  askedBy: briefQuestions.askedBy,
  question: briefQuestions.question,
  askedAt: briefQuestions.askedAt,
  answer: briefQuestions.answer,
  answeredBy: briefQuestions.answeredBy,
  answeredAt: briefQuestions.answeredAt,
};
