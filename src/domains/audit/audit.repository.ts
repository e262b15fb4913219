import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock/clock';
import type { Db } from '../../platform/db/database';
import { type AuditEventContent, GENESIS_HASH, hashAuditEvent, type StoredAuditEvent } from './audit.models';
import { auditEvents, auditHeads } from './audit.schema';

export type AuditEntry = {
  workspaceId: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  data?: Record<string, unknown>;
};

export type AuditLog = ReturnType<typeof createAuditLog>;

/**
 * Told of each event inside the transaction that appends it (webhooks queue their deliveries there): what a
 * listener writes commits or rolls back with the change itself, and a listener that throws rolls the change back.
 */
export type AuditListener = (tx: Db, event: StoredAuditEvent) => Promise<void>;

export function createAuditLog({ clock }: { clock: Clock }) {
  const listeners: AuditListener[] = [];
  return {
    /** Registered once by `app/dependencies.ts`, before anything is appended. */
    onAppend(listener: AuditListener) {
      listeners.push(listener);
    },
    /**
     * Appends inside the caller's transaction, so the event exists exactly when the change it
     * records does. The head row lock serialises appends per workspace.
     */
    async append(tx: Db, entry: AuditEntry): Promise<StoredAuditEvent> {
      await tx.insert(auditHeads).values({ workspaceId: entry.workspaceId, seq: 0, hash: GENESIS_HASH }).onConflictDoNothing();
      const [head] = await tx.select().from(auditHeads).where(eq(auditHeads.workspaceId, entry.workspaceId)).for('update');
      const prevHash = head?.hash ?? GENESIS_HASH;
      const content: AuditEventContent = {
        workspaceId: entry.workspaceId,
        seq: (head?.seq ?? 0) + 1,
        occurredAt: clock.now().toISOString(),
        actorId: entry.actorId,
        action: entry.action,
        subjectType: entry.subjectType,
        subjectId: entry.subjectId,
        data: entry.data ?? {},
      };
      const hash = hashAuditEvent(prevHash, content);
      await tx.insert(auditEvents).values({ ...content, prevHash, hash });
      await tx.update(auditHeads).set({ seq: content.seq, hash }).where(eq(auditHeads.workspaceId, entry.workspaceId));
      const event = { ...content, prevHash, hash };
      for (const listener of listeners) await listener(tx, event);
      return event;
    },
  };
}

export function createAuditRepository({ db }: { db: Db }) {
  return {
    /** Storage order is by id: a reordering of contents between rows must show up. */
    async eventsInStorageOrder(workspaceId: string): Promise<StoredAuditEvent[]> {
      const rows = await db.select().from(auditEvents).where(eq(auditEvents.workspaceId, workspaceId)).orderBy(asc(auditEvents.id));
      return rows.map(({ id: _id, ...row }) => ({ ...row, occurredAt: new Date(row.occurredAt).toISOString() }));
    },
    async head(workspaceId: string) {
      const [head] = await db.select().from(auditHeads).where(eq(auditHeads.workspaceId, workspaceId));
      return head ?? null;
    },
    async page(workspaceId: string, { before, limit }: { before?: number; limit: number }) {
      return db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.workspaceId, workspaceId), before ? lt(auditEvents.seq, before) : sql`true`))
        .orderBy(desc(auditEvents.seq))
        .limit(limit);
    },
  };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;
