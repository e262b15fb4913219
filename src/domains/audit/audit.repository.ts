import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock/clock';
import type { Db } from '../../platform/db/database';
import { insertFromJson } from '../../platform/db/json-insert';
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
  /** Several events of one workspace in order, chained as single appends would be, in three statements. */
  async function appendMany(tx: Db, entries: AuditEntry[]): Promise<StoredAuditEvent[]> {
    const workspaceId = entries[0]?.workspaceId;
    if (workspaceId === undefined) return [];
    if (entries.some((entry) => entry.workspaceId !== workspaceId)) throw new Error('appendMany takes events of one workspace');
    // Creates the head or locks the existing one, and reads it, in one statement.
    const [head] = await tx
      .insert(auditHeads)
      .values({ workspaceId, seq: 0, hash: GENESIS_HASH })
      .onConflictDoUpdate({ target: auditHeads.workspaceId, set: { seq: sql`${auditHeads.seq}` } })
      .returning();
    let seq = head?.seq ?? 0;
    let prevHash = head?.hash ?? GENESIS_HASH;
    const occurredAt = clock.now().toISOString();
    const events = entries.map((entry): StoredAuditEvent => {
      seq += 1;
      const content: AuditEventContent = {
        workspaceId,
        seq,
        occurredAt,
        actorId: entry.actorId,
        action: entry.action,
        subjectType: entry.subjectType,
        subjectId: entry.subjectId,
        data: entry.data ?? {},
      };
      const event = { ...content, prevHash, hash: hashAuditEvent(prevHash, content) };
      prevHash = event.hash;
      return event;
    });
    // The events and the head's move in one statement (one round trip fewer on every audited change).
    const moveHead = tx.update(auditHeads).set({ seq, hash: prevHash }).where(eq(auditHeads.workspaceId, workspaceId));
    await tx.execute(sql`WITH moved_head AS (${moveHead.getSQL()}) ${insertFromJson(auditEvents, events)}`);
    for (const event of events) for (const listener of listeners) await listener(tx, event);
    return events;
  }

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
      const [event] = await appendMany(tx, [entry]);
      if (!event) throw new Error('audit append stored nothing');
      return event;
    },
    appendMany,
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
