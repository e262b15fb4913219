import { and, asc, desc, eq, inArray, isNull, ne, or, type SQLWrapper, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { clients, projects } from '../clients/clients.schema';
import { type AbsenceState, absenceCoverage, absences } from './absences.schema';

export type AbsenceRow = typeof absences.$inferSelect;
export type CoverageItem = { clientId: string; projectId: string | null };
export type AbsenceWithCoverage = AbsenceRow & { coverage: CoverageItem[] };

type Bound<T> = { [K in keyof T]: T[K] | SQLWrapper };
type Overlap = { workspaceId: string; userIds: string[]; from: string; to: string; exceptId: string | null };

/**
 * Absences of these people that overlap [from, to), except one (the absence being edited); instants as ISO strings,
 * or columns of another absence's row (`absences.lookup.ts` reads its people's this way, in the query that reads it).
 */
export const overlapping = (of: Bound<Overlap>) =>
  and(
    eq(absences.workspaceId, of.workspaceId),
    sql`${absences.ownerId} = any(${of.userIds}::uuid[])`,
    sql`${absences.startsAt} < ${of.to}::timestamptz`,
    sql`${absences.endsAt} > ${of.from}::timestamptz`,
    ne(absences.state, 'closed'),
    of.exceptId === null ? sql`true` : ne(absences.id, of.exceptId),
  );

function selectOverlapping(tx: Db, of: Bound<Overlap>) {
  return tx.select().from(absences).where(overlapping(of)).orderBy(asc(absences.startsAt));
}

/** All SQL of absences and what they cover. Every read is scoped by workspace. */
export function createAbsencesRepository({ db }: { db: Db }) {
  // Built once: who of an absence's people is away elsewhere is read for every contact the coverage console opens.
  const othersOverlapping = selectOverlapping(db, {
    workspaceId: sql.placeholder('workspaceId'),
    userIds: sql.placeholder('userIds'),
    from: sql.placeholder('from'),
    to: sql.placeholder('to'),
    exceptId: sql.placeholder('exceptId'),
  }).prepare('absences_overlapping_others');

  // Reads through the caller's transaction when there is one: PGlite has a single connection, so a
  // query on `db` inside a transaction would wait for that transaction forever.
  async function coverageOf(absenceIds: string[], tx: Db = db) {
    if (absenceIds.length === 0) return new Map<string, CoverageItem[]>();
    const rows = await tx.select().from(absenceCoverage).where(inArray(absenceCoverage.absenceId, absenceIds));
    const byAbsence = new Map<string, CoverageItem[]>();
    for (const row of rows) {
      const items = byAbsence.get(row.absenceId) ?? [];
      items.push({ clientId: row.clientId, projectId: row.projectId });
      byAbsence.set(row.absenceId, items);
    }
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
      return { ...row, coverage: (await coverageOf([row.id], tx)).get(row.id) ?? [] };
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
    overlapping: async (workspaceId: string, userIds: string[], from: Date, to: Date, exceptId?: string, tx: Db = db) => {
      if (userIds.length === 0) return [] as AbsenceRow[];
      const of = { workspaceId, userIds, from: from.toISOString(), to: to.toISOString(), exceptId: exceptId || null };
      // One array parameter: drizzle would spread a bare array into a list.
      return tx === db && of.exceptId !== null
        ? othersOverlapping.execute(of)
        : selectOverlapping(tx, { ...of, userIds: sql.param(userIds) });
    },

    /** Serialises plan changes of one owner until the transaction ends, so two overlapping plans cannot both pass the check. */
    lockOwner: (tx: Db, ownerId: string) => tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${ownerId}, 0))`),

    /** Absences where this person is owner, delegate or manager: what a member may see. */
    async listInvolving(workspaceId: string, userId: string): Promise<AbsenceWithCoverage[]> {
      const rows = await db
        .select()
        .from(absences)
        .where(
          and(
            eq(absences.workspaceId, workspaceId),
            or(
              eq(absences.ownerId, userId),
              eq(absences.primaryDelegateId, userId),
              eq(absences.backupDelegateId, userId),
              eq(absences.managerId, userId),
            ),
          ),
        )
        .orderBy(desc(absences.startsAt));
      const coverage = await coverageOf(rows.map((row) => row.id));
      return rows.map((row) => ({ ...row, coverage: coverage.get(row.id) ?? [] }));
    },

    /** The default coverage: the owner's clients still worth covering (not archived, not lost). */
    async coverableClientsOf(workspaceId: string, ownerId: string): Promise<CoverageItem[]> {
      const rows = await db
        .select({ id: clients.id })
        .from(clients)
        .where(
          and(eq(clients.workspaceId, workspaceId), eq(clients.ownerId, ownerId), isNull(clients.archivedAt), ne(clients.status, 'lost')),
        )
        .orderBy(asc(clients.name));
      return rows.map((row) => ({ clientId: row.id, projectId: null }));
    },

    /** Whether every client (and project, under its client) belongs to the workspace. */
    async coverageBelongsTo(workspaceId: string, coverage: CoverageItem[]): Promise<boolean> {
      const clientIds = [...new Set(coverage.map((item) => item.clientId))];
      const projectIds = [...new Set(coverage.flatMap((item) => (item.projectId ? [item.projectId] : [])))];
      if (clientIds.length) {
        const found = await db
          .select({ id: clients.id })
          .from(clients)
          .where(and(eq(clients.workspaceId, workspaceId), inArray(clients.id, clientIds)));
        if (found.length !== clientIds.length) return false;
      }
      if (projectIds.length) {
        const found = await db
          .select({ id: projects.id, clientId: projects.clientId })
          .from(projects)
          .where(and(eq(projects.workspaceId, workspaceId), inArray(projects.id, projectIds)));
        const clientOf = new Map(found.map((row) => [row.id, row.clientId]));
        if (coverage.some((item) => item.projectId && clientOf.get(item.projectId) !== item.clientId)) return false;
      }
      return true;
    },
  };
}
export type AbsencesRepository = ReturnType<typeof createAbsencesRepository>;
