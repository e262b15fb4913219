import type { BusinessHours, Invitation, Role, User, Workspace } from '../../contracts/workspaces.contracts';
import type { apiTokens, invitations, users, workspaces } from './workspaces.schema';

export const defaultBusinessHours: BusinessHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', holidays: [] };

/** Who may do what: one table, read by routes through `requireRole`. */
export const roleRank: Record<Role, number> = { member: 1, manager: 2, admin: 3 };

export function hasRole(actual: Role, required: Role): boolean {
  return roleRank[actual] >= roleRank[required];
}

export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return slug || 'workspace';
}

export function invitationStatus(row: typeof invitations.$inferSelect, now: Date): Invitation['status'] {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  return row.expiresAt <= now ? 'expired' : 'pending';
}

export const presentUser = (row: typeof users.$inferSelect): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  language: row.language,
  disabled: row.disabledAt !== null,
  createdAt: row.createdAt.toISOString(),
});

export const presentWorkspace = (row: typeof workspaces.$inferSelect): Workspace => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  timezone: row.timezone,
  defaultLanguage: row.defaultLanguage,
  businessHours: row.businessHours,
  isDemo: row.isDemo,
});

export const presentInvitation = (row: typeof invitations.$inferSelect, now: Date): Invitation => ({
  id: row.id,
  email: row.email,
  role: row.role,
  language: row.language,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
  status: invitationStatus(row, now),
});

export const presentApiToken = (row: typeof apiTokens.$inferSelect) => ({
  id: row.id,
  name: row.name,
  prefix: row.tokenPrefix,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
});
