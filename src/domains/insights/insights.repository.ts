// Read-only: the facts team insights count, from the absences, audit, coverage and clients tables of one workspace.
// Each absence, contact and status change comes back as one narrow record (a contact's escalations and hand-back are
// folded into it in SQL); the counting lives in insights.models.ts.
import { and, asc, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { ClientStatus } from '../../contracts/clients.contracts';
import type { Db } from '../../platform/db/database';
import { absenceCoverage, absences } from '../absences/absences.schema';
import { auditEvents } from '../audit/audit.schema';
import { clientStatusChanges } from '../clients/clients.schema';
import { coverageContacts } from '../coverage/coverage.schema';
import type { AbsenceFacts, ContactFacts, StatusChangeFacts } from './insights.models';

/** A contact as the query packs it: kind, received, due, first response, closed (epoch ms), outcome, handler, escalations. */
type PackedContact = [ContactFacts['kind'], number, number | null, number | null, number | null, ContactFacts['outcome'], string, number];

type StartedEvent = { readiness?: unknown; gateOpen?: unknown; overridden?: unknown };

/** The readiness recorded when the absence started; null when the event is missing or not of this shape. */
function readinessOf(data: StartedEvent | undefined): AbsenceFacts['readiness'] {
  if (!data || typeof data.readiness !== 'number') return null;
  return { score: data.readiness, gateOpen: data.gateOpen === true, overridden: data.overridden === true };
}

export function createInsightsRepository({ db }: { db: Db }) {
  return {
    /**
     * Absences that started (a cancelled one never did), began before `end` and stopped (returned, else planned end)
     * at or after `since`.
     */
    async absences(workspaceId: string, since: Date, end: Date): Promise<AbsenceFacts[]> {
      const rows = await db
        .select({
          id: absences.id,
          ownerId: absences.ownerId,
          startsAt: absences.startsAt,
          endsAt: absences.endsAt,
          returnedAt: absences.returnedAt,
          primaryDelegateId: absences.primaryDelegateId,
          backupDelegateId: absences.backupDelegateId,
        })
        .from(absences)
        .where(
          and(
            eq(absences.workspaceId, workspaceId),
            isNotNull(absences.startedAt),
            lt(absences.startsAt, end),
            gte(sql`coalesce(${absences.returnedAt}, ${absences.endsAt})`, since),
          ),
        )
        .orderBy(asc(absences.startsAt));
      if (rows.length === 0) return [];
      const ids = rows.map((row) => row.id);
      const started = await db
        .select({ subjectId: auditEvents.subjectId, data: auditEvents.data })
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.workspaceId, workspaceId),
            eq(auditEvents.action, 'absence.started'),
            eq(auditEvents.subjectType, 'absence'),
            inArray(auditEvents.subjectId, ids),
          ),
        )
        .orderBy(asc(auditEvents.seq));
      const readiness = new Map<string, StartedEvent>();
      for (const event of started) if (!readiness.has(event.subjectId)) readiness.set(event.subjectId, event.data);
      const covered = await db
        .selectDistinct({ absenceId: absenceCoverage.absenceId, clientId: absenceCoverage.clientId })
        .from(absenceCoverage)
        .where(and(eq(absenceCoverage.workspaceId, workspaceId), inArray(absenceCoverage.absenceId, ids)));
      const clientsOf = new Map<string, string[]>();
      for (const link of covered) clientsOf.set(link.absenceId, [...(clientsOf.get(link.absenceId) ?? []), link.clientId]);
      return rows.map((row) => ({ ...row, readiness: readinessOf(readiness.get(row.id)), clientIds: clientsOf.get(row.id) ?? [] }));
    },

    /**
     * The contacts of these absences. The handler is the first responder, else who closed the contact, else whose
     * queue it was in when the absence ended (the hand-back moved it to the owner: the delegate it came from), else
     * its assignee. Escalations count once per rule, however many people were told.
     */
    async contacts(workspaceId: string, absenceIds: string[]): Promise<ContactFacts[]> {
      if (absenceIds.length === 0) return [];
      // One JSON array per absence instead of one row per contact: PGlite spends most of such a query decoding
      // row values one by one, and a year of a busy workspace has tens of thousands of contacts (half the time).
      // The subqueries name the outer table in full: a bare "id" would resolve to the subquery's own row.
      const rows = await db
        .select({
          facts: sql<PackedContact[]>`json_agg(json_build_array(
            ${coverageContacts.kind},
            floor(extract(epoch from ${coverageContacts.receivedAt}) * 1000),
            floor(extract(epoch from ${coverageContacts.dueAt}) * 1000),
            floor(extract(epoch from ${coverageContacts.firstResponseAt}) * 1000),
            floor(extract(epoch from ${coverageContacts.closedAt}) * 1000),
            ${coverageContacts.outcome},
            coalesce(
              ${coverageContacts.firstResponderId},
              ${coverageContacts.closedBy},
              (select (a.data->>'from')::uuid from coverage_activities a
                where a.contact_id = coverage_contacts.id and a.kind = 'reassigned' and a.data->>'handBack' = 'true'
                order by a.at desc limit 1),
              ${coverageContacts.assigneeId}),
            (select count(distinct e.rule) from escalations e where e.contact_id = coverage_contacts.id)))`,
          absenceId: coverageContacts.absenceId,
        })
        .from(coverageContacts)
        .where(and(eq(coverageContacts.workspaceId, workspaceId), inArray(coverageContacts.absenceId, absenceIds)))
        .groupBy(coverageContacts.absenceId);
      const date = (epochMs: number | null) => (epochMs === null ? null : new Date(epochMs));
      return rows.flatMap(({ absenceId, facts }) =>
        facts.map(([kind, receivedAt, dueAt, firstResponseAt, closedAt, outcome, handlerId, escalations]) => ({
          absenceId,
          kind,
          receivedAt: new Date(receivedAt),
          dueAt: date(dueAt),
          firstResponseAt: date(firstResponseAt),
          closedAt: date(closedAt),
          outcome,
          handlerId,
          escalations,
        })),
      );
    },

    /** Status changes of these clients in [start, end). */
    async statusChanges(workspaceId: string, clientIds: string[], start: Date, end: Date): Promise<StatusChangeFacts[]> {
      if (clientIds.length === 0) return [];
      const rows = await db
        .select({
          clientId: clientStatusChanges.clientId,
          from: clientStatusChanges.fromStatus,
          to: clientStatusChanges.toStatus,
          at: clientStatusChanges.changedAt,
        })
        .from(clientStatusChanges)
        .where(
          and(
            eq(clientStatusChanges.workspaceId, workspaceId),
            inArray(clientStatusChanges.clientId, clientIds),
            gte(clientStatusChanges.changedAt, start),
            lt(clientStatusChanges.changedAt, end),
          ),
        )
        .orderBy(asc(clientStatusChanges.changedAt), asc(clientStatusChanges.seq));
      return rows.map((row) => ({ ...row, from: row.from as ClientStatus | null }));
    },
  };
}
export type InsightsRepository = ReturnType<typeof createInsightsRepository>;
