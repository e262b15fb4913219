import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { users, workspaces } from './workspaces.schema';

export type Person = { id: string; name: string; email: string };

/**
 * What other domains read of a workspace and its people inside their own transaction (webhook payloads name who
 * is away, who covers, who was told): only names and addresses, scoped by workspace.
 */
export function createPeopleLookup() {
  return {
    async workspace(tx: Db, workspaceId: string) {
      const [row] = await tx
        .select({ id: workspaces.id, slug: workspaces.slug, name: workspaces.name })
        .from(workspaces)
        .where(eq(workspaces.id, workspaceId));
      return row ?? null;
    },
    async people(tx: Db, workspaceId: string, ids: (string | null | undefined)[]): Promise<Map<string, Person>> {
      const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
      if (wanted.length === 0) return new Map();
      const rows = await tx
        .select({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, wanted)));
      return new Map(rows.map((row) => [row.id, row]));
    },
  };
}
export type PeopleLookup = ReturnType<typeof createPeopleLookup>;
