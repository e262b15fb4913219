import type { Readiness } from '../../contracts/absences.contracts';
import { canonicalJson } from '../../platform/security/canonical-json';
import { sha256Hex } from '../../platform/security/tokens';

export const KEY_ACCOUNT_WEIGHT = 3;
/** Stands in for the id of a brief that was never written (a covered client without brief). */
export const MISSING_BRIEF_ID = '00000000-0000-0000-0000-000000000000';

export type ReadinessInput = {
  /** Every client the absence covers: each needs a brief. */
  coveredClients: { clientId: string; clientName: string; keyAccount: boolean }[];
  briefs: {
    briefId: string;
    clientId: string;
    clientName: string;
    keyAccount: boolean;
    currentVersion: number;
    /** The primary delegate's current acknowledgement (of the current version, not superseded), if any. */
    primaryAcknowledgement: { readBackStatus: 'not_required' | 'pending' | 'accepted' | 'asked_again' } | null;
    openQuestions: number;
  }[];
  overridden: boolean;
};

/**
 * Readiness = acknowledged weight over total weight (key accounts count three times). A brief
 * counts when the primary delegate acknowledged its current version, with the read-back accepted
 * where one is required. The gate opens when no key account has a blocker, or on a manager's override.
 */
export function computeReadiness(input: ReadinessInput): Readiness {
  const briefs = input.briefs.map((brief) => {
    const ack = brief.primaryAcknowledgement;
    const readBackMissing = brief.keyAccount && ack !== null && ack.readBackStatus !== 'accepted';
    const acknowledged = ack !== null && brief.currentVersion > 0 && !readBackMissing;
    return {
      briefId: brief.briefId,
      clientId: brief.clientId,
      clientName: brief.clientName,
      keyAccount: brief.keyAccount,
      currentVersion: brief.currentVersion,
      acknowledged,
      readBackMissing,
      openQuestions: brief.openQuestions,
    };
  });
  const briefed = new Set(briefs.map((brief) => brief.clientId));
  const missing = input.coveredClients.filter((client) => !briefed.has(client.clientId));

  const weight = (keyAccount: boolean) => (keyAccount ? KEY_ACCOUNT_WEIGHT : 1);
  const total = [...briefs, ...missing].reduce((sum, item) => sum + weight(item.keyAccount), 0);
  const done = briefs.filter((brief) => brief.acknowledged).reduce((sum, brief) => sum + weight(brief.keyAccount), 0);

  const blockers: Readiness['gate']['blockers'] = [];
  for (const client of missing)
    if (client.keyAccount) blockers.push({ briefId: MISSING_BRIEF_ID, clientName: client.clientName, reason: 'not_acknowledged' });
  for (const brief of briefs) {
    if (!brief.keyAccount) continue;
    if (brief.readBackMissing) blockers.push({ briefId: brief.briefId, clientName: brief.clientName, reason: 'read_back_missing' });
    else if (!brief.acknowledged) blockers.push({ briefId: brief.briefId, clientName: brief.clientName, reason: 'not_acknowledged' });
    if (brief.openQuestions > 0) blockers.push({ briefId: brief.briefId, clientName: brief.clientName, reason: 'open_question' });
  }

  return {
    // Nothing to hand over is nothing missing.
    score: total === 0 ? 1 : done / total,
    briefs,
    gate: { open: blockers.length === 0 || input.overridden, blockers, overridden: input.overridden },
  };
}

/** Identifies "this set of brief versions": readiness reached is announced once per set. */
export function versionSetKey(briefs: readonly { briefId: string; currentVersion: number }[]): string {
  return sha256Hex(canonicalJson([...briefs].map((b) => `${b.briefId}:${b.currentVersion}`).sort()));
}
