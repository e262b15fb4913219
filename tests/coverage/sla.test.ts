import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverageContacts, escalations } from '../../src/domains/coverage/coverage.schema';
import { notifications } from '../../src/domains/notifications/notifications.schema';
import { createTestBaton, type TestBaton } from '../support/test-baton';
import { type CoverageFixture, coverageFixture, MONDAY_9 } from './setup';

describe('first-response SLA in business hours, with escalation to the backup and then the manager', () => {
  let t: TestBaton;
  let f: CoverageFixture;
  beforeAll(async () => {
    t = await createTestBaton();
    f = await coverageFixture(t);
  });
  afterAll(() => t.close());

  const escalationsOf = async (contactId: string) =>
    (await t.db.select().from(escalations).where(eq(escalations.contactId, contactId))).map(
      (row) => `${row.rule}→${row.target}:${row.recipientId}`,
    );
  const warningsOf = async (userId: string) =>
    (await t.db.select().from(notifications).where(eq(notifications.userId, userId))).filter((row) => row.kind === 'coverage.sla_warning')
      .length;
  const at = async (instant: string) => {
    t.clock.set(instant);
    await t.runJobs();
  };

  it('a key-account email unanswered for 4 business hours goes to the backup, a second window later to the manager', async () => {
    t.clock.set(MONDAY_9);
    const message = await f.receive({ from: 'giulia@orsini.example', subject: 'Urgent: approval', body: 'Please confirm the new date.' });
    const contactId = message.contactId ?? '';
    const backup = `sla_breach→backup:${f.people.backup.id}`;
    const manager = `sla_breach→manager:${f.people.manager.id}`;

    await at('2026-03-23T10:59:00Z');
    expect(await warningsOf(f.people.primary.id)).toBe(0);
    await at('2026-03-23T11:00:00Z'); // 75 %: three business hours
    expect(await warningsOf(f.people.primary.id)).toBe(1);
    await at('2026-03-23T11:59:00Z');
    expect(await escalationsOf(contactId)).toEqual([]);
    await at('2026-03-23T12:00:00Z'); // 13:00 in Rome: four business hours
    expect(await escalationsOf(contactId)).toEqual([backup]);
    await at('2026-03-23T16:00:00Z'); // 17:00 in Rome: a second window of four hours
    expect(await escalationsOf(contactId)).toEqual([backup, manager]);
    // Timers that run again (a retry, another instance) change nothing.
    await t.runJobs();
    expect(await escalationsOf(contactId)).toEqual([backup, manager]);
    expect(await warningsOf(f.people.primary.id)).toBe(1);
  });

  it('answering stops the timer', async () => {
    await at(MONDAY_9);
    const sessions = await t.signIn(f.people.primary.email);
    const message = await f.receive({ from: 'giulia@orsini.example', subject: 'Small question', body: 'Is the meeting still on?' });
    const replied = await sessions.request('POST', `/api/coverage/contacts/${message.contactId}/replies`, { body: 'Yes, Thursday at 10.' });
    expect(replied.statusCode).toBe(200);
    await at('2026-03-23T20:00:00Z');
    // (The client still had the first, unanswered contact open: that is a repeat contact, not an SLA breach.)
    expect((await escalationsOf(message.contactId ?? '')).filter((row) => row.startsWith('sla_breach'))).toEqual([]);
  });

  it('counts only working hours: weekends, holidays and the change to summer time are skipped', async () => {
    await at('2026-03-27T15:30:00Z'); // Friday 16:30 in Rome
    const admin = await t.signIn(f.people.admin.email);
    const settings = (await admin.request('GET', '/api/coverage/settings')).json();
    expect(settings.sla).toEqual({ key: { hours: 4 }, standard: { days: 1 } });
    const bad = await admin.request('PUT', '/api/coverage/settings', { ...settings, calendar: { ...settings.calendar, opensAt: '19:00' } });
    expect(bad.statusCode).toBe(400);
    const member = await t.signIn(f.people.primary.email);
    expect((await member.request('PUT', '/api/coverage/settings', settings)).statusCode).toBe(403);
    const saved = await admin.request('PUT', '/api/coverage/settings', {
      ...settings,
      calendar: { ...settings.calendar, holidays: ['2026-03-30'] },
    });
    expect(saved.json().calendar.holidays).toEqual(['2026-03-30']);

    const message = await f.receive({ from: 'luca@vinilucchesi.example', subject: 'Labels', body: 'A question about labels.' });
    const [contact] = await t.db
      .select()
      .from(coverageContacts)
      .where(eq(coverageContacts.id, message.contactId ?? ''));
    // One business day of nine hours: 1.5 h on Friday, Monday is a holiday, 7.5 h on Tuesday (now UTC+2) → 16:30 in Rome.
    expect(contact?.dueAt?.toISOString()).toBe('2026-03-31T14:30:00.000Z');
    await at('2026-03-30T15:00:00Z');
    expect(await escalationsOf(message.contactId ?? '')).toEqual([]);
    await at('2026-03-31T14:30:00Z');
    expect(await escalationsOf(message.contactId ?? '')).toEqual([`sla_breach→backup:${f.people.backup.id}`]);
  });
});
