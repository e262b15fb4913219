import type { Clock } from '../../platform/clock/clock';
import type { Db } from '../../platform/db/database';
import { hashPassword, verifyPassword } from '../../platform/security/passwords';
import { newSecretToken, sha256Hex } from '../../platform/security/tokens';
import type { AuditLog } from '../audit/audit.repository';
import type { PrincipalCache } from './principal-cache';
import { workspaceErrors } from './workspaces.errors';
import type { WorkspacesRepository } from './workspaces.repository';
import type { users, workspaces } from './workspaces.schema';

export type Principal = {
  user: typeof users.$inferSelect;
  workspace: typeof workspaces.$inferSelect;
  /** Set for cookie sessions: the CSRF token writes must echo, and the session to rotate. */
  session: { idHash: string; csrfToken: string } | null;
};

type AuthDeps = {
  db: Db;
  clock: Clock;
  auditLog: AuditLog;
  workspacesRepository: WorkspacesRepository;
  principalCache: PrincipalCache;
  sessionTtlHours: number;
  /** Outside demo mode the demo workspace's published passwords must not open anything. */
  demoMode: boolean;
};

export function createAuthUseCases(deps: AuthDeps) {
  const { db, clock, auditLog, workspacesRepository: repo, principalCache, sessionTtlHours, demoMode } = deps;
  return {
    /** A new session on every login (the old one, if any, is deleted): no session fixation. */
    async login({ email, password, previousSessionToken }: { email: string; password: string; previousSessionToken?: string }) {
      const user = await repo.userByEmail(email);
      const valid = await verifyPassword(user?.passwordHash ?? null, password);
      if (!user || !valid || user.disabledAt) throw workspaceErrors.invalidCredentials();
      const workspace = await repo.workspaceById(user.workspaceId);
      if (!workspace || (workspace.isDemo && !demoMode)) throw workspaceErrors.invalidCredentials();
      const token = newSecretToken();
      const csrfToken = newSecretToken();
      const now = clock.now();
      await db
        .transaction(async (tx) => {
          if (previousSessionToken) await repo.deleteSession(tx, sha256Hex(previousSessionToken));
          await repo.insertSession(tx, {
            idHash: sha256Hex(token),
            userId: user.id,
            workspaceId: user.workspaceId,
            csrfToken,
            createdAt: now,
            expiresAt: new Date(now.getTime() + sessionTtlHours * 3_600_000),
          });
          await auditLog.append(tx, {
            workspaceId: user.workspaceId,
            actorId: user.id,
            action: 'auth.login',
            subjectType: 'user',
            subjectId: user.id,
          });
        })
        .finally(principalCache.clear);
      return { token, csrfToken, user, workspace, expiresInSeconds: sessionTtlHours * 3600 };
    },

    async logout(principal: Principal) {
      const session = principal.session;
      if (!session) return;
      await db
        .transaction(async (tx) => {
          await repo.deleteSession(tx, session.idHash);
          await auditLog.append(tx, {
            workspaceId: principal.workspace.id,
            actorId: principal.user.id,
            action: 'auth.logout',
            subjectType: 'user',
            subjectId: principal.user.id,
          });
        })
        .finally(principalCache.clear);
    },

    /** Read through the principal cache: see principal-cache.ts for how stale it may be. */
    async principalFromSession(token: string): Promise<Principal | null> {
      const idHash = sha256Hex(token);
      return principalCache.read(idHash, async () => {
        const row = await repo.activeSession(idHash, clock.now());
        if (!row || (row.workspace.isDemo && !demoMode)) return null;
        const session = { idHash: row.session.idHash, csrfToken: row.session.csrfToken };
        return { principal: { user: row.user, workspace: row.workspace, session }, sessionExpiresAt: row.session.expiresAt };
      });
    },

    async principalFromApiToken(token: string): Promise<Principal | null> {
      const row = await repo.activeApiToken(sha256Hex(token));
      if (!row || (row.workspace.isDemo && !demoMode)) return null;
      await repo.touchApiToken(row.token.id, clock.now());
      return { user: row.user, workspace: row.workspace, session: null };
    },

    async changePassword(principal: Principal, { currentPassword, newPassword }: { currentPassword: string; newPassword: string }) {
      if (!(await verifyPassword(principal.user.passwordHash, currentPassword))) throw workspaceErrors.wrongPassword();
      const passwordHash = await hashPassword(newPassword);
      await db
        .transaction(async (tx) => {
          await repo.updateUser(tx, principal.workspace.id, principal.user.id, { passwordHash });
          // Other sessions (a stolen cookie, a forgotten laptop) end with the old password.
          await repo.deleteUserSessions(tx, principal.user.id, principal.session?.idHash);
          await auditLog.append(tx, {
            workspaceId: principal.workspace.id,
            actorId: principal.user.id,
            action: 'user.password_changed',
            subjectType: 'user',
            subjectId: principal.user.id,
          });
        })
        .finally(principalCache.clear);
    },

    async createApiToken(principal: Principal, name: string) {
      const token = newSecretToken('baton_');
      const row = await db.transaction(async (tx) => {
        const created = await repo.insertApiToken(tx, {
          workspaceId: principal.workspace.id,
          userId: principal.user.id,
          name,
          tokenHash: sha256Hex(token),
          tokenPrefix: token.slice(0, 12),
          createdAt: clock.now(),
        });
        if (!created) throw new Error('api token insert returned nothing');
        await auditLog.append(tx, {
          workspaceId: principal.workspace.id,
          actorId: principal.user.id,
          action: 'api_token.created',
          subjectType: 'api_token',
          subjectId: created.id,
          data: { name },
        });
        return created;
      });
      return { row, token };
    },

    listApiTokens: (principal: Principal) => repo.listApiTokens(principal.user.id),

    async revokeApiToken(principal: Principal, tokenId: string) {
      await db.transaction(async (tx) => {
        const revoked = await repo.revokeApiToken(tx, principal.user.id, tokenId, clock.now());
        if (!revoked) throw workspaceErrors.tokenNotFound();
        await auditLog.append(tx, {
          workspaceId: principal.workspace.id,
          actorId: principal.user.id,
          action: 'api_token.revoked',
          subjectType: 'api_token',
          subjectId: tokenId,
        });
      });
    },
  };
}
export type AuthUseCases = ReturnType<typeof createAuthUseCases>;
