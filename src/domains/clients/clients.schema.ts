import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type {
  ClientStatus,
  ClientTier,
  HeaderMapping,
  ImportRowError,
  ImportStatus,
  ImportSummary,
  ProjectStatus,
} from '../../contracts/clients.contracts';
import type { Language } from '../../contracts/workspaces.contracts';
import { users, workspaces } from '../workspaces/workspaces.schema';

export const clients = pgTable(
  'clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tier: text('tier').$type<ClientTier>().notNull().default('standard'),
    status: text('status').$type<ClientStatus>().notNull().default('active'),
    language: text('language').$type<Language>().notNull(),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    notes: text('notes').notNull().default(''),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('clients_workspace_idx').on(table.workspaceId, table.name), index('clients_owner_idx').on(table.ownerId)],
);

export const clientDomains = pgTable(
  'client_domains',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    domain: text('domain').notNull(),
  },
  (table) => [
    uniqueIndex('client_domains_workspace_domain').on(table.workspaceId, table.domain),
    // Mail matches senders case-insensitively: without this every lookup reads all the workspace's domains.
    index('client_domains_workspace_lower_domain').on(table.workspaceId, sql`lower(${table.domain})`),
    index('client_domains_client_idx').on(table.clientId),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role').notNull().default(''),
    phones: jsonb('phones').$type<string[]>().notNull().default([]),
  },
  (table) => [index('contacts_client_idx').on(table.clientId)],
);

export const contactEmails = pgTable(
  'contact_emails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
  },
  (table) => [
    uniqueIndex('contact_emails_workspace_email').on(table.workspaceId, table.email),
    // Mail matches senders case-insensitively: without this every lookup reads all the workspace's addresses.
    index('contact_emails_workspace_lower_email').on(table.workspaceId, sql`lower(${table.email})`),
    index('contact_emails_contact_idx').on(table.contactId),
  ],
);

export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    status: text('status').$type<ProjectStatus>().notNull().default('active'),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [index('projects_client_idx').on(table.clientId)],
);

export const clientStatusChanges = pgTable(
  'client_status_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status').$type<ClientStatus>(),
    toStatus: text('to_status').$type<ClientStatus>().notNull(),
    reason: text('reason').notNull().default(''),
    changedBy: uuid('changed_by'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    /** Insertion order: several changes can share one instant (an import), the history must not shuffle. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (table) => [index('client_status_changes_client_idx').on(table.clientId, table.changedAt)],
);

/** A CSV upload and its progress; the file itself is kept so the import job survives a restart. */
export const clientImports = pgTable(
  'client_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    fileName: text('file_name').notNull(),
    csv: text('csv').notNull(),
    headers: jsonb('headers').$type<string[]>().notNull(),
    mapping: jsonb('mapping').$type<HeaderMapping>(),
    status: text('status').$type<ImportStatus>().notNull(),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    errors: jsonb('errors').$type<ImportRowError[]>().notNull().default([]),
    errorCount: integer('error_count').notNull().default(0),
    summary: jsonb('summary').$type<ImportSummary>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [index('client_imports_workspace_idx').on(table.workspaceId, table.createdAt)],
);
