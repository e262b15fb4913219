import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../platform/security/canonical-json';
import { type AuditEventContent, GENESIS_HASH, hashAuditEvent, type StoredAuditEvent, verifyChain } from './audit.models';

function chain(count: number): StoredAuditEvent[] {
  const events: StoredAuditEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const content: AuditEventContent = {
      workspaceId: 'w1',
      seq,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 9, seq)).toISOString(),
      actorId: 'u1',
      action: `test.action_${seq}`,
      subjectType: 'thing',
      subjectId: `t${seq}`,
      data: { n: seq, nested: { b: 1, a: [1, 2] } },
    };
    const hash = hashAuditEvent(prevHash, content);
    events.push({ ...content, prevHash, hash });
    prevHash = hash;
  }
  return events;
}

const headOf = (events: StoredAuditEvent[]) => ({ seq: events.at(-1)?.seq ?? 0, hash: events.at(-1)?.hash ?? GENESIS_HASH });

describe('canonical JSON', () => {
  it('is independent of key order and whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: null } })).toBe(
      canonicalJson(JSON.parse('{ "a": {"c": null, "d": [1, "x"]}, "b": 1 }')),
    );
  });
  it('changes with any value', () => {
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 2 }));
  });
});

describe('audit chain verification', () => {
  const intact = chain(5);

  it('accepts an intact chain and an empty one', () => {
    expect(verifyChain(intact, headOf(intact))).toEqual({ ok: true, checked: 5, firstBad: null });
    expect(verifyChain([], null).ok).toBe(true);
  });

  const tampered: [string, (events: StoredAuditEvent[]) => StoredAuditEvent[], number, RegExp][] = [
    ['edited data', (events) => events.map((e) => (e.seq === 3 ? { ...e, data: { ...e.data, n: 99 } } : e)), 3, /edited/],
    ['edited action', (events) => events.map((e) => (e.seq === 2 ? { ...e, action: 'other' } : e)), 2, /edited/],
    ['edited time', (events) => events.map((e) => (e.seq === 4 ? { ...e, occurredAt: '2020-01-01T00:00:00.000Z' } : e)), 4, /edited/],
    ['deleted in the middle', (events) => events.filter((e) => e.seq !== 3), 4, /deleted or reordered/],
    ['deleted first', (events) => events.filter((e) => e.seq !== 1), 2, /deleted or reordered/],
    ['two swapped', (events) => [events[0], events[2], events[1], events[3], events[4]] as StoredAuditEvent[], 3, /deleted or reordered/],
    [
      'renumbered after a deletion',
      (events) => events.filter((e) => e.seq !== 2).map((e) => (e.seq > 2 ? { ...e, seq: e.seq - 1 } : e)),
      2,
      /./,
    ],
  ];

  it.each(tampered)('detects %s and names the first bad event', (_name, tamper, firstBadSeq, reason) => {
    const result = verifyChain(tamper(intact), headOf(intact));
    expect(result.ok).toBe(false);
    expect(result.firstBad?.seq).toBe(firstBadSeq);
    expect(result.firstBad?.reason).toMatch(reason);
  });

  it('detects events deleted at the end against the head', () => {
    const result = verifyChain(intact.slice(0, 3), headOf(intact));
    expect(result).toMatchObject({ ok: false, firstBad: { seq: 4 } });
  });
});
