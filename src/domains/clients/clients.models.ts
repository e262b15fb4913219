import type { ClientDetail, ClientSummary, Contact, Project, StatusChange } from '../../contracts/clients.contracts';
import type { Role } from '../../contracts/workspaces.contracts';
import { hasRole } from '../workspaces/workspaces.models';
import type { clients } from './clients.schema';

type ClientRow = typeof clients.$inferSelect;

/** Anyone in the workspace reads clients; the owner, managers and admins change them. */
export function canEditClient(actor: { userId: string; role: Role }, client: { ownerId: string | null }): boolean {
  return hasRole(actor.role, 'manager') || client.ownerId === actor.userId;
}

/** Escapes `%`, `_` and `\` so a search term matches literally inside ILIKE. */
export const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/** How two spellings of one company name are recognised as the same client ("ACME  s.p.a." = "Acme S.p.A."). */
export const clientNameKey = (name: string) => name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

export const presentClientSummary = (row: ClientRow & { domains: string[] }): ClientSummary => ({
  id: row.id,
  name: row.name,
  tier: row.tier,
  status: row.status,
  language: row.language,
  ownerId: row.ownerId,
  domains: row.domains,
  archived: row.archivedAt !== null,
});

export const presentClientDetail = (
  row: ClientRow & { domains: string[] },
  parts: { contacts: Contact[]; projects: Project[]; statusHistory: StatusChange[]; canEdit: boolean },
): ClientDetail => ({
  ...presentClientSummary(row),
  notes: row.notes,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  archivedAt: row.archivedAt?.toISOString() ?? null,
  ...parts,
});
