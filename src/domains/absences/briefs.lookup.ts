import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { clients, projects } from '../clients/clients.schema';
import { users } from '../workspaces/workspaces.schema';
import { briefAcknowledgements, briefQuestions, briefs, briefVersions } from './absences.schema';

export type SharedBrief = Awaited<ReturnType<ReturnType<typeof createBriefLookup>['sharedBriefOf']>>;

/**
 * What other domains may read of a brief: the shared version a delegate works from, with its acknowledgement
 * receipts (coverage shows them beside a contact and attaches them to a `no_information` escalation).
 */
export function createBriefLookup({ db }: { db: Db }) {
  return {
    /** The client's brief in this absence (the client-wide one before project briefs), at its current shared version. */
    async sharedBriefOf(workspaceId: string, absenceId: string, clientId: string, tx: Db = db) {
      const [brief] = await tx
        .select({ id: briefs.id, currentVersion: briefs.currentVersion, projectId: briefs.projectId })
        .from(briefs)
        .where(and(eq(briefs.workspaceId, workspaceId), eq(briefs.absenceId, absenceId), eq(briefs.clientId, clientId)))
        .orderBy(asc(briefs.projectId))
        .limit(1);
      if (!brief || brief.currentVersion === 0) return null;
      const [version] = await tx
        .select()
        .from(briefVersions)
        .where(and(eq(briefVersions.briefId, brief.id), eq(briefVersions.version, brief.currentVersion)));
      if (!version) return null;
      const acknowledgements = await tx
        .select({
          delegateId: briefAcknowledgements.delegateId,
          delegateName: users.name,
          delegateRole: briefAcknowledgements.delegateRole,
          version: briefAcknowledgements.version,
          contentHash: briefAcknowledgements.contentHash,
          acknowledgedAt: briefAcknowledgements.acknowledgedAt,
          readBack: briefAcknowledgements.readBack,
          supersededAt: briefAcknowledgements.supersededAt,
        })
        .from(briefAcknowledgements)
        .innerJoin(users, eq(users.id, briefAcknowledgements.delegateId))
        .where(eq(briefAcknowledgements.briefId, brief.id))
        .orderBy(desc(briefAcknowledgements.acknowledgedAt));
      return { briefId: brief.id, version: version.version, contentHash: version.contentHash, content: version.content, acknowledgements };
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
