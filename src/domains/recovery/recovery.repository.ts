import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { absenceCoverage } from '../absences/absences.schema';
import { clients } from '../clients/clients.schema';
import { autoReplies, mailMessages } from '../mail/mail.schema';

/** Read-only joins the return briefing needs from other domains' tables, one query each. */
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
  };
}
export type RecoveryRepository = ReturnType<typeof createRecoveryRepository>;
