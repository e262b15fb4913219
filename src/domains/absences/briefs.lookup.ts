import { and, asc, eq, inArray, type SQLWrapper, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { fromJsonRow, jsonRowOf } from '../../platform/db/json-rows';
import { clients, projects } from '../clients/clients.schema';
import { users } from '../workspaces/workspaces.schema';
import { briefAcknowledgements, briefQuestions, briefs, briefVersions } from './absences.schema';

export type SharedBrief = ReturnType<typeof sharedBriefFrom>;

type AcknowledgementJson = {
  delegateId: string;
  delegateName: string;
  delegateRole: 'primary' | 'backup';
  version: number;
  contentHash: string;
  acknowledgedAt: string;
  readBack: string | null;
  supersededAt: string | null;
};

/** The brief's acknowledgement receipts, newest first, as one JSON array (the brief is read in one query). */
const acknowledgementsOfBrief = sql<AcknowledgementJson[]>`(
  select coalesce(json_agg(json_build_object(
    'delegateId', ${briefAcknowledgements.delegateId},
    'delegateName', ${users.name},
    'delegateRole', ${briefAcknowledgements.delegateRole},
    'version', ${briefAcknowledgements.version},
    'contentHash', ${briefAcknowledgements.contentHash},
    'acknowledgedAt', ${briefAcknowledgements.acknowledgedAt},
    'readBack', ${briefAcknowledgements.readBack},
    'supersededAt', ${briefAcknowledgements.supersededAt}
  ) order by ${briefAcknowledgements.acknowledgedAt} desc), '[]'::json)
  from ${briefAcknowledgements} inner join ${users} on ${users.id} = ${briefAcknowledgements.delegateId}
  where ${briefAcknowledgements.briefId} = ${briefs.id})`;

const sharedBriefFields = {
  briefId: briefs.id,
  currentVersion: briefs.currentVersion,
  version: briefVersions.version,
  contentHash: briefVersions.contentHash,
  content: briefVersions.content,
  acknowledgements: acknowledgementsOfBrief,
};
type Of = Record<'workspaceId' | 'absenceId' | 'clientId', string | SQLWrapper>;
const ofClientInAbsence = (of: Of) =>
  and(eq(briefs.workspaceId, of.workspaceId), eq(briefs.absenceId, of.absenceId), eq(briefs.clientId, of.clientId));
const atCurrentVersion = and(eq(briefVersions.briefId, briefs.id), eq(briefVersions.version, briefs.currentVersion));

/** The client's brief in this absence (the client-wide one before project briefs) with its current version, if shared. */
function selectSharedBrief(tx: Db, of: Of) {
  return tx
    .select(sharedBriefFields)
    .from(briefs)
    .leftJoin(briefVersions, atCurrentVersion)
    .where(ofClientInAbsence(of))
    .orderBy(asc(briefs.projectId))
    .limit(1);
}

/**
 * What other domains may read of a brief: the shared version a delegate works from, with its acknowledgement
 * receipts (coverage shows them beside a contact and attaches them to a `no_information` escalation).
 */
function sharedBriefFrom(row: Awaited<ReturnType<typeof selectSharedBrief>>[number] | null | undefined) {
  if (!row || row.currentVersion === 0 || row.version === null || row.contentHash === null || row.content === null) return null;
  return {
    briefId: row.briefId,
    version: row.version,
    contentHash: row.contentHash,
    content: row.content,
    acknowledgements: row.acknowledgements.map((ack) => ({
      ...ack,
      acknowledgedAt: new Date(ack.acknowledgedAt),
      supersededAt: ack.supersededAt === null ? null : new Date(ack.supersededAt),
    })),
  };
}

/**
 * For a query that reads a contact (its workspace, absence and client as columns): the client's shared brief as one
 * JSON object, read back with `sharedBriefFromJson`, so the console shows it without another round trip.
 */
export const sharedBriefJson = (of: Record<'workspaceId' | 'absenceId' | 'clientId', SQLWrapper>) =>
  jsonRowOf({
    fields: sharedBriefFields,
    from: sql`${briefs} left join ${briefVersions} on ${atCurrentVersion} where ${ofClientInAbsence(of)}`,
    orderBy: briefs.projectId,
  });
export const sharedBriefFromJson = (json: unknown): SharedBrief => sharedBriefFrom(fromJsonRow(sharedBriefFields, json));

export function createBriefLookup({ db }: { db: Db }) {
  // Built once: routing shows the brief to the delegate of every client message.
  const sharedBrief = selectSharedBrief(db, {
    workspaceId: sql.placeholder('workspaceId'),
    absenceId: sql.placeholder('absenceId'),
    clientId: sql.placeholder('clientId'),
  }).prepare('shared_brief_of');
  return {
    /** The client's brief in this absence (the client-wide one before project briefs), at its current shared version. */
    async sharedBriefOf(workspaceId: string, absenceId: string, clientId: string, tx: Db = db) {
      const of = { workspaceId, absenceId, clientId };
      const [row] = tx === db ? await sharedBrief.execute(of) : await selectSharedBrief(tx, of);
      return sharedBriefFrom(row);
    },

    /** The handover record of an absence, for its report: every brief with its versions, receipts and questions. */
    async handoverOf(workspaceId: string, absenceId: string) {
      const rows = await db
        .select({
          id: briefs.id,
          clientId: briefs.clientId,
          clientName: clients.name,
          tier: clients.tier,
          projectName: projects.name,
          currentVersion: briefs.currentVersion,
        })
        .from(briefs)
        .innerJoin(clients, eq(clients.id, briefs.clientId))
        .leftJoin(projects, eq(projects.id, briefs.projectId))
        .where(and(eq(briefs.workspaceId, workspaceId), eq(briefs.absenceId, absenceId)))
        .orderBy(asc(clients.name), asc(projects.name));
      const ids = rows.map((row) => row.id);
      if (ids.length === 0) return [];
      const versions = await db
        .select({
          briefId: briefVersions.briefId,
          version: briefVersions.version,
          contentHash: briefVersions.contentHash,
          createdAt: briefVersions.createdAt,
          createdBy: briefVersions.createdBy,
        })
        .from(briefVersions)
        .where(inArray(briefVersions.briefId, ids))
        .orderBy(asc(briefVersions.version));
      const acknowledgements = await db
        .select()
        .from(briefAcknowledgements)
        .where(inArray(briefAcknowledgements.briefId, ids))
        .orderBy(asc(briefAcknowledgements.acknowledgedAt));
      const questions = await db
        .select()
        .from(briefQuestions)
        .where(inArray(briefQuestions.briefId, ids))
        .orderBy(asc(briefQuestions.askedAt));
      return rows.map((row) => ({
        ...row,
        versions: versions.filter((version) => version.briefId === row.id),
        acknowledgements: acknowledgements.filter((ack) => ack.briefId === row.id),
        questions: questions.filter((question) => question.briefId === row.id),
      }));
    },
  };
}
export type BriefLookup = ReturnType<typeof createBriefLookup>;
