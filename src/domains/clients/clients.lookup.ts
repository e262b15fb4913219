import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { clientDomains, clients, contactEmails, contacts } from './clients.schema';

/**
 * What other domains ask of the clients directory: who a sender address belongs to, a client's language,
 * and adding a sender to a client (mail's "attach an unknown sender"). Kept apart from the CRUD repository.
 */
export function createClientDirectory({ db }: { db: Db }) {
  /** The contact each address belongs to (lower-cased keys); an address on several contacts takes the first. */
  async function contactsByEmails(tx: Db, workspaceId: string, emails: string[]) {
    const found = new Map<string, { contactId: string; clientId: string }>();
    if (emails.length === 0) return found;
    const rows = await tx
      .select({ email: sql<string>`lower(${contactEmails.email})`, contactId: contacts.id, clientId: contacts.clientId })
      .from(contactEmails)
      .innerJoin(contacts, eq(contacts.id, contactEmails.contactId))
      .where(
        and(
          eq(contactEmails.workspaceId, workspaceId),
          inArray(
            sql`lower(${contactEmails.email})`,
            emails.map((email) => email.toLowerCase()),
          ),
        ),
      )
      .orderBy(contacts.id);
    for (const { email, ...contact } of rows) if (!found.has(email)) found.set(email, contact);
    return found;
  }

  return {
    async contactByEmail(tx: Db, workspaceId: string, email: string) {
      return (await contactsByEmails(tx, workspaceId, [email])).get(email.toLowerCase()) ?? null;
    },
    contactsByEmails,

    domainsAmong: (tx: Db, workspaceId: string, domains: string[]) =>
      domains.length === 0
        ? Promise.resolve([])
        : tx
            .select({ clientId: clientDomains.clientId, domain: clientDomains.domain })
            .from(clientDomains)
            .where(and(eq(clientDomains.workspaceId, workspaceId), inArray(sql`lower(${clientDomains.domain})`, domains))),

    async client(workspaceId: string, clientId: string, tx: Db = db) {
      const [row] = await tx
        .select({
          id: clients.id,
          name: clients.name,
          language: clients.language,
          tier: clients.tier,
          status: clients.status,
          ownerId: clients.ownerId,
        })
        .from(clients)
        .where(and(eq(clients.workspaceId, workspaceId), eq(clients.id, clientId)));
      return row ?? null;
    },

    /** Names of clients by id, for lists of messages. */
    async names(workspaceId: string, ids: string[]) {
      if (ids.length === 0) return new Map<string, string>();
      const rows = await db
        .select({ id: clients.id, name: clients.name })
        .from(clients)
        .where(and(eq(clients.workspaceId, workspaceId), inArray(clients.id, ids)));
      return new Map(rows.map((row) => [row.id, row.name]));
    },

    /** Adds the address as a new contact of the client; returns the contact id (the existing one when already known). */
    async addContactEmail(tx: Db, input: { workspaceId: string; clientId: string; name: string; email: string }) {
      const existing = await this.contactByEmail(tx, input.workspaceId, input.email);
      if (existing) return existing;
      const [contact] = await tx
        .insert(contacts)
        .values({ workspaceId: input.workspaceId, clientId: input.clientId, name: input.name || input.email })
        .returning({ id: contacts.id });
      if (!contact) throw new Error('contact insert returned nothing');
      await tx.insert(contactEmails).values({ workspaceId: input.workspaceId, contactId: contact.id, email: input.email.toLowerCase() });
      return { contactId: contact.id, clientId: input.clientId };
    },

    async addDomain(tx: Db, input: { workspaceId: string; clientId: string; domain: string }) {
      await tx
        .insert(clientDomains)
        .values({ workspaceId: input.workspaceId, clientId: input.clientId, domain: input.domain.toLowerCase() })
        .onConflictDoNothing();
    },
  };
}
export type ClientDirectory = ReturnType<typeof createClientDirectory>;
