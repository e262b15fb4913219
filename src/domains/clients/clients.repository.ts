import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, getTableColumns, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type {
  ClientStatus,
  ClientTier,
  Contact,
  ImportRowError,
  ImportStatus,
  ImportSummary,
  ListClientsQuery,
  Project,
  ProjectStatus,
  StatusChange,
} from '../../contracts/clients.contracts';
import type { Language } from '../../contracts/workspaces.contracts';
import type { Db } from '../../platform/db/database';
import { users } from '../workspaces/workspaces.schema';
import type { ExistingClient } from './clients.import.models';
import { likePattern } from './clients.models';
import { clientDomains, clientImports, clientStatusChanges, clients, contactEmails, contacts, projects } from './clients.schema';

export type NewClient = {
  workspaceId: string;
  name: string;
  tier: ClientTier;
  status?: ClientStatus;
  language: Language;
  ownerId: string | null;
  notes?: string;
  domains: string[];
  contacts: { name: string; role: string; emails: string[]; phones: string[] }[];
  projects: { name: string; status?: ProjectStatus; ownerId?: string | null }[];
};

export type ClientFilters = Omit<ListClientsQuery, 'includeArchived' | 'limit' | 'offset'> & {
  includeArchived?: boolean;
  limit?: number;
  offset?: number;
};

export type ClientFieldChanges = Partial<{
  name: string;
  tier: ClientTier;
  status: ClientStatus;
  language: Language;
  ownerId: string | null;
  notes: string;
  archivedAt: Date | null;
}>;

/** Bulk statements stay well under PostgreSQL's 65,535 bind parameters. */
const CHUNK = 1000;
const chunks = <T>(items: readonly T[], size = CHUNK): T[][] => {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
  return out;
};

const domainsOfClient = sql<
  string[]
>`coalesce(array(select d.domain from client_domains d where d.client_id = "clients"."id" order by d.domain), '{}')`;

