import type { BusinessHours, Language, Role, UpdateWorkspace } from '../../contracts/workspaces.contracts';
import type { Clock } from '../../platform/clock/clock';
import type { Db } from '../../platform/db/database';
import { isUniqueViolation } from '../../platform/db/db-errors';
import { hashPassword } from '../../platform/security/passwords';
import { newSecretToken, sha256Hex } from '../../platform/security/tokens';
import type { AuditLog } from '../audit/audit.repository';
import type { Outbox } from '../outbox/outbox.usecases';
import type { Principal } from './auth.usecases';
import type { PrincipalCache } from './principal-cache';
import { workspaceErrors } from './workspaces.errors';
import { translateWorkspaceMail } from './workspaces.mails';
import { defaultBusinessHours, invitationStatus, slugify } from './workspaces.models';
import type { WorkspacesRepository } from './workspaces.repository';

type MembersDeps = {
  db: Db;
  clock: Clock;
  auditLog: AuditLog;
  outbox: Outbox;
  workspacesRepository: WorkspacesRepository;
  /** Cleared after every change to users or the workspace, which signed-in principals carry. */
  principalCache: PrincipalCache;
  baseUrl: string;
  invitationTtlHours: number;
};

export function createMembersUseCases({
  db,
  clock,
  auditLog,
  outbox,
  workspacesRepository: repo,
  principalCache,
  baseUrl,
  invitationTtlHours,
}: MembersDeps) {
  const audit = (
    tx: Db,
    principal: Principal | null,
    workspaceId: string,
    action: string,
    subjectType: string,
    subjectId: string,
    data?: Record<string, unknown>,
  ) => auditLog.append(tx, { workspaceId, actorId: principal?.user.id ?? null, action, subjectType, subjectId, ...(data ? { data } : {}) });

  async function insertUser(
    tx: Db,
    input: { workspaceId: string; email: string; name: string; role: Role; language: Language; password: string },
    actor: Principal | null,
  ) {
    const passwordHash = await hashPassword(input.password);
    try {
      const user = await tx.transaction(async (savepoint) =>
        repo.insertUser(savepoint, {
          workspaceId: input.workspaceId,
          email: input.email.toLowerCase(),
          name: input.name,
          role: input.role,
          language: input.language,
          passwordHash,
          createdAt: clock.now(),
        }),
      );
      if (!user) throw new Error('user insert returned nothing');
      await audit(tx, actor, input.workspaceId, 'user.created', 'user', user.id, { email: user.email, role: user.role });
      return user;
    } catch (error) {
      if (isUniqueViolation(error)) throw workspaceErrors.emailTaken();
      throw error;
    }
  }

  return {
    async createWorkspace(input: {
      name: string;
      slug?: string;
      timezone?: string;
      defaultLanguage?: Language;
      businessHours?: BusinessHours;
      isDemo?: boolean;
    }) {
      const slug = input.slug ?? slugify(input.name);
      if (await repo.workspaceBySlug(slug)) throw workspaceErrors.slugTaken();
      return db.transaction(async (tx) => {
        const workspace = await repo.insertWorkspace(tx, {
          slug,
          name: input.name,
          timezone: input.timezone ?? 'UTC',
          defaultLanguage: input.defaultLanguage ?? 'en',
          businessHours: input.businessHours ?? defaultBusinessHours,
          isDemo: input.isDemo ?? false,
          createdAt: clock.now(),
        });
        if (!workspace) throw new Error('workspace insert returned nothing');
        await audit(tx, null, workspace.id, 'workspace.created', 'workspace', workspace.id, { name: workspace.name, slug });
        return workspace;
      });
    },

    createUser: (input: { workspaceId: string; email: string; name: string; role: Role; language: Language; password: string }) =>
      db.transaction((tx) => insertUser(tx, input, null)),

    async updateWorkspace(principal: Principal, changes: UpdateWorkspace) {
      return db
        .transaction(async (tx) => {
          const updated = await repo.updateWorkspace(tx, principal.workspace.id, changes);
          if (!updated) throw workspaceErrors.workspaceNotFound();
          await audit(tx, principal, updated.id, 'workspace.updated', 'workspace', updated.id, { changes });
          return updated;
        })
        .finally(principalCache.clear);
    },

    listUsers: (principal: Principal) => repo.listUsers(principal.workspace.id),

    async updateUser(principal: Principal, userId: string, changes: { role?: Role; disabled?: boolean }) {
      const target = await repo.userInWorkspace(principal.workspace.id, userId);
      if (!target) throw workspaceErrors.userNotFound();
      if (target.id === principal.user.id) throw workspaceErrors.cannotChangeSelf();
      return db
        .transaction(async (tx) => {
          const updated = await repo.updateUser(tx, principal.workspace.id, userId, {
            ...(changes.role ? { role: changes.role } : {}),
            ...(changes.disabled !== undefined ? { disabledAt: changes.disabled ? clock.now() : null } : {}),
          });
          if (!updated) throw workspaceErrors.userNotFound();
          if (changes.disabled) await repo.deleteUserSessions(tx, userId);
          await audit(tx, principal, principal.workspace.id, 'user.updated', 'user', userId, { changes });
          return updated;
        })
        .finally(principalCache.clear);
    },

    async updateProfile(principal: Principal, changes: { name?: string; language?: Language }) {
      return db
        .transaction(async (tx) => {
          const updated = await repo.updateUser(tx, principal.workspace.id, principal.user.id, changes);
          if (!updated) throw workspaceErrors.userNotFound();
          await audit(tx, principal, principal.workspace.id, 'user.profile_updated', 'user', updated.id, { changes });
          return updated;
        })
        .finally(principalCache.clear);
    },

    /** The invitation mail goes through the outbox in the invitee's language, in the same transaction. */
    async invite(principal: Principal, input: { email: string; role: Role; language: Language }) {
      if (await repo.userByEmail(input.email)) throw workspaceErrors.emailTaken();
      const token = newSecretToken();
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + invitationTtlHours * 3_600_000);
      return db.transaction(async (tx) => {
        const invitation = await repo.insertInvitation(tx, {
          workspaceId: principal.workspace.id,
          email: input.email,
          role: input.role,
          language: input.language,
          tokenHash: sha256Hex(token),
          invitedBy: principal.user.id,
          createdAt: now,
          expiresAt,
        });
        if (!invitation) throw new Error('invitation insert returned nothing');
        const t = (key: string, values?: Record<string, string>) => translateWorkspaceMail(input.language, key, values);
        const expires = new Intl.DateTimeFormat(input.language === 'it' ? 'it-IT' : 'en-GB', {
          dateStyle: 'long',
          timeStyle: 'short',
          timeZone: principal.workspace.timezone,
        }).format(expiresAt);
        await outbox.queue(tx, {
          workspaceId: principal.workspace.id,
          kind: 'invitation',
          to: input.email,
          language: input.language,
          subject: t('invitation.subject', { workspace: principal.workspace.name }),
          text: t('invitation.body', {
            workspace: principal.workspace.name,
            inviter: principal.user.name,
            link: `${baseUrl}/invite/${token}`,
            expires,
          }),
        });
        await audit(tx, principal, principal.workspace.id, 'invitation.created', 'invitation', invitation.id, {
          email: input.email,
          role: input.role,
        });
        return invitation;
      });
    },

    listInvitations: (principal: Principal) => repo.listInvitations(principal.workspace.id),

    async revokeInvitation(principal: Principal, invitationId: string) {
      await db.transaction(async (tx) => {
        const revoked = await repo.updateInvitation(tx, principal.workspace.id, invitationId, { revokedAt: clock.now() });
        if (!revoked) throw workspaceErrors.invitationNotFound();
        await audit(tx, principal, principal.workspace.id, 'invitation.revoked', 'invitation', invitationId);
      });
    },

    async previewInvitation(token: string) {
      const found = await repo.invitationByTokenHash(sha256Hex(token));
      if (!found) throw workspaceErrors.invitationNotFound();
      const status = invitationStatus(found.invitation, clock.now());
      if (status === 'expired') throw workspaceErrors.invitationExpired();
      if (status !== 'pending') throw workspaceErrors.invitationUsed();
      return found;
    },

    async acceptInvitation(input: { token: string; name: string; password: string }) {
      const { invitation } = await this.previewInvitation(input.token);
      return db.transaction(async (tx) => {
        // Claimed by a conditional update: two clicks on the same link create one user.
        const claimed = await repo.claimInvitation(tx, invitation.id, clock.now());
        if (!claimed) throw workspaceErrors.invitationUsed();
        const user = await insertUser(
          tx,
          {
            workspaceId: invitation.workspaceId,
            email: invitation.email,
            name: input.name,
            role: invitation.role,
            language: invitation.language,
            password: input.password,
          },
          null,
        );
        await audit(tx, null, invitation.workspaceId, 'invitation.accepted', 'invitation', invitation.id, { userId: user.id });
        return user;
      });
    },
  };
}
export type MembersUseCases = ReturnType<typeof createMembersUseCases>;
