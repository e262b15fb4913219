import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/domains/demo/demo.seed';
import { createTestBaton, type TestBaton } from '../support/test-baton';

describe('the demo briefs (DEMO.md)', () => {
  let t: TestBaton;
  let absences: { past: string; upcoming: string };

  beforeAll(async () => {
    t = await createTestBaton({ BATON_DEMO: 'true' });
    const workspace = await t.baton.loadDemo();
    // Newest first: the upcoming winter break, then last summer.
    const [upcoming, past] = await t.deps.absencesRepository.list(workspace.id);
    if (!upcoming || !past) throw new Error('the demo has two absences');
    absences = { past: past.id, upcoming: upcoming.id };
  });
  afterAll(() => t.close());

  const as = (name: string) => t.signIn(`${name}@ferri-bellini.example`, DEMO_PASSWORD);

  it('last summer: six briefs, all acknowledged by Peter with "ok, no problem" on the key accounts, accepted; readiness 100 %', async () => {
    const anna = await as('anna');
    const readiness = (await anna.request('GET', `/api/absences/${absences.past}/readiness`)).json();
    expect(readiness.briefs).toHaveLength(6);
    expect(readiness.score).toBe(1);
    expect(readiness.gate.open).toBe(true);
    const list = (await anna.request('GET', `/api/absences/${absences.past}/briefs`)).json();
    const orsini = list.briefs.find((brief: { clientName: string }) => brief.clientName.startsWith('Orsini'));
    const detail = (await anna.request('GET', `/api/briefs/${orsini.id}`)).json();
    expect(detail.current.content.situation).toContain('go-live');
    expect(
      detail.acknowledgements.map((ack: { delegateRole: string; readBack: string; readBackStatus: string }) => [
        ack.delegateRole,
        ack.readBack,
        ack.readBackStatus,
      ]),
    ).toEqual([
      ['backup', 'ok, tutto chiaro', 'accepted'],
      ['primary', 'ok, no problem', 'accepted'],
    ]);
  });

  it('this winter: five briefs, three acknowledged by Sara, an open question on Northwind, the gate closed for Northwind', async () => {
    const sara = await as('sara');
    const readiness = (await sara.request('GET', `/api/absences/${absences.upcoming}/readiness`)).json();
    expect(readiness.briefs.map((brief: { clientName: string }) => brief.clientName).sort()).toEqual([
      'Bluefin Analytics',
      "Farmacia Sant'Anna",
      'Harbor & Pine Architects',
      'Northwind Logistics Ltd',
      'Vini Lucchesi',
    ]);
    expect(readiness.briefs.filter((brief: { acknowledged: boolean }) => brief.acknowledged)).toHaveLength(3);
    expect(readiness.score).toBeCloseTo(5 / 9);
    expect(readiness.gate).toMatchObject({ open: false, overridden: false });
    expect(new Set(readiness.gate.blockers.map((blocker: { clientName: string }) => blocker.clientName))).toEqual(
      new Set(['Northwind Logistics Ltd']),
    );
    expect(readiness.gate.blockers.map((blocker: { reason: string }) => blocker.reason).sort()).toEqual([
      'not_acknowledged',
      'open_question',
    ]);
    const northwind = readiness.briefs.find((brief: { clientName: string }) => brief.clientName.startsWith('Northwind'));
    expect(northwind.openQuestions).toBe(1);
  });

  it('Sara can finish the handover: acknowledging Northwind needs a real read-back', async () => {
    const sara = await as('sara');
    const readiness = (await sara.request('GET', `/api/absences/${absences.upcoming}/readiness`)).json();
    const northwind = readiness.briefs.find((brief: { clientName: string }) => brief.clientName.startsWith('Northwind'));
    const current = (await sara.request('GET', `/api/briefs/${northwind.briefId}`)).json().current;
    const short = await sara.request('POST', `/api/briefs/${northwind.briefId}/acknowledgements`, {
      version: current.version,
      contentHash: current.contentHash,
      readBack: 'ok, no problem',
    });
    expect(short.json().error.code).toBe('brief.read_back_too_short');
  });
});
