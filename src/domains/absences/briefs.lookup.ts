import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { users } from '../workspaces/workspaces.schema';
import { briefAcknowledgements, briefs, briefVersions } from './absences.schema';

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
  };
}
export type BriefLookup = ReturnType<typeof createBriefLookup>;
