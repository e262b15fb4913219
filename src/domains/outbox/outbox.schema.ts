import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { OutboxStatus } from '../../contracts/outbox.contracts';

export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull(),
    kind: text('kind').notNull(),
    fromAddress: text('from_address').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    envelopeFrom: text('envelope_from'),
    language: text('language').notNull(),
    messageId: text('message_id').notNull(),
    status: text('status').$type<OutboxStatus>().notNull().default('queued'),
    transport: text('transport').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [index('outbox_workspace_created_idx').on(table.workspaceId, table.createdAt)],
);
