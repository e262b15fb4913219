import type { Readiness } from '../../contracts/absences.contracts';

/**
 * What the absence lifecycle asks the briefs side before an absence becomes active: readiness
 * and whether the activation gate is open (every key-account brief acknowledged, read back and
 * without open question — or a manager's override).
 */
export type HandoverGate = {
  readiness: (workspaceId: string, absenceId: string) => Promise<Readiness>;
};

/**
 * Until the briefs side provides the real gate: an absence without briefs is ready (score 1) and
 * its gate open. Replaced in `app/dependencies.ts` by the briefs implementation.
 */
export const noBriefsHandoverGate: HandoverGate = {
  readiness: async () => ({ score: 1, briefs: [], gate: { open: true, blockers: [], overridden: false } }),
};
