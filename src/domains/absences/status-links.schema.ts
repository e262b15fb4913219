import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clients } from '../clients/clients.schema';
import { workspaces } from '../workspaces/workspaces.schema';
import { absences } from './absences.schema';

/**
 * The client status links of an absence: one per auto-reply that carried one (the plaintext token lives only in
 * that mail, so a later reply mints a new one). Only the SHA-256 of the token is stored. Expiry is not stored: it
 * follows the absence (its return + 7 days), so an early return or a moved end applies to every link at once.
 */
export const statusLinks = pgTable(
  'status_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    absenceId: uuid('absence_id')
      .notNull()
      .references(() => absences.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    viewCount: integer('view_count').notNull().default(0),
    lastViewedAt: timestamp('last_viewed_at', { withTimezone: true }),
  },
  (table) => [index('status_links_absence_client_idx').on(table.absenceId, table.clientId)],
);
