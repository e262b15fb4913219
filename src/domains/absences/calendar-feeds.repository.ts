import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { calendarFeeds } from './absences.schema';

export type CalendarFeedRow = typeof calendarFeeds.$inferSelect;

/** Token URLs of the absences calendar; only the SHA-256 of a token is stored. */
export function createCalendarFeedsRepository({ db }: { db: Db }) {
  return {
    async insert(tx: Db, values: typeof calendarFeeds.$inferInsert) {
      const [row] = await tx.insert(calendarFeeds).values(values).returning();
      if (!row) throw new Error('calendar feed insert returned nothing');
      return row;
    },
    list: (workspaceId: string, createdBy?: string) =>
      db
        .select()
        .from(calendarFeeds)
        .where(and(eq(calendarFeeds.workspaceId, workspaceId), createdBy ? eq(calendarFeeds.createdBy, createdBy) : undefined))
        .orderBy(asc(calendarFeeds.createdAt)),
    async get(workspaceId: string, id: string) {
      const [row] = await db
        .select()
        .from(calendarFeeds)
        .where(and(eq(calendarFeeds.workspaceId, workspaceId), eq(calendarFeeds.id, id)));
      return row ?? null;
    },
    async revoke(tx: Db, workspaceId: string, id: string, now: Date) {
      const [row] = await tx
        .update(calendarFeeds)
        .set({ revokedAt: now })
        .where(and(eq(calendarFeeds.workspaceId, workspaceId), eq(calendarFeeds.id, id), isNull(calendarFeeds.revokedAt)))
        .returning();
      return row ?? null;
    },
    async activeByTokenHash(tokenHash: string) {
      const [row] = await db
        .select()
        .from(calendarFeeds)
        .where(and(eq(calendarFeeds.tokenHash, tokenHash), isNull(calendarFeeds.revokedAt)));
      return row ?? null;
    },
  };
}
export type CalendarFeedsRepository = ReturnType<typeof createCalendarFeedsRepository>;
