import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { DebriefQuestion, DebriefState, FindingCategory, RespondentRole } from '../../contracts/debrief.contracts';
import { absences } from '../absences/absences.schema';
import { users, workspaces } from '../workspaces/workspaces.schema';

/**
 * The debrief of one absence (at most one), opened after the return. Its questions are a snapshot of the guide
 * when it was opened, so what a delegate answered keeps the wording they saw.
 */
export const debriefs = pgTable(
  'debriefs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    absenceId: uuid('absence_id')
      .notNull()
      .references(() => absences.id, { onDelete: 'cascade' }),
    state: text('state').$type<DebriefState>().notNull().default('open'),
    guideVersion: integer('guide_version').notNull(),
    questions: jsonb('questions').$type<DebriefQuestion[]>().notNull(),
    /** The clients the absence covered when the debrief was opened: what a finding may name. */
    clients: jsonb('clients').$type<{ id: string; name: string }[]>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    concludedBy: uuid('concluded_by').references(() => users.id, { onDelete: 'set null' }),
    concludedAt: timestamp('concluded_at', { withTimezone: true }),
  },
  (table) => [unique('debriefs_absence').on(table.absenceId)],
);

/** The delegates a debrief concerns: those who see it and answer. */
export const debriefDelegates = pgTable(
  'debrief_delegates',
  {
    debriefId: uuid('debrief_id')
      .notNull()
      .references(() => debriefs.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').$type<'primary' | 'backup'>().notNull(),
  },
  (table) => [unique('debrief_delegates_user').on(table.debriefId, table.userId)],
);

/** One answer per question and respondent; saving again replaces it. */
export const debriefAnswers = pgTable(
  'debrief_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull(),
    debriefId: uuid('debrief_id')
      .notNull()
      .references(() => debriefs.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    respondentId: uuid('respondent_id')
      .notNull()
      .references(() => users.id),
    respondentRole: text('respondent_role').$type<RespondentRole>().notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [unique('debrief_answers_question_respondent').on(table.debriefId, table.questionId, table.respondentId)],
);

export const debriefFindings = pgTable(
  'debrief_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull(),
    debriefId: uuid('debrief_id')
      .notNull()
      .references(() => debriefs.id, { onDelete: 'cascade' }),
    category: text('category').$type<FindingCategory>().notNull(),
    clientId: uuid('client_id'),
    note: text('note').notNull().default(''),
    reasonLearned: text('reason_learned'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Insertion order: findings recorded in the same instant keep the order they were written in. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (table) => [
    index('debrief_findings_debrief').on(table.debriefId, table.createdAt),
    // The rule the use case checks first, kept by the database too: `deliberate` always says why.
    check(
      'debrief_findings_reason',
      sql`(${table.category} = 'deliberate') = (${table.reasonLearned} IS NOT NULL AND length(${table.reasonLearned}) > 0)`,
    ),
  ],
);
