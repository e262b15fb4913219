import type { Readiness } from '../../contracts/absences.contracts';
import type { Db } from '../../platform/db/database';
import type { AuditLog } from '../audit/audit.repository';
import type { Notifier } from '../notifications/notifications.usecases';
import type { Person } from './briefs.access';
import { briefErrors } from './briefs.errors';
import { translateBriefMail } from './briefs.mails';
import { formatDay } from './briefs.models';
import type { HandoverGate } from './handover-gate';
import { computeReadiness, versionSetKey } from './readiness.models';
import type { ReadinessRepository } from './readiness.repository';

type Deps = {
  db: Db;
  auditLog: AuditLog;
  notifier: Notifier;
  readinessRepository: ReadinessRepository;
};

/** Readiness of an absence's handover and the activation gate (the HandoverGate the absence lifecycle asks). */
export function createReadiness({ db, auditLog, notifier, readinessRepository }: Deps) {
  async function readiness(workspaceId: string, absenceId: string, tx: Db = db): Promise<Readiness> {
    const absence = await readinessRepository.absence(workspaceId, absenceId, tx);
    if (!absence) throw briefErrors.absenceNotFound();
    const briefs = await readinessRepository.briefStates(workspaceId, absenceId, absence.primaryDelegateId, tx);
    const coveredClients = await readinessRepository.coveredClients(workspaceId, absenceId, tx);
    return computeReadiness({
      coveredClients,
      briefs: briefs.map(({ primaryReadBackStatus, ...brief }) => ({
        ...brief,
        primaryAcknowledgement: primaryReadBackStatus ? { readBackStatus: primaryReadBackStatus } : null,
      })),
      overridden: absence.gateOverride !== null,
    });
  }

  /**
   * Tells the owner, the delegates and the manager once readiness reaches 100 %, once per set of
   * brief versions (a new version and a new round of acknowledgements announces again).
   */
  async function announceIfReady(
    tx: Db,
    input: {
      workspaceId: string;
      absenceId: string;
      actorId: string;
      timeZone: string;
      people: { get: (id: string | null) => Person | null };
    },
  ) {
    const absence = await readinessRepository.absence(input.workspaceId, input.absenceId, tx);
    if (!absence) return false;
    const result = await readiness(input.workspaceId, input.absenceId, tx);
    if (result.score < 1 || result.briefs.length === 0) return false;
    const versionSet = versionSetKey(result.briefs);
    if (await readinessRepository.readinessAnnounced(tx, input.workspaceId, input.absenceId, versionSet)) return false;
    await auditLog.append(tx, {
      workspaceId: input.workspaceId,
      actorId: input.actorId,
      action: 'absence.readiness_reached',
      subjectType: 'absence',
      subjectId: input.absenceId,
      data: { versionSet, briefs: result.briefs.length, gateOpen: result.gate.open },
    });
    const owner = input.people.get(absence.ownerId);
    const delegate = input.people.get(absence.primaryDelegateId);
    const recipients = [absence.ownerId, absence.primaryDelegateId, absence.backupDelegateId, absence.managerId];
    for (const id of [...new Set(recipients)]) {
      const recipient = input.people.get(id);
      if (!recipient) continue;
      await notifier.notify(tx, input.workspaceId, recipient, (language) => {
        const values = {
          owner: owner?.name ?? '',
          delegate: delegate?.name ?? '',
          start: formatDay(absence.startsAt, language, input.timeZone),
        };
        return {
          kind: 'absence.readiness_reached',
          subject: translateBriefMail(language, 'readiness_reached.subject', values),
          text: translateBriefMail(language, 'readiness_reached.text', values),
          link: `/absences/${absence.id}`,
          data: { absenceId: absence.id },
        };
      });
    }
    return true;
  }

  const gate: HandoverGate = { readiness: (workspaceId, absenceId) => readiness(workspaceId, absenceId) };
  return { readiness, announceIfReady, gate };
}
export type ReadinessUseCases = ReturnType<typeof createReadiness>;
