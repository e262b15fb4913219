import { describe, expect, it } from 'vitest';
import { computeReadiness, MISSING_BRIEF_ID, type ReadinessInput, versionSetKey } from './readiness.models';

type BriefSpec = {
  key?: boolean;
  ack?: 'not_required' | 'pending' | 'accepted' | 'asked_again' | null;
  questions?: number;
  version?: number;
};

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function input(specs: BriefSpec[], options: { missingKey?: number; missingStandard?: number; overridden?: boolean } = {}): ReadinessInput {
  const briefs = specs.map((spec, index) => ({
    briefId: id(index + 1),
    clientId: id(100 + index),
    clientName: `Client ${index + 1}`,
    keyAccount: spec.key ?? false,
    currentVersion: spec.version ?? 1,
    primaryAcknowledgement: spec.ack ? { readBackStatus: spec.ack } : null,
    openQuestions: spec.questions ?? 0,
  }));
  const missing = [
    ...Array.from({ length: options.missingKey ?? 0 }, (_, i) => ({
      clientId: id(200 + i),
      clientName: `Unbriefed key ${i + 1}`,
      keyAccount: true,
    })),
    ...Array.from({ length: options.missingStandard ?? 0 }, (_, i) => ({
      clientId: id(300 + i),
      clientName: `Unbriefed ${i + 1}`,
      keyAccount: false,
    })),
  ];
  return {
    coveredClients: [...briefs.map((b) => ({ clientId: b.clientId, clientName: b.clientName, keyAccount: b.keyAccount })), ...missing],
    briefs,
    overridden: options.overridden ?? false,
  };
}

describe('computeReadiness', () => {
  it.each<[string, BriefSpec[], Parameters<typeof input>[1], number, boolean, string[]]>([
    ['nothing to hand over', [], {}, 1, true, []],
    ['one standard brief acknowledged', [{ ack: 'not_required' }], {}, 1, true, []],
    ['one standard brief not acknowledged', [{}], {}, 0, true, []],
    ['key accounts weigh three: key done, standard not', [{ key: true, ack: 'accepted' }, {}], {}, 3 / 4, true, []],
    ['key accounts weigh three: standard done, key not', [{ key: true }, { ack: 'not_required' }], {}, 1 / 4, false, ['not_acknowledged']],
    ['key read-back pending does not count', [{ key: true, ack: 'pending' }], {}, 0, false, ['read_back_missing']],
    ['key read-back asked again does not count', [{ key: true, ack: 'asked_again' }], {}, 0, false, ['read_back_missing']],
    [
      'an open question on a key account blocks the gate, not the score',
      [{ key: true, ack: 'accepted', questions: 1 }],
      {},
      1,
      false,
      ['open_question'],
    ],
    ['an open question on a standard brief does not block', [{ ack: 'not_required', questions: 2 }], {}, 1, true, []],
    [
      'a covered key account without brief counts and blocks',
      [{ key: true, ack: 'accepted' }],
      { missingKey: 1 },
      3 / 6,
      false,
      ['not_acknowledged'],
    ],
    [
      'a covered standard client without brief counts but does not block',
      [{ ack: 'not_required' }],
      { missingStandard: 1 },
      1 / 2,
      true,
      [],
    ],
    [
      'a manager override opens a closed gate',
      [{ key: true }, { key: true, questions: 1 }],
      { overridden: true },
      0,
      true,
      ['not_acknowledged', 'not_acknowledged', 'open_question'],
    ],
    [
      'an unshared brief (version 0) is never acknowledged',
      [{ key: true, ack: 'accepted', version: 0 }],
      {},
      0,
      false,
      ['not_acknowledged'],
    ],
  ])('%s', (_name, specs, options, score, open, reasons) => {
    const readiness = computeReadiness(input(specs, options));
    expect(readiness.score).toBeCloseTo(score, 10);
    expect(readiness.gate.open).toBe(open);
    expect(readiness.gate.blockers.map((blocker) => blocker.reason)).toEqual(reasons);
    expect(readiness.gate.overridden).toBe(options?.overridden ?? false);
  });

  it('flags each brief', () => {
    const readiness = computeReadiness(input([{ key: true, ack: 'pending', questions: 2 }, { ack: 'not_required' }]));
    expect(
      readiness.briefs.map(({ acknowledged, readBackMissing, openQuestions }) => ({ acknowledged, readBackMissing, openQuestions })),
    ).toEqual([
      { acknowledged: false, readBackMissing: true, openQuestions: 2 },
      { acknowledged: true, readBackMissing: false, openQuestions: 0 },
    ]);
  });

  it('names a missing key-account brief by its client', () => {
    const readiness = computeReadiness(input([], { missingKey: 1 }));
    expect(readiness.gate.blockers).toEqual([{ briefId: MISSING_BRIEF_ID, clientName: 'Unbriefed key 1', reason: 'not_acknowledged' }]);
  });
});

describe('versionSetKey', () => {
  it('changes when a brief gets a new version, not when the order changes', () => {
    const a = [
      { briefId: 'x', currentVersion: 1 },
      { briefId: 'y', currentVersion: 2 },
    ];
    expect(versionSetKey(a)).toBe(versionSetKey([...a].reverse()));
    expect(versionSetKey(a)).not.toBe(versionSetKey([a[0] as (typeof a)[0], { briefId: 'y', currentVersion: 3 }]));
  });
});
