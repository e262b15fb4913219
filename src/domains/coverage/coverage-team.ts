import type { AssigneeRole } from '../../contracts/coverage.contracts';
import type { Language } from '../../contracts/workspaces.contracts';
import { type AwayAbsence, coverFrom } from '../absences/absences.models';
import type { AbsenceRow } from '../absences/absences.repository';
import type { AbsencesUseCases } from '../absences/absences.usecases';
import type { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { type EscalationPeople, handOffTarget } from './escalation.models';

export type TeamMember = { id: string; name: string; email: string; language: Language };
export type Team = {
  owner: TeamMember;
  backupId: string | null;
  managerId: string;
  acting: { member: TeamMember; role: 'primary' | 'backup' | 'manager' };
  away: ReadonlySet<string>;
  member: (id: string) => TeamMember;
};

/**
 * The people of an absence at a moment, read before a transaction opens (PGlite serves one query at a time, so
 * nothing may be read beside an open transaction): who covers, who is away, and everyone's name and language.
 */
export function createTeamReader(deps: { workspacesRepository: WorkspacesRepository; coverAt: AbsencesUseCases['coverAt'] }) {
  return async function teamAt(absence: AbsenceRow, at: Date): Promise<Team> {
    const { acting, away } = await deps.coverAt(absence, at);
    const users = new Map((await deps.workspacesRepository.listUsers(absence.workspaceId)).map((user) => [user.id, user]));
    const member = (id: string): TeamMember => {
      const user = users.get(id);
      if (!user) throw new Error(`user ${id} of absence ${absence.id} not found`);
      return { id: user.id, name: user.name, email: user.email, language: user.language };
    };
    return {
      owner: member(absence.ownerId),
      backupId: absence.backupDelegateId,
      managerId: absence.managerId,
      acting: { member: member(acting.userId), role: acting.role },
      away,
      member,
    };
  };
}
export type TeamReader = ReturnType<typeof createTeamReader>;

export const escalationPeople = (team: Team, contact: { assigneeId: string; assigneeRole: AssigneeRole }): EscalationPeople => ({
  assigneeId: contact.assigneeId,
  assigneeRole: contact.assigneeRole,
  backupId: team.backupId,
  managerId: team.managerId,
  away: team.away,
});

/**
 * Who `handed_to_backup` would pass an open contact to at a moment: the same decision as with a whole team, from the
 * other absences of the absence's people that overlap it (the console shows this on every contact it opens).
 */
export function handOffAt(
  absence: AbsenceRow,
  othersOverlapping: AwayAbsence[],
  contact: { assigneeId: string; assigneeRole: AssigneeRole },
  at: Date,
) {
  const { away } = coverFrom(absence, othersOverlapping, at);
  const { assigneeId, assigneeRole } = contact;
  return handOffTarget({ assigneeId, assigneeRole, backupId: absence.backupDelegateId, managerId: absence.managerId, away });
}
