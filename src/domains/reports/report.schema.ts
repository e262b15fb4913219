import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/db/bytea';
import { absences } from '../absences/absences.schema';
import { workspaces } from '../workspaces/workspaces.schema';
import type { NeutralLanguageFinding } from './neutral-language.models';

export type ReportStatus = 'draft' | 'final';

/**
 * One report per absence: the owner's narrative (a draft until finalised), the frozen content once final, and what
 * was last sent to the manager — the manager reads exactly that.
 */
export const absenceReports = pgTable('absence_reports', {
  absenceId: uuid('absence_id')
    .primaryKey()
    .references(() => absences.id, { onDelete: 'cascade' }),
  workspaceId: uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  narrative: text('narrative').notNull().default(''),
  /** What the neutral-language check flagged in the saved narrative: the owner kept her wording. */
  narrativeFindings: jsonb('narrative_findings').$type<NeutralLanguageFinding[]>().notNull().default([]),
  narrativeSavedAt: timestamp('narrative_saved_at', { withTimezone: true }),
  status: text('status').$type<ReportStatus>().notNull().default('draft'),
  /** The canonical JSON of the final document and its SHA-256 (recorded in the audit log). */
  finalContent: text('final_content'),
  finalHash: text('final_hash'),
  finalisedAt: timestamp('finalised_at', { withTimezone: true }),
  finalisedBy: uuid('finalised_by'),
  /** The document as last sent to the manager (canonical JSON), draft or final. */
  sentContent: text('sent_content'),
  sentHash: text('sent_hash'),
  sentStatus: text('sent_status').$type<ReportStatus>(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export type ExportState = 'queued' | 'running' | 'done' | 'failed';

/** An export of the report: its progress while it renders, then the file and its SHA-256 (also in the audit log). */
export const reportExports = pgTable(
  'report_exports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    absenceId: uuid('absence_id')
      .notNull()
      .references(() => absences.id, { onDelete: 'cascade' }),
    format: text('format').$type<'pdf' | 'md' | 'html'>().notNull(),
    /** Whose view was exported: the owner's report, or what was sent to the manager. */
    viewer: text('viewer').$type<'owner' | 'manager'>().notNull(),
    state: text('state').$type<ExportState>().notNull(),
    rowsDone: integer('rows_done').notNull().default(0),
    rowsTotal: integer('rows_total').notNull().default(0),
    filename: text('filename').notNull(),
    content: bytea('content'),
    sha256: text('sha256'),
    size: integer('size'),
    error: text('error'),
    requestedBy: uuid('requested_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [index('report_exports_absence').on(table.absenceId, table.createdAt)],
);
