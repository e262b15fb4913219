import { boolean, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { BriefContent } from '../../contracts/briefs.contracts';
import { clients, projects } from '../clients/clients.schema';
import { users, workspaces } from '../workspaces/workspaces.schema';

export type AbsenceState = 'draft' | 'handover' | 'active' | 'returned' | 'closed';
export type AutoReplyTexts = Record<'en' | 'it', { subject: string; body: string }>;
export type GateOverride = { by: string; reason: string; at: string };

export const absences = pgTable(
  'absences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    primaryDelegateId: uuid('primary_delegate_id')
      .notNull()
      .references(() => users.id),
    backupDelegateId: uuid('backup_delegate_id').references(() => users.id),
    managerId: uuid('manager_id')
      .notNull()
      .references(() => users.id),
    state: text('state').$type<AbsenceState>().notNull().default('draft'),
    autoReply: jsonb('auto_reply').$type<AutoReplyTexts>().notNull(),
    statusLinkEnabled: boolean('status_link_enabled').notNull().default(false),
    gateOverride: jsonb('gate_override').$type<GateOverride>(),
    /** Set when the absence started with the gate closed: the gap is part of the record. */
    startedWithGapAt: timestamp('started_with_gap_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('absences_workspace_owner_idx').on(table.workspaceId, table.ownerId),
    index('absences_workspace_window_idx').on(table.workspaceId, table.startsAt),
  ],
);

/** The clients (and optionally projects) an absence covers. */
export const absenceCoverage = pgTable(
  'absence_coverage',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull(),
    absenceId: uuid('absence_id')
      .notNull()
      .references(() => absences.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    projectId: uuid('project_id').references(() => projects.id),
  },
  (table) => [unique('absence_coverage_unique').on(table.absenceId, table.clientId, table.projectId).nullsNotDistinct()],
);

export const briefTemplates = pgTable('brief_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  workspaceId: uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  content: jsonb('content').$type<BriefContent>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One brief per covered client (or project) of an absence; its shared text lives in versions. */
export const briefs = pgTable(
  'briefs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull(),
    absenceId: uuid('absence_id')
      .notNull()
      .references(() => absences.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    projectId: uuid('project_id').references(() => projects.id),
    /** The owner's working copy; saving it while shared creates a version. */
    draft: jsonb('draft').$type<BriefContent>().notNull(),
    currentVersion: integer('current_version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique('briefs_absence_client_project').on(table.absenceId, table.clientId, table.projectId).nullsNotDistinct()],
);

export const briefVersions = pgTable(
  'brief_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull(),
    briefId: uuid('brief_id')
      .notNull()
      .references(() => briefs.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    content: jsonb('content').$type<BriefContent>().notNull(),
    /** SHA-256 of the canonical JSON of `content`. */
    contentHash: text('content_hash').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [uniqueIndex('brief_versions_brief_version').on(table.briefId, table.version)],
);

export type ReadBackStatus = 'not_required' | 'pending' | 'accepted' | 'asked_again';

/** The receipt: who acknowledged which exact version (hash), when, and in their own words. */
export const briefAcknowledgements = pgTable(
  'brief_acknowledgements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull(),
    briefId: uuid('brief_id')
      .notNull()
      .references(() => briefs.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id')
      .notNull()
      .references(() => briefVersions.id),
    version: integer('version').notNull(),
    contentHash: text('content_hash').notNull(),
    delegateId: uuid('delegate_id')
      .notNull()
      .references(() => users.id),
    delegateRole: text('delegate_role').$type<'primary' | 'backup'>().notNull(),
    readBack: text('read_back'),
    readBackStatus: text('read_back_status').$type<ReadBackStatus>().notNull(),
    ownerNote: text('owner_note'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }).notNull(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    /** Set when a newer version replaced the one acknowledged. */
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (table) => [index('brief_acknowledgements_brief_idx').on(table.briefId)],
);

export const briefQuestions = pgTable(
  'brief_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull(),
    briefId: uuid('brief_id')
      .notNull()
      .references(() => briefs.id, { onDelete: 'cascade' }),
    askedBy: uuid('asked_by')
      .notNull()
      .references(() => users.id),
    question: text('question').notNull(),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull(),
    answer: text('answer'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (table) => [index('brief_questions_brief_idx').on(table.briefId)],
);

/** Token URLs of the workspace's absence calendar (ICS); stored hashed, revocable. */
export const calendarFeeds = pgTable('calendar_feeds', {
  id: uuid('id').primaryKey().defaultRandom(),
  workspaceId: uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});
