import type { Readiness } from '../../contracts/absences.contracts';

/**
 * What the absence lifecycle asks the briefs side before an absence becomes active: readiness
 * and whether the activation gate is open (every key-account brief acknowledged, read back and
 * without open question — or a manager's override).
 */
export type HandoverGate = {
  readiness: (workspaceId: string, absenceId: string) => Promise<Readiness>;
};
