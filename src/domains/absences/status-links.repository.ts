import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { briefs, briefVersions } from './absences.schema';
import { statusLinks } from './status-links.schema';

export type StatusLinkRow = typeof statusLinks.$inferSelect;

/** All SQL of client status links. Only the SHA-256 of a token is ever stored or looked up. */
export function createStatusLinksRepository({ db }: { db: Db }) {
  return {
    async insert(tx: Db, values: typeof statusLinks.$inferInsert) {
      const [row] = await tx.insert(statusLinks).values(values).returning();
      if (!row) throw new Error('status link insert returned nothing');
      return row;
    },

    async byTokenHash(tokenHash: string) {
      const [row] = await db.select().from(statusLinks).where(eq(statusLinks.tokenHash, tokenHash));
      return row ?? null;
    },

    /** Counts a view of a link still in force (a revocation racing the view wins). */
    async countView(tx: Db, id: string, now: Date) {
      const [row] = await tx
        .update(statusLinks)
        .set({ viewCount: sql`${statusLinks.viewCount} + 1`, lastViewedAt: now })
        .where(and(eq(statusLinks.id, id), isNull(statusLinks.revokedAt)))
        .returning();
      return row ?? null;
    },

    /** Revokes the absence's links still in force, of one client or all; returns those revoked. */
    revoke: (tx: Db, workspaceId: string, absenceId: string, clientId: string | null, now: Date) =>
      tx
        .update(statusLinks)
        .set({ revokedAt: now })
        .where(
          and(
            eq(statusLinks.workspaceId, workspaceId),
            eq(statusLinks.absenceId, absenceId),
            clientId ? eq(statusLinks.clientId, clientId) : undefined,
            isNull(statusLinks.revokedAt),
          ),
        )
        .returning({ id: statusLinks.id, clientId: statusLinks.clientId }),

    /** The absence's links, without their hashes (tallied per client by `tallyStatusLinks`). */
    listForAbsence: (workspaceId: string, absenceId: string) =>
      db
        .select({
          clientId: statusLinks.clientId,
          revokedAt: statusLinks.revokedAt,
          viewCount: statusLinks.viewCount,
          lastViewedAt: statusLinks.lastViewedAt,
        })
        .from(statusLinks)
        .where(and(eq(statusLinks.workspaceId, workspaceId), eq(statusLinks.absenceId, absenceId))),

    /**
     * The client-visible summaries of the current versions of the client's briefs in this absence (the client's own
     * brief first, then its projects'). Only `clientSummary` leaves the database: nothing else of a brief may reach
     * the public page.
     */
    async clientSummaries(workspaceId: string, absenceId: string, clientId: string): Promise<string[]> {
      const rows = await db
        .select({ summary: sql<string | null>`${briefVersions.content}->>'clientSummary'` })
        .from(briefs)
        .innerJoin(briefVersions, and(eq(briefVersions.briefId, briefs.id), eq(briefVersions.version, briefs.currentVersion)))
        .where(and(eq(briefs.workspaceId, workspaceId), eq(briefs.absenceId, absenceId), eq(briefs.clientId, clientId)))
        .orderBy(sql`${briefs.projectId} nulls first`, asc(briefs.createdAt));
      return rows.map((row) => row.summary?.trim() ?? '').filter((summary) => summary !== '');
    },
  };
}
export type StatusLinksRepository = ReturnType<typeof createStatusLinksRepository>;
