import { and, asc, desc, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { type AbsenceState, absenceCoverage, absences } from './absences.schema';

export type AbsenceRow = typeof absences.$inferSelect;
export type CoverageItem = { clientId: string; projectId: string | null };
export type AbsenceWithCoverage = AbsenceRow & { coverage: CoverageItem[] };

/** All SQL of absences and what they cover. Every read is scoped by workspace. */
export function createAbsencesRepository({ db }: { db: Db }) {
  async function coverageOf(absenceIds: string[]) {
    if (absenceIds.length === 0) return new Map<string, CoverageItem[]>();
    const rows = await db.select().from(absenceCoverage).where(inArray(absenceCoverage.absenceId, absenceIds));
    const byAbsence = new Map<string, CoverageItem[]>();
    for (const row of rows)
      byAbsence.set(row.absenceId, [...(byAbsence.get(row.absenceId) ?? []), { clientId: row.clientId, projectId: row.projectId }]);
    return byAbsence;
  }

  return {
    async insert(tx: Db, values: typeof absences.$inferInsert, coverage: CoverageItem[]): Promise<AbsenceWithCoverage> {
      const [row] = await tx.insert(absences).values(values).returning();
      if (!row) throw new Error('absence insert returned nothing');
      if (coverage.length)
        await tx.insert(absenceCoverage).values(coverage.map((item) => ({ ...item, workspaceId: row.workspaceId, absenceId: row.id })));
      return { ...row, coverage };
    },

    async replaceCoverage(tx: Db, absence: AbsenceRow, coverage: CoverageItem[]) {
      await tx.delete(absenceCoverage).where(eq(absenceCoverage.absenceId, absence.id));
      if (coverage.length)
        await tx
          .insert(absenceCoverage)
          .values(coverage.map((item) => ({ ...item, workspaceId: absence.workspaceId, absenceId: absence.id })));
    },

    async update(tx: Db, workspaceId: string, id: string, values: Partial<typeof absences.$inferInsert>) {
      const [row] = await tx
        .update(absences)
        .set(values)
        .where(and(eq(absences.workspaceId, workspaceId), eq(absences.id, id)))
        .returning();
      return row ?? null;
    },

    /** Moves the state only from the expected one: two workers racing on a transition apply it once. */
    async transition(
      tx: Db,
      workspaceId: string,
      id: string,
      from: AbsenceState[],
      values: Partial<typeof absences.$inferInsert> & { state: AbsenceState },
    ) {
      const [row] = await tx
        .update(absences)
        .set(values)
        .where(and(eq(absences.workspaceId, workspaceId), eq(absences.id, id), inArray(absences.state, from)))
        .returning();
      return row ?? null;
    },

    async get(workspaceId: string, id: string, tx: Db = db): Promise<AbsenceWithCoverage | null> {
      const [row] = await tx
        .select()
        .from(absences)
        .where(and(eq(absences.workspaceId, workspaceId), eq(absences.id, id)));
      if (!row) return null;
      return { ...row, coverage: (await coverageOf([row.id])).get(row.id) ?? [] };
    },

    async list(workspaceId: string, filter: { ownerId?: string } = {}): Promise<AbsenceWithCoverage[]> {
      const rows = await db
        .select()
        .from(absences)
        .where(and(eq(absences.workspaceId, workspaceId), filter.ownerId ? eq(absences.ownerId, filter.ownerId) : sql`true`))
        .orderBy(desc(absences.startsAt));
      const coverage = await coverageOf(rows.map((row) => row.id));
      return rows.map((row) => ({ ...row, coverage: coverage.get(row.id) ?? [] }));
    },

    /** Absences of these people that overlap [from, to), except one (the absence being edited). */
    overlapping: (workspaceId: string, userIds: string[], from: Date, to: Date, exceptId?: string) =>
      userIds.length === 0
        ? Promise.resolve([] as AbsenceRow[])
        : db
            .select()
            .from(absences)
            .where(
              and(
                eq(absences.workspaceId, workspaceId),
                inArray(absences.ownerId, userIds),
                lt(absences.startsAt, to),
                gt(absences.endsAt, from),
                ne(absences.state, 'closed'),
                exceptId ? ne(absences.id, exceptId) : sql`true`,
              ),
            )
            .orderBy(asc(absences.startsAt)),
  };
}
export type AbsencesRepository = ReturnType<typeof createAbsencesRepository>;
