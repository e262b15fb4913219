import { and, asc, eq, gte } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { auditEvents } from './audit.schema';

/** What other domains (the report) read of the audit log: events with their seq and hash, as evidence. */
export function createAuditLookup({ db }: { db: Db }) {
  return {
    /** A workspace's events from a moment on, in chain order; the caller keeps those about its subject. */
    eventsSince: async (workspaceId: string, since: Date) =>
      (
        await db
          .select({
            seq: auditEvents.seq,
            hash: auditEvents.hash,
            occurredAt: auditEvents.occurredAt,
            actorId: auditEvents.actorId,
            action: auditEvents.action,
            subjectType: auditEvents.subjectType,
            subjectId: auditEvents.subjectId,
            data: auditEvents.data,
          })
          .from(auditEvents)
          .where(and(eq(auditEvents.workspaceId, workspaceId), gte(auditEvents.occurredAt, since.toISOString())))
          .orderBy(asc(auditEvents.seq))
      ).map((row) => ({ ...row, occurredAt: new Date(row.occurredAt) })),
  };
}
export type AuditLookup = ReturnType<typeof createAuditLookup>;
