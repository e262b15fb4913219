import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { absenceCoverage } from '../absences/absences.schema';
import { clients, contactEmails, contacts } from '../clients/clients.schema';
import { autoReplies, mailMessages } from '../mail/mail.schema';

/** Read-only joins the return briefing and the recovery tasks need from other domains' tables, one query each. */
export function createRecoveryRepository({ db }: { db: Db }) {
  return {
    /** The clients an absence covered (a client covered through several projects appears once). */
    coveredClients: (workspaceId: string, absenceId: string) =>
      db
        .selectDistinct({ id: clients.id, name: clients.name, tier: clients.tier, status: clients.status, language: clients.language })
        .from(absenceCoverage)
        .innerJoin(clients, eq(clients.id, absenceCoverage.clientId))
        .where(and(eq(absenceCoverage.workspaceId, workspaceId), eq(absenceCoverage.absenceId, absenceId))),

    /** Auto-replies sent during the absence, per client of the message answered. */
    async autoRepliesByClient(workspaceId: string, absenceId: string) {
      const rows = await db
        .select({ clientId: mailMessages.clientId, count: sql<number>`count(*)`.mapWith(Number) })
        .from(autoReplies)
        .innerJoin(mailMessages, eq(mailMessages.id, autoReplies.messageId))
        .where(and(eq(autoReplies.workspaceId, workspaceId), eq(mailMessages.absenceId, absenceId)))
        .groupBy(mailMessages.clientId);
      return new Map(rows.map((row) => [row.clientId, row.count]));
    },

    /** Every auto-reply sent to a message of the absence, oldest first: for the report. */
    autoRepliesOfAbsence: (workspaceId: string, absenceId: string) =>
      db
        .select({
          messageId: autoReplies.messageId,
          clientId: mailMessages.clientId,
          sender: autoReplies.sender,
          queuedAt: autoReplies.queuedAt,
        })
        .from(autoReplies)
        .innerJoin(mailMessages, eq(mailMessages.id, autoReplies.messageId))
        .where(and(eq(autoReplies.workspaceId, workspaceId), eq(mailMessages.absenceId, absenceId)))
        .orderBy(asc(autoReplies.queuedAt)),

    /** The client's latest message during the absence: a message to the client is threaded to it. */
    async lastClientMessage(workspaceId: string, absenceId: string, clientId: string) {
      const [row] = await db
        .select({
          id: mailMessages.id,
          mailboxId: mailMessages.mailboxId,
          fromAddress: mailMessages.fromAddress,
          fromName: mailMessages.fromName,
          subject: mailMessages.subject,
          messageIdHeader: mailMessages.messageIdHeader,
          references: mailMessages.references,
        })
        .from(mailMessages)
        .where(
          and(
            eq(mailMessages.workspaceId, workspaceId),
            eq(mailMessages.absenceId, absenceId),
            eq(mailMessages.clientId, clientId),
            eq(mailMessages.status, 'ingested'),
            isNotNull(mailMessages.fromAddress),
          ),
        )
        .orderBy(desc(mailMessages.receivedAt), desc(mailMessages.id))
        .limit(1);
      return row ?? null;
    },

    /** The client's first contact with an address (by name), when nobody wrote during the absence. */
    async firstClientContact(workspaceId: string, clientId: string) {
      const [row] = await db
        .select({ name: contacts.name, email: contactEmails.email })
        .from(contacts)
        .innerJoin(contactEmails, eq(contactEmails.contactId, contacts.id))
        .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.clientId, clientId)))
        .orderBy(asc(contacts.name), asc(contactEmails.email))
        .limit(1);
      return row ?? null;
    },
  };
}
export type RecoveryRepository = ReturnType<typeof createRecoveryRepository>;
