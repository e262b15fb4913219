import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { apiTokens, invitations, sessions, users, workspaces } from './workspaces.schema';

type NewWorkspace = typeof workspaces.$inferInsert;
type NewUser = typeof users.$inferInsert;

/** All SQL of tenants, users, sessions, invitations and API tokens. Every read is scoped by workspace. */
export function createWorkspacesRepository({ db }: { db: Db }) {
  const first = <T>(rows: T[]): T | null => rows[0] ?? null;
  return {
    insertWorkspace: async (tx: Db, values: NewWorkspace) => first(await tx.insert(workspaces).values(values).returning()),
    workspaceById: async (id: string) => first(await db.select().from(workspaces).where(eq(workspaces.id, id))),
    workspaceBySlug: async (slug: string) => first(await db.select().from(workspaces).where(eq(workspaces.slug, slug))),
    listWorkspaces: () => db.select().from(workspaces).orderBy(asc(workspaces.createdAt)),
    updateWorkspace: async (tx: Db, id: string, values: Partial<NewWorkspace>) =>
      first(await tx.update(workspaces).set(values).where(eq(workspaces.id, id)).returning()),

    insertUser: async (tx: Db, values: NewUser) => first(await tx.insert(users).values(values).returning()),
    userByEmail: async (email: string) => first(await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`)),
    userInWorkspace: async (workspaceId: string, id: string) =>
      first(
        await db
          .select()
          .from(users)
          .where(and(eq(users.workspaceId, workspaceId), eq(users.id, id))),
      ),
    listUsers: (workspaceId: string) => db.select().from(users).where(eq(users.workspaceId, workspaceId)).orderBy(asc(users.name)),
    updateUser: async (tx: Db, workspaceId: string, id: string, values: Partial<NewUser>) =>
      first(
        await tx
          .update(users)
          .set(values)
          .where(and(eq(users.workspaceId, workspaceId), eq(users.id, id)))
          .returning(),
      ),

    insertSession: (tx: Db, values: typeof sessions.$inferInsert) => tx.insert(sessions).values(values),
    deleteSession: (tx: Db, idHash: string) => tx.delete(sessions).where(eq(sessions.idHash, idHash)),
    deleteUserSessions: (tx: Db, userId: string, exceptIdHash?: string) =>
      tx.delete(sessions).where(and(eq(sessions.userId, userId), exceptIdHash ? sql`${sessions.idHash} <> ${exceptIdHash}` : sql`true`)),
    activeSession: async (idHash: string, now: Date) =>
      first(
        await db
          .select({ session: sessions, user: users, workspace: workspaces })
          .from(sessions)
          .innerJoin(users, eq(users.id, sessions.userId))
          .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
          .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now), isNull(users.disabledAt))),
      ),
    deleteExpiredSessions: (now: Date) => db.delete(sessions).where(sql`${sessions.expiresAt} <= ${now.toISOString()}::timestamptz`),

    insertApiToken: async (tx: Db, values: typeof apiTokens.$inferInsert) => first(await tx.insert(apiTokens).values(values).returning()),
    activeApiToken: async (tokenHash: string) =>
      first(
        await db
          .select({ token: apiTokens, user: users, workspace: workspaces })
          .from(apiTokens)
          .innerJoin(users, eq(users.id, apiTokens.userId))
          .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
          .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), isNull(users.disabledAt))),
      ),
    touchApiToken: (id: string, now: Date) => db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id)),
    listApiTokens: (userId: string) =>
      db
        .select()
        .from(apiTokens)
        .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
        .orderBy(asc(apiTokens.createdAt)),
    revokeApiToken: async (tx: Db, userId: string, id: string, now: Date) =>
      first(
        await tx
          .update(apiTokens)
          .set({ revokedAt: now })
          .where(and(eq(apiTokens.userId, userId), eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
          .returning(),
      ),

    insertInvitation: async (tx: Db, values: typeof invitations.$inferInsert) =>
      first(await tx.insert(invitations).values(values).returning()),
    listInvitations: (workspaceId: string) =>
      db.select().from(invitations).where(eq(invitations.workspaceId, workspaceId)).orderBy(asc(invitations.createdAt)),
    invitationByTokenHash: async (tokenHash: string) =>
      first(
        await db
          .select({ invitation: invitations, workspace: workspaces })
          .from(invitations)
          .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
          .where(eq(invitations.tokenHash, tokenHash)),
      ),
    claimInvitation: async (tx: Db, id: string, now: Date) =>
      first(
        await tx
          .update(invitations)
          .set({ acceptedAt: now })
          .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
          .returning(),
      ),
    updateInvitation: async (tx: Db, workspaceId: string, id: string, values: Partial<typeof invitations.$inferInsert>) =>
      first(
        await tx
          .update(invitations)
          .set(values)
          .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.id, id)))
          .returning(),
      ),
  };
}
export type WorkspacesRepository = ReturnType<typeof createWorkspacesRepository>;
