import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMessages } from '../../src/domains/outbox/outbox.schema';
import type { CoverageFixture } from '../coverage/setup';
import { createTestBaton, type TestBaton } from '../support/test-baton';
import { absenceWithTroubledClients } from './setup';

describe('the return briefing: what happened per client, ranked by risk, mailed to the owner on return', () => {
  let t: TestBaton;
  let f: CoverageFixture;
  beforeAll(async () => {
    t = await createTestBaton({ PUBLIC_URL: 'https://baton.example.test' });
    f = await absenceWithTroubledClients(t);
  });
  afterAll(() => t.close());

  it('is not there before the absence starts, and only for the owner and managers', async () => {
    const early = await f.sessions.owner.request('GET', `/api/absences/${f.absence.id}/return-briefing`);
    expect(early.statusCode).toBe(200); // active: a live view is allowed
    expect((await f.sessions.primary.request('GET', `/api/absences/${f.absence.id}/return-briefing`)).statusCode).toBe(404);
    expect((await f.sessions.outsider.request('GET', `/api/absences/${f.absence.id}/return-briefing`)).statusCode).toBe(404);
    expect((await f.sessions.manager.request('GET', `/api/absences/${f.absence.id}/return-briefing`)).statusCode).toBe(200);
    const bad = await f.sessions.owner.request('GET', '/api/absences/not-a-uuid/return-briefing');
    expect(bad.statusCode).toBe(400);
  });

  it('ranks the unanswered key account with a “no information” call first, and explains why', async () => {
    await f.sessions.owner.request('POST', `/api/absences/${f.absence.id}/return`, {});
    await t.runJobs();
    const briefing = (await f.sessions.owner.request('GET', `/api/absences/${f.absence.id}/return-briefing`)).json();
    expect(briefing).toMatchObject({ state: 'returned', totals: { contacts: 3, emails: 2, calls: 1, clientsWithContacts: 2 } });
    const [orsini, vini] = briefing.clients;
    expect(orsini).toMatchObject({
      name: 'Orsini Costruzioni',
      rank: 1,
      counts: { emails: 1, calls: 1, messages: 2, answered: 1, open: 1, noInformation: 1 },
    });
    expect(orsini.reasons.map((reason: { reason: string }) => reason.reason)).toEqual(
      expect.arrayContaining(['no_information', 'unanswered', 'repeat_contacts', 'key_account']),
    );
    expect(orsini.score).toBe(orsini.reasons.reduce((sum: number, reason: { points: number }) => sum + reason.points, 0));
    expect(vini).toMatchObject({
      name: 'Vini Lucchesi',
      rank: 2,
      score: 0,
      medianFirstResponseMinutes: 40,
      counts: { answered: 1, open: 0 },
    });
    expect(vini.handledBy.map((person: { id: string }) => person.id)).toEqual([f.people.primary.id]);
  });

  it('mails the owner a summary in her language with the clients to call first', async () => {
    const [mail] = await t.db.select().from(outboxMessages).where(eq(outboxMessages.kind, 'notification.recovery.return_briefing'));
    expect(mail).toMatchObject({ toAddress: f.people.owner.email, subject: 'Welcome back: 3 client contacts while you were away' });
    expect(mail?.textBody).toContain('1. Orsini Costruzioni — ');
    expect(mail?.textBody).toContain('“no information” once');
    expect(mail?.textBody).not.toContain('Vini Lucchesi');
    expect(mail?.textBody).toContain(`/absences/${f.absence.id}/return`);
  });
});