export function createClientsRepository({ db }: { db: Db }) {
  async function insertContacts(tx: Db, workspaceId: string, clientId: string, list: NewClient['contacts']) {
    const rows = list.map((contact) => ({ id: randomUUID(), workspaceId, clientId, ...contact }));
    for (const part of chunks(rows, 500))
      await tx.insert(contacts).values(part.map(({ emails: _emails, ...row }) => ({ ...row, phones: row.phones })));
    const emails = rows.flatMap((row) => row.emails.map((email) => ({ workspaceId, contactId: row.id, email: email.toLowerCase() })));
    for (const part of chunks(emails)) await tx.insert(contactEmails).values(part);
    return rows.map((row) => row.id);
  }

  return {
    /** Inserts a client with its domains, contacts and projects in the caller's transaction. */
    async insertClient(tx: Db, input: NewClient, changedBy: string | null, now: Date, reason = '') {
      const [client] = await tx
        .insert(clients)
        .values({
          workspaceId: input.workspaceId,
          name: input.name,
          tier: input.tier,
          status: input.status ?? 'active',
          language: input.language,
          ownerId: input.ownerId,
          notes: input.notes ?? '',
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!client) throw new Error('client insert returned nothing');
      const scope = { workspaceId: input.workspaceId, clientId: client.id };
      if (input.domains.length)
        await tx.insert(clientDomains).values(input.domains.map((domain) => ({ ...scope, domain: domain.toLowerCase() })));
      if (input.contacts.length) await insertContacts(tx, input.workspaceId, client.id, input.contacts);
      if (input.projects.length) {
        await tx.insert(projects).values(
          input.projects.map((project) => ({
            ...scope,
            name: project.name,
            status: project.status ?? 'active',
            ownerId: project.ownerId ?? input.ownerId,
          })),
        );
      }
      await tx
        .insert(clientStatusChanges)
        .values({ ...scope, fromStatus: null, toStatus: client.status, reason, changedBy, changedAt: now });
      return client;
    },

    /** Clients with their domains, filtered, in name order; `total` counts every match regardless of limit and offset. */
    async listClients(workspaceId: string, filters: ClientFilters = {}) {
      const conditions: SQL[] = [eq(clients.workspaceId, workspaceId)];
      if (!filters.includeArchived) conditions.push(isNull(clients.archivedAt));
      if (filters.tier) conditions.push(eq(clients.tier, filters.tier));
      if (filters.status) conditions.push(eq(clients.status, filters.status));
      if (filters.ownerId) conditions.push(eq(clients.ownerId, filters.ownerId));
      if (filters.q) {
        const pattern = likePattern(filters.q.toLowerCase());
        conditions.push(
          sql`(lower(${clients.name}) like ${pattern}
            or exists (select 1 from client_domains d where d.client_id = ${clients.id} and d.domain like ${pattern})
            or exists (select 1 from contacts c join contact_emails e on e.contact_id = c.id
                       where c.client_id = ${clients.id} and e.email like ${pattern}))`,
        );
      }
      const rows = await db
        .select({ ...getTableColumns(clients), domains: domainsOfClient, total: sql<number>`count(*) over ()` })
        .from(clients)
        .where(and(...conditions))
        .orderBy(asc(sql`lower(${clients.name})`), asc(clients.id))
        .limit(filters.limit ?? 1_000_000)
        .offset(filters.offset ?? 0);
      return { rows: rows.map(({ total: _total, ...row }) => row), total: Number(rows[0]?.total ?? 0) };
    },

    async clientById(workspaceId: string, clientId: string, tx: Db = db) {
      const [row] = await tx
        .select({ ...getTableColumns(clients), domains: domainsOfClient })
        .from(clients)
        .where(and(eq(clients.workspaceId, workspaceId), eq(clients.id, clientId)));
      return row ?? null;
    },

    async contactsOf(clientId: string): Promise<Contact[]> {
      const rows = await db
        .select({
          ...getTableColumns(contacts),
          emails: sql<
            string[]
          >`coalesce(array(select e.email from contact_emails e where e.contact_id = "contacts"."id" order by e.email), '{}')`,
        })
        .from(contacts)
        .where(eq(contacts.clientId, clientId))
        .orderBy(asc(contacts.name), asc(contacts.id));
      return rows.map((row) => ({ id: row.id, name: row.name, role: row.role, emails: row.emails, phones: row.phones }));
    },

    async projectsOf(clientId: string): Promise<Project[]> {
      const rows = await db.select().from(projects).where(eq(projects.clientId, clientId)).orderBy(asc(projects.name), asc(projects.id));
      return rows.map((row) => ({ id: row.id, name: row.name, status: row.status, ownerId: row.ownerId }));
    },

    async statusHistoryOf(clientId: string): Promise<StatusChange[]> {
      const rows = await db
        .select({ change: clientStatusChanges, userName: users.name })
        .from(clientStatusChanges)
        .leftJoin(users, eq(users.id, clientStatusChanges.changedBy))
        .where(eq(clientStatusChanges.clientId, clientId))
        .orderBy(desc(clientStatusChanges.changedAt), desc(clientStatusChanges.seq));
      return rows.map(({ change, userName }) => ({
        id: change.id,
        fromStatus: change.fromStatus,
        toStatus: change.toStatus,
        reason: change.reason,
        changedBy: change.changedBy,
        changedByName: userName,
        changedAt: change.changedAt.toISOString(),
      }));
    },

    /** The client's status and owner, its row locked until the transaction ends (status changes are serialised). */
    async lockClientStatus(tx: Db, workspaceId: string, clientId: string) {
      const [row] = await tx
        .select({ id: clients.id, status: clients.status, ownerId: clients.ownerId })
        .from(clients)
        .where(and(eq(clients.workspaceId, workspaceId), eq(clients.id, clientId)))
        .for('update');
      return row ?? null;
    },

    async updateClient(tx: Db, workspaceId: string, clientId: string, changes: ClientFieldChanges, now: Date) {
      const [row] = await tx
        .update(clients)
        .set({ ...changes, updatedAt: now })
        .where(and(eq(clients.workspaceId, workspaceId), eq(clients.id, clientId)))
        .returning();
      return row ?? null;
    },

    async replaceDomains(tx: Db, workspaceId: string, clientId: string, domains: string[]) {
      await tx.delete(clientDomains).where(eq(clientDomains.clientId, clientId));
      if (domains.length) await tx.insert(clientDomains).values(domains.map((domain) => ({ workspaceId, clientId, domain })));
    },

    async contactById(clientId: string, contactId: string) {
      const [row] = await db
        .select()
        .from(contacts)
        .where(and(eq(contacts.clientId, clientId), eq(contacts.id, contactId)));
      return row ?? null;
    },

    async insertContact(tx: Db, workspaceId: string, clientId: string, contact: NewClient['contacts'][number]) {
      const [id] = await insertContacts(tx, workspaceId, clientId, [contact]);
      if (!id) throw new Error('contact insert returned nothing');
      return id;
    },

    async updateContact(
      tx: Db,
      workspaceId: string,
      contactId: string,
      changes: Partial<{ name: string; role: string; phones: string[]; emails: string[] }>,
    ) {
      const { emails, ...fields } = changes;
      if (Object.keys(fields).length) await tx.update(contacts).set(fields).where(eq(contacts.id, contactId));
      if (emails) {
        await tx.delete(contactEmails).where(eq(contactEmails.contactId, contactId));
        if (emails.length) await tx.insert(contactEmails).values(emails.map((email) => ({ workspaceId, contactId, email })));
      }
    },

    deleteContact: (tx: Db, contactId: string) => tx.delete(contacts).where(eq(contacts.id, contactId)),

    async projectById(clientId: string, projectId: string) {
      const [row] = await db
        .select()
        .from(projects)
        .where(and(eq(projects.clientId, clientId), eq(projects.id, projectId)));
      return row ?? null;
    },

    async insertProject(
      tx: Db,
      project: { workspaceId: string; clientId: string; name: string; status: ProjectStatus; ownerId: string | null },
    ) {
      const [row] = await tx.insert(projects).values(project).returning();
      if (!row) throw new Error('project insert returned nothing');
      return row;
    },

    async updateProject(tx: Db, projectId: string, changes: Partial<{ name: string; status: ProjectStatus; ownerId: string | null }>) {
      const [row] = await tx.update(projects).set(changes).where(eq(projects.id, projectId)).returning();
      return row ?? null;
    },

    deleteProject: (tx: Db, projectId: string) => tx.delete(projects).where(eq(projects.id, projectId)),

    // ---- CSV import: what the workspace holds, read in a few set-based queries ----

    async domainOwners(workspaceId: string, domains: readonly string[]) {
      const owners = new Map<string, string>();
      for (const part of chunks([...new Set(domains)])) {
        const rows = await db
          .select({ domain: clientDomains.domain, clientId: clientDomains.clientId })
          .from(clientDomains)
          .where(and(eq(clientDomains.workspaceId, workspaceId), inArray(clientDomains.domain, part)));
        for (const row of rows) owners.set(row.domain, row.clientId);
      }
      return owners;
    },

    async emailOwners(workspaceId: string, emails: readonly string[]) {
      const owners = new Map<string, string>();
      for (const part of chunks([...new Set(emails)])) {
        const rows = await db
          .select({ email: contactEmails.email, clientId: contacts.clientId })
          .from(contactEmails)
          .innerJoin(contacts, eq(contacts.id, contactEmails.contactId))
          .where(and(eq(contactEmails.workspaceId, workspaceId), inArray(contactEmails.email, part)));
        for (const row of rows) owners.set(row.email, row.clientId);
      }
      return owners;
    },

    /** Every client's matching key (id, name, owner); the full rows only for `withDetails`. */
    async clientNames(workspaceId: string) {
      return db.select({ id: clients.id, name: clients.name }).from(clients).where(eq(clients.workspaceId, workspaceId));
    },

    async clientsForImport(workspaceId: string, clientIds: readonly string[]): Promise<Map<string, ExistingClient>> {
      const found = new Map<string, ExistingClient>();
      for (const part of chunks([...new Set(clientIds)])) {
        const rows = await db
          .select()
          .from(clients)
          .where(and(eq(clients.workspaceId, workspaceId), inArray(clients.id, part)));
        for (const row of rows)
          found.set(row.id, {
            id: row.id,
            name: row.name,
            tier: row.tier,
            status: row.status,
            language: row.language,
            ownerId: row.ownerId,
            notes: row.notes,
            contacts: [],
          });
        const contactRows = await db
          .select({
            ...getTableColumns(contacts),
            emails: sql<string[]>`coalesce(array(select e.email from contact_emails e where e.contact_id = "contacts"."id"), '{}')`,
          })
          .from(contacts)
          .where(inArray(contacts.clientId, part));
        for (const row of contactRows)
          found.get(row.clientId)?.contacts.push({ id: row.id, name: row.name, role: row.role, emails: row.emails, phones: row.phones });
      }
      return found;
    },

    /** Multi-row inserts with ids made here, so children need no RETURNING round trip. */
    async insertClientsBulk(
      tx: Db,
      rows: {
        id: string;
        workspaceId: string;
        name: string;
        tier: ClientTier;
        status: ClientStatus;
        language: Language;
        ownerId: string | null;
        notes: string;
        createdAt: Date;
        updatedAt: Date;
      }[],
    ) {
      for (const part of chunks(rows, 500)) await tx.insert(clients).values(part);
    },

    async insertDomainsBulk(tx: Db, rows: { workspaceId: string; clientId: string; domain: string }[]) {
      for (const part of chunks(rows)) await tx.insert(clientDomains).values(part);
    },

    async insertContactsBulk(
      tx: Db,
      rows: { id: string; workspaceId: string; clientId: string; name: string; role: string; phones: string[] }[],
    ) {
      for (const part of chunks(rows, 500)) await tx.insert(contacts).values(part);
    },

    async insertContactEmailsBulk(tx: Db, rows: { workspaceId: string; contactId: string; email: string }[]) {
      for (const part of chunks(rows)) await tx.insert(contactEmails).values(part);
    },

    async insertStatusChangesBulk(tx: Db, rows: (typeof clientStatusChanges.$inferInsert)[]) {
      for (const part of chunks(rows, 500)) await tx.insert(clientStatusChanges).values(part);
    },

    /** One UPDATE … FROM (VALUES …) per chunk instead of one statement per client. */
    async updateClientsBulk(
      tx: Db,
      workspaceId: string,
      rows: {
        id: string;
        name: string;
        tier: ClientTier;
        status: ClientStatus;
        language: Language;
        ownerId: string | null;
        notes: string;
      }[],
      now: Date,
    ) {
      for (const part of chunks(rows, 500)) {
        const values = sql.join(
          part.map(
            (row) => sql`(${row.id}::uuid, ${row.name}, ${row.tier}, ${row.status}, ${row.language}, ${row.ownerId}::uuid, ${row.notes})`,
          ),
          sql`, `,
        );
        await tx.execute(sql`UPDATE clients SET name = v.name, tier = v.tier, status = v.status, language = v.language,
              owner_id = v.owner_id, notes = v.notes, updated_at = ${now.toISOString()}::timestamptz
            FROM (VALUES ${values}) AS v(id, name, tier, status, language, owner_id, notes)
            WHERE clients.id = v.id AND clients.workspace_id = ${workspaceId}::uuid`);
      }
    },

    async updateContactsBulk(tx: Db, rows: { id: string; role: string; phones: string[] }[]) {
      for (const part of chunks(rows, 500)) {
        const values = sql.join(
          part.map((row) => sql`(${row.id}::uuid, ${row.role}, ${JSON.stringify(row.phones)}::jsonb)`),
          sql`, `,
        );
        await tx.execute(sql`UPDATE contacts SET role = v.role, phones = v.phones
            FROM (VALUES ${values}) AS v(id, role, phones) WHERE contacts.id = v.id`);
      }
    },

    // ---- Import records ----

    async insertImport(input: typeof clientImports.$inferInsert) {
      const [row] = await db.insert(clientImports).values(input).returning();
      if (!row) throw new Error('import insert returned nothing');
      return row;
    },

    async importById(workspaceId: string, importId: string, tx: Db = db) {
      const [row] = await tx
        .select()
        .from(clientImports)
        .where(and(eq(clientImports.workspaceId, workspaceId), eq(clientImports.id, importId)));
      return row ?? null;
    },

    async importByIdAnyWorkspace(importId: string) {
      const [row] = await db.select().from(clientImports).where(eq(clientImports.id, importId));
      return row ?? null;
    },

    async updateImport(
      tx: Db,
      importId: string,
      changes: Partial<{
        status: ImportStatus;
        mapping: Record<string, string | null>;
        total: number;
        processed: number;
        errors: ImportRowError[];
        errorCount: number;
        summary: ImportSummary | null;
        finishedAt: Date | null;
      }>,
      onlyWhenStatusIn?: ImportStatus[],
    ) {
      const [row] = await tx
        .update(clientImports)
        .set(changes as Partial<typeof clientImports.$inferInsert>)
        .where(and(eq(clientImports.id, importId), onlyWhenStatusIn ? inArray(clientImports.status, onlyWhenStatusIn) : undefined))
        .returning({ id: clientImports.id });
      return row ?? null;
    },
  };
}
export type ClientsRepository = ReturnType<typeof createClientsRepository>;
