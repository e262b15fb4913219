import { sql } from 'drizzle-orm';
import { bigserial, boolean, date, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ClientStatus } from '../../contracts/clients.contracts';
import type { BlameFinding, CallOutcome, RecoveryTaskState, WinBackReminderState } from '../../contracts/recovery.contracts';
import { absences } from '../absences/absences.schema';
import { clients } from '../clients/clients.schema';
import { users, workspaces } from '../workspaces/workspaces.schema';
import type { RiskExplanation } from './risk.models';

/** One apology call to make per client who got in touch during an absence; unique, so the return job can run again. */
export const recoveryTasks = pgTable(
  'recovery_tasks',
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
      .references(() => clients.id, { onDelete: 'cascade' }),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    rank: integer('rank').notNull(),
    score: integer('score').notNull(),
    reasons: jsonb('reasons').$type<RiskExplanation[]>().notNull(),
    state: text('state').$type<RecoveryTaskState>().notNull().default('open'),
    attempts: integer('attempts').notNull().default(0),
    lastOutcome: text('last_outcome').$type<CallOutcome>(),
    lastCalledAt: timestamp('last_called_at', { withTimezone: true }),
    retryOn: date('retry_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (table) => [
    unique('recovery_tasks_absence_client').on(table.absenceId, table.clientId),
    index('recovery_tasks_owner_state').on(table.workspaceId, table.ownerId, table.state),
  ],
);

/** Every call the owner logged on a task, answered or not. */
export const recoveryCalls = pgTable(
  'recovery_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => recoveryTasks.id, { onDelete: 'cascade' }),
    outcome: text('outcome').$type<CallOutcome>().notNull(),
    notes: text('notes').notNull().default(''),
    nextStep: text('next_step').notNull().default(''),
    retryOn: date('retry_on', { mode: 'string' }),
    lostReason: text('lost_reason'),
    calledBy: uuid('called_by'),
    calledAt: timestamp('called_at', { withTimezone: true }).notNull(),
    /** Insertion order: two calls logged in the same instant keep their order (the latest decides a retry). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (table) => [index('recovery_calls_task').on(table.taskId, table.calledAt)],
);

/** Emails the owner wrote to the client from a task, with what the blame check flagged when she sent them. */
export const recoveryMessages = pgTable(
  'recovery_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => recoveryTasks.id, { onDelete: 'cascade' }),
    outboxId: uuid('outbox_id').notNull(),
    toAddress: text('to_address').notNull(),
    fromAddress: text('from_address'),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    inReplyTo: text('in_reply_to'),
    findings: jsonb('findings').$type<BlameFinding[]>().notNull().default([]),
    confirmed: boolean('confirmed').notNull().default(false),
    sentBy: uuid('sent_by'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (table) => [index('recovery_messages_task').on(table.taskId, table.sentAt)],
);

/** A lost client's win-back calls; at most one running per client (ended when the client leaves `lost`). */
export const winBackCadences = pgTable(
  'win_back_cadences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    /** Who is reminded: the client's owner when it was marked lost (else whoever marked it). */
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    startedBy: uuid('started_by'),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedStatus: text('ended_status').$type<ClientStatus>(),
  },
  (table) => [
    uniqueIndex('win_back_cadences_running').on(table.clientId).where(sql`${table.endedAt} IS NULL`),
    index('win_back_cadences_owner').on(table.workspaceId, table.ownerId),
  ],
);

export const winBackReminders = pgTable(
  'win_back_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull(),
    cadenceId: uuid('cadence_id')
      .notNull()
      .references(() => winBackCadences.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id').notNull(),
    /** Days after the client was marked lost. */
    day: integer('day').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    state: text('state').$type<WinBackReminderState>().notNull().default('scheduled'),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by'),
    note: text('note'),
  },
  (table) => [
    unique('win_back_reminders_cadence_day').on(table.cadenceId, table.day),
    index('win_back_reminders_cadence').on(table.cadenceId),
  ],
);

/** Per workspace; a workspace without a row uses the defaults. */
export const recoverySettings = pgTable('recovery_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  winBackDays: jsonb('win_back_days').$type<number[]>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: uuid('updated_by'),
});
