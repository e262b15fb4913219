import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { users } from '../workspaces/workspaces.schema';
import { debriefAnswers, debriefDelegates, debriefFindings, debriefs } from './debrief.schema';

export type DebriefRow = typeof debriefs.$inferSelect;

/** Every query of the debrief; people's names are read-only joins for display. */
export function createDebriefRepository({ db }: { db: Db }) {
  return {
    /** Null when the absence already has one (two people opened it at once): the unique key decides. */
    insertDebrief: async (tx: Db, values: typeof debriefs.$inferInsert) =>
      (await tx.insert(debriefs).values(values).onConflictDoNothing().returning())[0] ?? null,

    insertDelegates: (tx: Db, rows: (typeof debriefDelegates.$inferInsert)[]) => tx.insert(debriefDelegates).values(rows),

    byAbsence: async (workspaceId: string, absenceId: string) =>
      (
        await db
          .select()
          .from(debriefs)
          .where(and(eq(debriefs.workspaceId, workspaceId), eq(debriefs.absenceId, absenceId)))
      )[0] ?? null,

    byId: async (workspaceId: string, id: string) =>
      (
        await db
          .select()
          .from(debriefs)
          .where(and(eq(debriefs.workspaceId, workspaceId), eq(debriefs.id, id)))
      )[0] ?? null,

    /** Answers, findings and the conclusion wait for each other on this row: a write never lands after the conclusion. */
    lock: async (tx: Db, id: string) => (await tx.select().from(debriefs).where(eq(debriefs.id, id)).for('update'))[0] ?? null,

    delegatesOf: (debriefId: string) =>
      db
        .select({ id: debriefDelegates.userId, role: debriefDelegates.role, name: users.name })
        .from(debriefDelegates)
        .innerJoin(users, eq(users.id, debriefDelegates.userId))
        .where(eq(debriefDelegates.debriefId, debriefId))
        .orderBy(desc(debriefDelegates.role)),

    answersOf: (debriefId: string) =>
      db
        .select({ answer: debriefAnswers, respondentName: users.name })
        .from(debriefAnswers)
        .innerJoin(users, eq(users.id, debriefAnswers.respondentId))
        .where(eq(debriefAnswers.debriefId, debriefId)),

    upsertAnswer: async (tx: Db, values: typeof debriefAnswers.$inferInsert) => {
      const [row] = await tx
        .insert(debriefAnswers)
        .values(values)
        .onConflictDoUpdate({
          target: [debriefAnswers.debriefId, debriefAnswers.questionId, debriefAnswers.respondentId],
          set: { text: values.text, respondentRole: values.respondentRole, updatedAt: values.updatedAt },
        })
        .returning();
      if (!row) throw new Error('debrief answer upsert returned nothing');
      return row;
    },

    deleteAnswer: async (tx: Db, debriefId: string, questionId: string, respondentId: string) =>
      (
        await tx
          .delete(debriefAnswers)
          .where(
            and(
              eq(debriefAnswers.debriefId, debriefId),
              eq(debriefAnswers.questionId, questionId),
              eq(debriefAnswers.respondentId, respondentId),
            ),
          )
          .returning({ id: debriefAnswers.id })
      )[0] ?? null,

    findingsOf: (debriefId: string) =>
      db
        .select({ finding: debriefFindings, createdByName: users.name })
        .from(debriefFindings)
        .leftJoin(users, eq(users.id, debriefFindings.createdBy))
        .where(eq(debriefFindings.debriefId, debriefId))
        .orderBy(asc(debriefFindings.createdAt), asc(debriefFindings.seq)),

    insertFinding: async (tx: Db, values: typeof debriefFindings.$inferInsert) => {
      const [row] = await tx.insert(debriefFindings).values(values).returning();
      if (!row) throw new Error('debrief finding insert returned nothing');
      return row;
    },

    deleteFinding: async (tx: Db, debriefId: string, findingId: string) =>
      (
        await tx
          .delete(debriefFindings)
          .where(and(eq(debriefFindings.debriefId, debriefId), eq(debriefFindings.id, findingId)))
          .returning()
      )[0] ?? null,

    countFindings: async (tx: Db, debriefId: string) =>
      (await tx.select({ value: count() }).from(debriefFindings).where(eq(debriefFindings.debriefId, debriefId)))[0]?.value ?? 0,

    conclude: (tx: Db, id: string, by: string, at: Date) =>
      tx.update(debriefs).set({ state: 'concluded', concludedBy: by, concludedAt: at }).where(eq(debriefs.id, id)),

    async names(workspaceId: string, ids: (string | null)[]) {
      const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
      if (wanted.length === 0) return new Map<string, string>();
      const rows = await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, wanted)));
      return new Map(rows.map((row) => [row.id, row.name]));
    },
  };
}
export type DebriefRepository = ReturnType<typeof createDebriefRepository>;
