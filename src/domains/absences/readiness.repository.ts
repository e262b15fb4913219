import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { auditEvents } from '../audit/audit.schema';
import { clients } from '../clients/clients.schema';
import { absenceCoverage, absences, briefs } from './absences.schema';

/**
 * What readiness needs, in two queries whatever the number of briefs: each brief with its client,
 * the primary delegate's current acknowledgement and its open questions; and the covered clients.
 */
export function createReadinessRepository({ db }: { db: Db }) {
  return {
    absence: async (workspaceId: string, id: string, tx: Db = db) =>
      (
        await tx
          .select()
          .from(absences)
          .where(and(eq(absences.workspaceId, workspaceId), eq(absences.id, id)))
      )[0] ?? null,

    briefStates: (workspaceId: string, absenceId: string, primaryDelegateId: string, tx: Db = db) =>
      tx
        .select({
          briefId: briefs.id,
          clientId: briefs.clientId,
          clientName: clients.name,
          keyAccount: sql<boolean>`${clients.tier} = 'key'`.mapWith(Boolean),
          currentVersion: briefs.currentVersion,
          primaryReadBackStatus: sql<'not_required' | 'pending' | 'accepted' | 'asked_again' | null>`(
            select a.read_back_status from brief_acknowledgements a
            where a.brief_id = ${briefs.id} and a.delegate_id = ${primaryDelegateId}
              and a.version = ${briefs.currentVersion} and a.superseded_at is null
            order by a.acknowledged_at desc limit 1)`,
          openQuestions: sql<number>`(select count(*) from brief_questions q where q.brief_id = ${briefs.id} and q.answer is null)`.mapWith(
            Number,
          ),
        })
        .from(briefs)
        .innerJoin(clients, eq(clients.id, briefs.clientId))
        .where(and(eq(briefs.workspaceId, workspaceId), eq(briefs.absenceId, absenceId))),

    coveredClients: (workspaceId: string, absenceId: string, tx: Db = db) =>
      tx
        .selectDistinct({
          clientId: clients.id,
          clientName: clients.name,
          keyAccount: sql<boolean>`${clients.tier} = 'key'`.mapWith(Boolean),
        })
        .from(absenceCoverage)
        .innerJoin(clients, eq(clients.id, absenceCoverage.clientId))
        .where(and(eq(absenceCoverage.workspaceId, workspaceId), eq(absenceCoverage.absenceId, absenceId))),

    /** Whether "readiness reached" was already recorded for this set of brief versions. */
    async readinessAnnounced(tx: Db, workspaceId: string, absenceId: string, versionSet: string) {
      const rows = await tx
        .select({ id: auditEvents.id })
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.workspaceId, workspaceId),
            eq(auditEvents.action, 'absence.readiness_reached'),
            eq(auditEvents.subjectId, absenceId),
            sql`${auditEvents.data}->>'versionSet' = ${versionSet}`,
          ),
        )
        .limit(1);
      return rows.length > 0;
    },
  };
}
export type ReadinessRepository = ReturnType<typeof createReadinessRepository>;
