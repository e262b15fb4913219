// The client status link: an auto-reply may carry a secret URL to a page with the covering person, the return date
// and the client-visible summary of the client's brief. The token (256 random bits) is in that mail only; the
// database keeps its SHA-256, so a link can be checked, counted and revoked but never shown again.
import type { RevokedStatusLinks, StatusLinksOverview } from '../../contracts/absences.contracts';
import type { Clock } from '../../platform/clock/clock';
import type { Db } from '../../platform/db/database';
import { newSecretToken, sha256Hex } from '../../platform/security/tokens';
import type { AuditLog } from '../audit/audit.repository';
import type { ClientDirectory } from '../clients/clients.lookup';
import type { Principal } from '../workspaces/auth.usecases';
import type { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { absenceErrors } from './absences.errors';
import { formatReturnDate } from './absences.models';
import type { AbsenceRow, AbsencesRepository, AbsenceWithCoverage } from './absences.repository';
import { canSee } from './absences.usecases';
import {
  canManageStatusLinks,
  returnOf,
  STATUS_TOKEN_PATTERN,
  statusLinkExpiry,
  statusLinkRefusal,
  tallyStatusLinks,
} from './status-links.models';
import type { StatusLinksRepository } from './status-links.repository';
import type { StatusPage } from './status-page.html';

type Deps = {
  db: Db;
  clock: Clock;
  auditLog: AuditLog;
  absencesRepository: AbsencesRepository;
  statusLinksRepository: StatusLinksRepository;
  workspacesRepository: WorkspacesRepository;
  clientDirectory: ClientDirectory;
  /** Who covers for the owner at a moment (the absence lifecycle's answer). */
  actingDelegateAt: (absence: AbsenceRow, at: Date) => Promise<{ userId: string }>;
  baseUrl: string;
};

export function createStatusLinksUseCases(deps: Deps) {
  const { db, clock, auditLog, absencesRepository, statusLinksRepository: repo, workspacesRepository, clientDirectory } = deps;

  /** An absence the caller may see (404 otherwise) and manage the links of (403 otherwise). */
  async function manageable(principal: Principal, absenceId: string) {
    const absence = await absencesRepository.get(principal.workspace.id, absenceId);
    if (!absence || !canSee(principal, absence)) throw absenceErrors.notFound();
    if (!canManageStatusLinks(principal.user, absence)) throw absenceErrors.onlyOwnerOrManager();
    return absence;
  }

  async function overview(absence: AbsenceWithCoverage): Promise<StatusLinksOverview> {
    const links = await repo.listForAbsence(absence.workspaceId, absence.id);
    const tallies = tallyStatusLinks([...new Set(absence.coverage.map((item) => item.clientId))], links);
    const names = await clientDirectory.names(
      absence.workspaceId,
      tallies.map((tally) => tally.clientId),
    );
    return {
      absenceId: absence.id,
      enabled: absence.statusLinkEnabled,
      expiresAt: statusLinkExpiry(absence).toISOString(),
      clients: tallies
        .map((tally) => ({
          ...tally,
          clientName: names.get(tally.clientId) ?? '—',
          lastViewedAt: tally.lastViewedAt?.toISOString() ?? null,
        }))
        .sort((a, b) => a.clientName.localeCompare(b.clientName)),
    };
  }

  return {
    /**
     * A new link for the client, inside the auto-reply's transaction; null when the absence has the link switched off.
     * The returned URL is the only place the token ever exists in clear.
     */
    async mint(
      tx: Db,
      absence: Pick<AbsenceRow, 'id' | 'workspaceId' | 'statusLinkEnabled'>,
      clientId: string,
    ): Promise<{ url: string } | null> {
      if (!absence.statusLinkEnabled) return null;
      const token = newSecretToken();
      const input = { workspaceId: absence.workspaceId, absenceId: absence.id, clientId };
      const link = await repo.insert(tx, { ...input, tokenHash: sha256Hex(token), createdAt: clock.now() });
      await auditLog.append(tx, {
        workspaceId: input.workspaceId,
        actorId: null,
        action: 'status_link.created',
        subjectType: 'status_link',
        subjectId: link.id,
        data: { absenceId: input.absenceId, clientId: input.clientId },
      });
      return { url: `${deps.baseUrl}/status/${token}` };
    },

    /**
     * What the public page shows for a token, or null (unknown, revoked, switched off, expired: never told apart).
     * A GET counts as a view and is audited; a HEAD (link scanners) is not counted.
     */
    async view(token: string, { count }: { count: boolean }): Promise<StatusPage | null> {
      if (!STATUS_TOKEN_PATTERN.test(token)) return null;
      const link = await repo.byTokenHash(sha256Hex(token));
      const absence = link ? await absencesRepository.get(link.workspaceId, link.absenceId) : null;
      const now = clock.now();
      if (!link || !absence || statusLinkRefusal({ link, absence, now })) return null;
      const workspace = await workspacesRepository.workspaceById(link.workspaceId);
      const client = await clientDirectory.client(link.workspaceId, link.clientId);
      if (!workspace || !client) return null;
      const returnedAt = returnOf(absence);
      const back = now.getTime() >= returnedAt.getTime();
      const contactId = back ? absence.ownerId : (await deps.actingDelegateAt(absence, now)).userId;
      const contact = await workspacesRepository.userInWorkspace(link.workspaceId, contactId);
      if (!contact) return null;
      const summaries = await repo.clientSummaries(link.workspaceId, link.absenceId, link.clientId);
      if (count) {
        const counted = await db.transaction(async (tx) => {
          const row = await repo.countView(tx, link.id, now);
          if (!row) return false;
          await auditLog.append(tx, {
            workspaceId: link.workspaceId,
            actorId: null,
            action: 'status_link.viewed',
            subjectType: 'status_link',
            subjectId: link.id,
            data: { absenceId: link.absenceId, clientId: link.clientId, views: row.viewCount },
          });
          return true;
        });
        if (!counted) return null;
      }
      return {
        language: client.language,
        workspaceName: workspace.name,
        contact: { name: contact.name, email: contact.email },
        back,
        returnDate: formatReturnDate(returnedAt, client.language, workspace.timezone),
        summaries,
      };
    },

    async overview(principal: Principal, absenceId: string) {
      return overview(await manageable(principal, absenceId));
    },

    /** Switches the link on or off for the absence's future auto-replies; off also closes every page already sent. */
    async setEnabled(principal: Principal, absenceId: string, enabled: boolean) {
      const absence = await manageable(principal, absenceId);
      if (absence.statusLinkEnabled === enabled) return overview(absence);
      const row = await db.transaction(async (tx) => {
        const updated = await absencesRepository.update(tx, absence.workspaceId, absence.id, {
          statusLinkEnabled: enabled,
          updatedAt: clock.now(),
        });
        if (!updated) throw absenceErrors.notFound();
        await auditLog.append(tx, {
          workspaceId: absence.workspaceId,
          actorId: principal.user.id,
          action: enabled ? 'absence.status_link_enabled' : 'absence.status_link_disabled',
          subjectType: 'absence',
          subjectId: absence.id,
        });
        return updated;
      });
      return overview({ ...row, coverage: absence.coverage });
    },

    /** Revokes the links in force of one client, or of every client; later auto-replies mint new ones while enabled. */
    async revoke(principal: Principal, absenceId: string, clientId: string | null): Promise<RevokedStatusLinks> {
      const absence = await manageable(principal, absenceId);
      if (clientId) {
        const links = await repo.listForAbsence(absence.workspaceId, absence.id);
        const known = absence.coverage.some((item) => item.clientId === clientId) || links.some((link) => link.clientId === clientId);
        if (!known) throw absenceErrors.statusLinkClientNotFound();
      }
      const revoked = await db.transaction(async (tx) => {
        const rows = await repo.revoke(tx, absence.workspaceId, absence.id, clientId, clock.now());
        if (rows.length)
          await auditLog.append(tx, {
            workspaceId: absence.workspaceId,
            actorId: principal.user.id,
            action: 'status_link.revoked',
            subjectType: 'absence',
            subjectId: absence.id,
            data: { clientId, count: rows.length, linkIds: rows.map((row) => row.id) },
          });
        return rows.length;
      });
      return { ...(await overview(absence)), revoked };
    },
  };
}
export type StatusLinksUseCases = ReturnType<typeof createStatusLinksUseCases>;
