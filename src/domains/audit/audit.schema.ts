import { bigserial, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Append-only: rows are never updated or deleted by Baton; each stores its predecessor's hash. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    seq: integer('seq').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [uniqueIndex('audit_events_workspace_seq').on(table.workspaceId, table.seq)],
);

/** The newest event per workspace: serialises appends and reveals a deleted tail. */
export const auditHeads = pgTable('audit_heads', {
  workspaceId: uuid('workspace_id').primaryKey(),
  seq: integer('seq').notNull(),
  hash: text('hash').notNull(),
});
