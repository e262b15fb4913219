import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestBaton, type TestBaton } from '../support/test-baton';
import { type CoverageFixture, coverageFixture, MONDAY_9 } from './setup';

describe('the coverage queue: mine, in the order things are due', () => {
  let t: TestBaton;
  let f: CoverageFixture;
  beforeAll(async () => {
    t = await createTestBaton();
    f = await coverageFixture(t);
  });
  afterAll(() => t.close());

  const idsIn = async (session: CoverageFixture['sessions']['primary'], query = '') =>
    ((await session.request('GET', `/api/coverage/queue${query}`)).json().contacts as { id: string }[]).map((contact) => contact.id);

  it('lists what is assigned or escalated to me, soonest due first, contacts without a deadline last', async () => {
    const at = (minutes: number) => t.clock.set(new Date(new Date(MONDAY_9).getTime() + minutes * 60_000));
    at(0);
    const standard = await f.receive({ from: 'luca@vinilucchesi.example', subject: 'Labels', body: 'A question about labels.' });
    at(1);
    const key = await f.receive({ from: 'giulia@orsini.example', subject: 'Approval', body: 'Please confirm the new date.' });
    at(2);
    // The key account writes again while the first email waits: a repeat contact, escalated to the backup.
    const again = await f.receive({ from: 'giulia@orsini.example', subject: 'Approval, again', body: 'Any news on the date?' });
    at(3);
    const call = await f.sessions.primary.request('POST', '/api/coverage/calls', {
      kind: 'call',
      clientId: f.standardClient.id,
      with: 'Luca',
      occurredAt: t.clock.now().toISOString(),
      summary: 'He called about the labels.',
    });
    expect(call.statusCode).toBe(201);
    expect(await f.escalationsOf(again.contactId ?? '')).toEqual([`repeat_contact:${f.people.backup.id}`]);

    // Key account: four business hours; standard: a business day; a call has no deadline.
    expect(await idsIn(f.sessions.primary)).toEqual([key.contactId, again.contactId, standard.contactId, call.json().id]);
    expect(await idsIn(f.sessions.backup)).toEqual([again.contactId]);
    expect(await idsIn(f.sessions.primary, '?limit=2')).toEqual([key.contactId, again.contactId]);
    // The console asks for the most urgent first and learns whether more follow.
    const firstTwo = (await f.sessions.primary.request('GET', '/api/coverage/queue?limit=2')).json();
    const everything = (await f.sessions.primary.request('GET', '/api/coverage/queue?limit=4')).json();
    expect([firstTwo.hasMore, everything.hasMore]).toEqual([true, false]);
    for (const bad of ['?limit=0', '?limit=501', '?limit=many', '?state=pending', '?surprise=1']) {
      expect((await f.sessions.primary.request('GET', `/api/coverage/queue${bad}`)).statusCode, bad).toBe(400);
    }
    expect(await idsIn(f.sessions.primary, '?state=closed')).toEqual([]);
    expect(await idsIn(f.sessions.owner)).toEqual([]);
  });
});
