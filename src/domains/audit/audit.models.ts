import { canonicalJson } from '../../platform/security/canonical-json';
import { sha256Hex } from '../../platform/security/tokens';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditEventContent = {
  workspaceId: string;
  seq: number;
  occurredAt: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  data: Record<string, unknown>;
};

export type StoredAuditEvent = AuditEventContent & { prevHash: string; hash: string };

export function hashAuditEvent(prevHash: string, content: AuditEventContent): string {
  return sha256Hex(`${prevHash}\n${canonicalJson(content)}`);
}

export type ChainVerification = {
  ok: boolean;
  checked: number;
  firstBad: { seq: number; reason: string } | null;
};

/**
 * Walks a workspace's events in storage order. Any edit changes a hash, any deletion leaves a gap
 * in `seq` or a broken `prevHash`, any reorder breaks the chain; a deleted tail shows against the head.
 */
export function verifyChain(events: StoredAuditEvent[], head: { seq: number; hash: string } | null): ChainVerification {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const event of events) {
    const bad = (reason: string): ChainVerification => ({ ok: false, checked: expectedSeq - 1, firstBad: { seq: event.seq, reason } });
    if (event.seq !== expectedSeq) return bad(`expected event #${expectedSeq} here, found #${event.seq} (deleted or reordered)`);
    if (event.prevHash !== prevHash) return bad('does not link to the previous event (deleted or reordered)');
    const { prevHash: _stored, hash, ...content } = event;
    if (hashAuditEvent(prevHash, content) !== hash) return bad('content does not match its hash (edited)');
    prevHash = hash;
    expectedSeq += 1;
  }
  const last = events.at(-1);
  if (head && (head.seq !== (last?.seq ?? 0) || head.hash !== (last?.hash ?? GENESIS_HASH))) {
    return {
      ok: false,
      checked: events.length,
      firstBad: {
        seq: (last?.seq ?? 0) + 1,
        reason: `the log ends at #${last?.seq ?? 0} but its head records #${head.seq} (events deleted at the end)`,
      },
    };
  }
  return { ok: true, checked: events.length, firstBad: null };
}
