import type { Db } from '../../platform/db/database';
import type { Principal } from '../workspaces/auth.usecases';
import type { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { briefErrors } from './briefs.errors';
import { viewerRole } from './briefs.models';
import type { BriefsRepository } from './briefs.repository';

export type Person = { id: string; name: string; email: string; language: 'en' | 'it' };

/**
 * Who may see what: the owner, the two delegates and the manager of the absence, and read-only the
 * workspace's admins and managers (who see every absence); anyone else, in this workspace or
 * another, is told the absence or brief does not exist.
 */
export function createBriefsAccess({
  briefsRepository,
  workspacesRepository,
}: {
  briefsRepository: BriefsRepository;
  workspacesRepository: WorkspacesRepository;
}) {
  async function absenceFor(principal: Principal, absenceId: string, tx?: Db) {
    const absence = await briefsRepository.absence(principal.workspace.id, absenceId, tx);
    const role = absence ? viewerRole(absence, principal.user.id, principal.user.role) : 'none';
    if (!absence || role === 'none') throw briefErrors.absenceNotFound();
    return { absence, role };
  }

  async function briefFor(principal: Principal, briefId: string, tx?: Db) {
    const brief = await briefsRepository.getBrief(principal.workspace.id, briefId, tx);
    const absence = brief ? await briefsRepository.absence(principal.workspace.id, brief.absenceId, tx) : null;
    const role = absence ? viewerRole(absence, principal.user.id, principal.user.role) : 'none';
    if (!brief || !absence || role === 'none') throw briefErrors.briefNotFound();
    return { brief, absence, role };
  }

  /** Everyone notifications may go to, read before a transaction opens (PGlite serves one query at a time). */
  async function people(workspaceId: string) {
    const rows = await workspacesRepository.listUsers(workspaceId);
    const byId = new Map<string, Person>(
      rows.map((row) => [row.id, { id: row.id, name: row.name, email: row.email, language: row.language }]),
    );
    return {
      get: (id: string | null | undefined) => (id ? (byId.get(id) ?? null) : null),
      name: (id: string | null | undefined) => (id ? (byId.get(id)?.name ?? '') : ''),
    };
  }

  return { absenceFor, briefFor, people };
}
export type BriefsAccess = ReturnType<typeof createBriefsAccess>;
