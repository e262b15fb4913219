// On return the owner takes back every contact still open. The contact keeps its history (who it was assigned to,
// every reply and outcome); the hand-back is one more entry in its timeline, and one audit event for the absence.
import type { Clock } from '../../platform/clock/clock';
import type { Db } from '../../platform/db/database';
import type { AbsenceLookup } from '../absences/absences.lookup';
import type { AuditLog } from '../audit/audit.repository';
import type { CoverageRepository } from './coverage.repository';

type Deps = { db: Db; clock: Clock; auditLog: AuditLog; coverageRepository: CoverageRepository; absenceLookup: AbsenceLookup };

export function createHandBack(deps: Deps) {
  const { db, clock, coverageRepository: repo } = deps;

  return async function handBack(workspaceId: string, absenceId: string) {
    const absence = await deps.absenceLookup.byId(workspaceId, absenceId);
    if (!absence || (absence.state !== 'returned' && absence.state !== 'closed')) return 0;
    return db.transaction(async (tx) => {
      const now = clock.now();
      const open = (await repo.openContactsOfAbsence(tx, absenceId)).filter((contact) => contact.assigneeId !== absence.ownerId);
      for (const contact of open) {
        await repo.updateContact(tx, contact.id, { assigneeId: absence.ownerId, assigneeRole: 'owner' });
        await repo.insertActivity(tx, {
          workspaceId,
          contactId: contact.id,
          kind: 'reassigned',
          actorId: null,
          at: now,
          data: { handBack: true, from: contact.assigneeId, fromRole: contact.assigneeRole, to: absence.ownerId },
        });
      }
      if (open.length > 0) {
        await deps.auditLog.append(tx, {
          workspaceId,
          actorId: null,
          action: 'coverage.handed_back',
          subjectType: 'absence',
          subjectId: absenceId,
          data: { ownerId: absence.ownerId, contacts: open.map((contact) => ({ id: contact.id, from: contact.assigneeId })) },
        });
      }
      return open.length;
    });
  };
}
