import { and, asc, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import type { ClientStatus, ClientTier } from '../../contracts/clients.contracts';
import type { Language } from '../../contracts/workspaces.contracts';
import type { Db } from '../../platform/db/database';
import { clientDomains, clientStatusChanges, clients, contactEmails, contacts, projects } from './clients.schema';

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
  projects: { name: string; status?: string; ownerId?: string | null }[];
};

export function createClientsRepository({ db }: { db: Db }) {
  return {
    /** Inserts a client with its domains, contacts and projects in the caller's transaction. */
    async insertClient(tx: Db, input: NewClient, changedBy: string | null, now: Date) {
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
        })
        .returning();
      if (!client) throw new Error('client insert returned nothing');
      const scope = { workspaceId: input.workspaceId, clientId: client.id };
      if (input.domains.length)
        await tx.insert(clientDomains).values(input.domains.map((domain) => ({ ...scope, domain: domain.toLowerCase() })));
      for (const contact of input.contacts) {
        const [row] = await tx
          .insert(contacts)
          .values({ ...scope, name: contact.name, role: contact.role, phones: contact.phones })
          .returning();
        if (row && contact.emails.length) {
          await tx
            .insert(contactEmails)
            .values(contact.emails.map((email) => ({ workspaceId: input.workspaceId, contactId: row.id, email: email.toLowerCase() })));
        }
      }
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
      await tx.insert(clientStatusChanges).values({ ...scope, fromStatus: null, toStatus: client.status, changedBy, changedAt: now });
      return client;
    },

    /** Clients with their domains in one query (PGlite serves one query at a time). */
    listClients: (workspaceId: string) =>
      db
        .select({
          ...getTableColumns(clients),
          domains: sql<
            string[]
          >`coalesce(array(select d.domain from client_domains d where d.client_id = "clients"."id" order by d.domain), '{}')`,
        })
        .from(clients)
        .where(and(eq(clients.workspaceId, workspaceId), isNull(clients.archivedAt)))
        .orderBy(asc(clients.name)),
  };
}
export type ClientsRepository = ReturnType<typeof createClientsRepository>;
