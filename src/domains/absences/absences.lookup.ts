import { and, eq, gt, inArray, lte, type SQLWrapper, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { fromJsonRows, jsonRowsOf } from '../../platform/db/json-rows';
import type { AwayAbsence } from './absences.models';
import { overlapping } from './absences.repository';
import { type AbsenceState, absenceCoverage, absences } from './absences.schema';

/**
 * The absences a message can belong to: every absence past its draft whose window [startsAt, endsAt) holds
 * the arrival time. Handover (started late behind the gate), returned and closed count too: the message
 * arrived while the owner was away and belongs to that record. Whether to auto-reply is decided separately
 * (only while the absence is active).
 */
export const LINKABLE_ABSENCE_STATES: AbsenceState[] = ['handover', 'active', 'returned', 'closed'];

const awayColumns = {
  id: absences.id,
  ownerId: absences.ownerId,
  state: absences.state,
  startsAt: absences.startsAt,
  endsAt: absences.endsAt,
  startedAt: absences.startedAt,
  returnedAt: absences.returnedAt,
};
type AbsenceColumns = Record<
  'id' | 'workspaceId' | 'startsAt' | 'endsAt' | 'primaryDelegateId' | 'backupDelegateId' | 'managerId',
  SQLWrapper
>;

/**
 * For a query that reads an absence (under an alias): the other absences of its delegates and manager that overlap it,
 * as one JSON array for `coverFrom` (read back with `awayAbsencesFromJson`), so who of them is away takes no second
 * round trip.
 */
export const othersOverlappingJson = (absence: AbsenceColumns) =>
  jsonRowsOf({
    fields: awayColumns,
    from: sql`${absences} where ${overlapping({
      workspaceId: absence.workspaceId,
      userIds: sql`array[${absence.primaryDelegateId}, ${absence.backupDelegateId}, ${absence.managerId}]`,
      from: absence.startsAt,
      to: absence.endsAt,
      exceptId: absence.id,
    })}`,
  });
export const awayAbsencesFromJson = (json: unknown): AwayAbsence[] => fromJsonRows(awayColumns, json);

export function createAbsenceLookup({ db }: { db: Db }) {
  // Built once: routing and the SLA timers read the absence of every message and contact they handle.
  const absenceById = db
    .select()
    .from(absences)
    .where(and(eq(absences.workspaceId, sql.placeholder('workspaceId')), eq(absences.id, sql.placeholder('id'))))
    .prepare('absence_by_id');
  const inForceDuring = (tx: Db, workspaceId: string, ownerId: string, from: Date, to: Date) =>
    tx
      .select()
      .from(absences)
      .where(
        and(
          eq(absences.workspaceId, workspaceId),
          eq(absences.ownerId, ownerId),
          lte(absences.startsAt, to),
          gt(absences.endsAt, from),
          inArray(absences.state, LINKABLE_ABSENCE_STATES),
        ),
      );
  return {
    async inForce(tx: Db, workspaceId: string, ownerId: string, at: Date) {
      return absenceInForceAt(await inForceDuring(tx, workspaceId, ownerId, at, at), at);
    },
    /** The linkable absences of an owner overlapping [from, to]: pick one per moment with `absenceInForceAt`. */
    inForceDuring,
    /** Active absences whose coverage includes this client (a logged call belongs to the one its logger covers). */
    async activeCovering(workspaceId: string, clientId: string) {
      return db
        .selectDistinct({ absence: absences })
        .from(absences)
        .innerJoin(absenceCoverage, eq(absenceCoverage.absenceId, absences.id))
        .where(and(eq(absences.workspaceId, workspaceId), eq(absences.state, 'active'), eq(absenceCoverage.clientId, clientId)))
        .then((rows) => rows.map((row) => row.absence));
    },
    async byId(workspaceId: string, id: string, tx: Db = db) {
      const [row] =
        tx === db
          ? await absenceById.execute({ workspaceId, id })
          : await tx
              .select()
              .from(absences)
              .where(and(eq(absences.workspaceId, workspaceId), eq(absences.id, id)));
      return row ?? null;
    },
  };
}
/** The absence a message arriving at `at` belongs to: the latest-starting one whose window holds that moment. */
export function absenceInForceAt<A extends { startsAt: Date; endsAt: Date }>(candidates: A[], at: Date): A | null {
  let found: A | null = null;
  for (const absence of candidates) {
    if (absence.startsAt > at || absence.endsAt <= at) continue;
    if (!found || absence.startsAt > found.startsAt) found = absence;
  }
  return found;
}

export type AbsenceLookup = ReturnType<typeof createAbsenceLookup>;
