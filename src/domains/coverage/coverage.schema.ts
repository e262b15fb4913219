import { date, index, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type {
  AssigneeRole,
  ContactKind,
  ContactOutcome,
  ContactState,
  EscalationRule,
  EscalationState,
  EscalationTarget,
  SignalScoreView,
} from '../../contracts/coverage.contracts';
import { absences } from '../absences/absences.schema';
import { users, workspaces } from '../workspaces/workspaces.schema';

/** One conversation per covered client and absence (client null: the unknown senders' triage). */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    absenceId: uuid('absence_id')
      .notNull()
      .references(() => absences.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [unique('conversations_absence_client').on(table.absenceId, table.clientId).nullsNotDistinct()],
);

/**
 * A client contact the delegate must handle: an inbound email (later messages of the same open thread join it)
 * or a call/meeting the delegate logged. It carries its SLA schedule, so the queue sorts by deadline without
 * recomputing business hours.
 */
export const coverageContacts = pgTable(
  'coverage_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    absenceId: uuid('absence_id')
      .notNull()
      .references(() => absences.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    clientId: uuid('client_id'),
    kind: text('kind').$type<ContactKind>().notNull(),
    /** The first mail message of the contact (emails only). */
    messageId: uuid('message_id'),
    threadId: uuid('thread_id'),
    fromAddress: text('from_address'),
    fromName: text('from_name').notNull().default(''),
    subject: text('subject').notNull().default(''),
    excerpt: text('excerpt').notNull().default(''),
    language: text('language').$type<'en' | 'it' | 'other'>().notNull().default('other'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    assigneeId: uuid('assignee_id')
      .notNull()
      .references(() => users.id),
    assigneeRole: text('assignee_role').$type<AssigneeRole>().notNull(),
    state: text('state').$type<ContactState>().notNull().default('open'),
    warnAt: timestamp('warn_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    secondDueAt: timestamp('second_due_at', { withTimezone: true }),
    /** Set when the 75 % warning went out, so a retried timer does not warn twice. */
    slaWarnedAt: timestamp('sla_warned_at', { withTimezone: true }),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    firstResponderId: uuid('first_responder_id'),
    outcome: text('outcome').$type<ContactOutcome>(),
    outcomeNote: text('outcome_note'),
    followUpOn: date('follow_up_on', { mode: 'string' }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
    signals: jsonb('signals').$type<SignalScoreView>(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('coverage_contacts_message').on(table.messageId),
    // The queue's order (due first, unscheduled last, then oldest): read in index order, a queue stops at its limit
    // even on PGlite, which gathers no planner statistics by itself (no autovacuum process).
    index('coverage_contacts_queue').on(table.workspaceId, table.state, table.dueAt, table.receivedAt),
    index('coverage_contacts_absence_client').on(table.absenceId, table.clientId),
    // Every routed message looks up its thread's open contact: all four columns, so that the planner takes this index
    // even without statistics (PGlite) and reads one entry.
    index('coverage_contacts_thread').on(table.absenceId, table.threadId, table.state, table.receivedAt),
  ],
);

/** Every mail message routed, once: the unique message id is what makes routing idempotent. */
export const coverageMessages = pgTable(
  'coverage_messages',
  {
    messageId: uuid('message_id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => coverageContacts.id, { onDelete: 'cascade' }),
    routedAt: timestamp('routed_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('coverage_messages_contact').on(table.contactId)],
);

export type ActivityKind = 'message' | 'reply' | 'call' | 'meeting' | 'outcome' | 'reassigned' | 'escalated' | 'client_attached';

/** The contact's timeline: what arrived and everything the delegates did. */
export const coverageActivities = pgTable(
  'coverage_activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => coverageContacts.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<ActivityKind>().notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (table) => [index('coverage_activities_contact').on(table.contactId, table.at)],
);

/** One escalation per contact, rule and target: retries and a second instance find it already there. */
export const escalations = pgTable(
  'escalations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    absenceId: uuid('absence_id')
      .notNull()
      .references(() => absences.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => coverageContacts.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id'),
    rule: text('rule').$type<EscalationRule>().notNull(),
    target: text('target').$type<EscalationTarget>().notNull(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => users.id),
    state: text('state').$type<EscalationState>().notNull().default('open'),
    evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by'),
    resolutionNote: text('resolution_note'),
  },
  (table) => [
    uniqueIndex('escalations_contact_rule_target').on(table.contactId, table.rule, table.target),
    index('escalations_workspace_state').on(table.workspaceId, table.state, table.createdAt),
    index('escalations_recipient').on(table.recipientId, table.state),
  ],
);

/** Business calendar and SLA targets per workspace; a workspace without a row uses the defaults. */
export const coverageSettings = pgTable('coverage_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
