import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/domains/audit/audit.schema';
import { notifications } from '../../src/domains/notifications/notifications.schema';
import { outboxMessages } from '../../src/domains/outbox/outbox.schema';
import { winBackCadences } from '../../src/domains/recovery/recovery.schema';
import { createTestBaton, TEST_PASSWORD, type TestBaton } from '../support/test-baton';

const DAY = 86_400_000;
type Reminder = {
  id: string;
  clientName: string;
  day: number;
  state: string;
  dueAt: string;
  note: string | null;
  script: { lines: string[] };
};

describe('win-back: a lost client gets reminder calls at 30, 60 and 90 days until won back', () => {
  let t: TestBaton;
  let workspaceId: string;
  let people: { admin: { id: string; email: string }; manager: { id: string; email: string }; owner: { id: string; email: string } };
  let other: { id: string; email: string };
  let clients: { orsini: string; northwind: string; harbor: string };
  let lostAt: number;
  const session = (email: string) => t.signIn(email);
  const remindersOf = async (email: string) =>
    (await (await session(email)).request('GET', '/api/recovery/win-back')).json().reminders as Reminder[];
  const due = async () =>
    (
      await t.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, people.owner.id), eq(notifications.kind, 'recovery.win_back_due')))
    ).map((row) => row.data.subject);
  const at = async (days: number) => {
    t.clock.set(new Date(lostAt + days * DAY));
    await t.runJobs();
  };

  beforeAll(async () => {
    t = await createTestBaton();
    const { workspace, users } = await t.createWorkspaceWithUsers(['admin', 'manager', 'member']);
    const [admin, manager, owner] = users;
    const second = await t.deps.members.createUser({
      workspaceId: workspace.id,
      email: `other-${workspace.slug}@example.test`,
      name: 'Other member',
      role: 'member',
      language: 'en',
      password: TEST_PASSWORD,
    });
    if (!admin || !manager || !owner || !second) throw new Error('setup failed');
    workspaceId = workspace.id;
    people = { admin, manager, owner };
    other = second;
    const anna = await session(owner.email);
    const create = async (name: string, language: 'en' | 'it', email: string) =>
      (
        await anna.request('POST', '/api/clients', { name, language, tier: 'key', contacts: [{ name: 'Giulia Orsini', emails: [email] }] })
      ).json().id as string;
    clients = {
      orsini: await create('Orsini Costruzioni', 'it', 'giulia@orsini.example'),
      northwind: await create('Northwind Logistics', 'en', 'tom@northwind.example'),
      harbor: await create('Harbor & Pine', 'en', 'ada@harbor.example'),
    };
  });
  afterAll(() => t.close());

  it('uses 30, 60 and 90 days by default; only admins change them, with clear errors', async () => {
    const admin = await session(people.admin.email);
    expect((await admin.request('GET', '/api/recovery/settings')).json()).toEqual({ winBackDays: [30, 60, 90] });
    const member = await session(people.owner.email);
    expect((await member.request('PUT', '/api/recovery/settings', { winBackDays: [7] })).statusCode).toBe(403);
    for (const [days, message] of [
      [[], /at least one/],
      [[60, 30], /increasing order/],
      [[30, 30], /increasing order/],
      [[0], /at least 1/],
      [[1.5], /integer|int/],
    ] as const) {
      const response = await admin.request('PUT', '/api/recovery/settings', { winBackDays: days });
      expect([response.statusCode, response.json().error.code]).toEqual([400, 'request.invalid']);
      expect(response.json().error.message).toMatch(message);
    }
    expect((await admin.request('GET', '/api/recovery/settings')).json()).toEqual({ winBackDays: [30, 60, 90] });
  });

  it('schedules three reminders for the owner when a client is marked lost', async () => {
    lostAt = t.clock.now().getTime();
    const anna = await session(people.owner.email);
    for (const clientId of [clients.orsini, clients.northwind]) {
      const response = await anna.request('POST', `/api/clients/${clientId}/status`, { status: 'lost', reason: 'Moved to a competitor' });
      expect(response.statusCode).toBe(200);
    }
    const reminders = await remindersOf(people.owner.email);
    expect(reminders.map((reminder) => `${reminder.clientName} ${reminder.day} ${reminder.state}`).sort()).toEqual([
      'Northwind Logistics 30 scheduled',
      'Northwind Logistics 60 scheduled',
      'Northwind Logistics 90 scheduled',
      'Orsini Costruzioni 30 scheduled',
      'Orsini Costruzioni 60 scheduled',
      'Orsini Costruzioni 90 scheduled',
    ]);
    expect(reminders.find((reminder) => reminder.day === 30)?.dueAt).toBe(new Date(lostAt + 30 * DAY).toISOString());
    expect(await remindersOf(other.email)).toEqual([]);
  });

  it('reminds the owner at 30 days, not before, with a short script in the client’s language', async () => {
    await at(29.9);
    expect(await due()).toEqual([]);
    await at(30);
    expect((await due()).sort()).toEqual([
      'Win-back call: Northwind Logistics, 30 days after it was lost',
      'Win-back call: Orsini Costruzioni, 30 days after it was lost',
    ]);
    const mails = await t.db.select().from(outboxMessages).where(eq(outboxMessages.kind, 'notification.recovery.win_back_due'));
    const orsiniMail = mails.find((mail) => mail.subject.includes('Orsini'));
    expect(orsiniMail?.textBody).toContain('What you could say (in Italian):');
    expect(orsiniMail?.textBody).toContain('Buongiorno Giulia');
    expect(orsiniMail?.textBody).toContain('Come si trova con la nuova soluzione?');
    const reminders = await remindersOf(people.owner.email);
    expect(reminders.filter((reminder) => reminder.state === 'due').map((reminder) => reminder.day)).toEqual([30, 30]);
  });

  it('logs a reminder as done with a note, once; others cannot log it', async () => {
    const reminder = (await remindersOf(people.owner.email)).find((row) => row.clientName === 'Orsini Costruzioni' && row.day === 30);
    if (!reminder) throw new Error('no reminder');
    const outsider = await session(other.email);
    expect((await outsider.request('POST', `/api/recovery/win-back/${reminder.id}/log`, { note: 'x' })).statusCode).toBe(404);
    const anna = await session(people.owner.email);
    const logged = await anna.request('POST', `/api/recovery/win-back/${reminder.id}/log`, {
      note: 'Not happy with the new agency’s timelines',
    });
    expect(logged.json()).toMatchObject({
      state: 'done',
      note: 'Not happy with the new agency’s timelines',
      doneByName: expect.any(String),
    });
    const again = await anna.request('POST', `/api/recovery/win-back/${reminder.id}/log`, { note: 'again' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'recovery.reminder_done']);
    const tooLong = await anna.request('POST', `/api/recovery/win-back/${reminder.id}/log`, { note: 'x'.repeat(2001) });
    expect(tooLong.statusCode).toBe(400);
  });

  it('stops the cadence when the client is won back, and keeps the history', async () => {
    await at(45);
    const anna = await session(people.owner.email);
    await anna.request('POST', `/api/clients/${clients.northwind}/status`, { status: 'won_back', reason: 'Signed the renewal' });
    const northwind = (await remindersOf(people.owner.email)).filter((reminder) => reminder.clientName === 'Northwind Logistics');
    expect(northwind.map((reminder) => `${reminder.day} ${reminder.state}`)).toEqual(['30 cancelled', '60 cancelled', '90 cancelled']);
    const cancelled = northwind[1];
    if (!cancelled) throw new Error('no reminder');
    const log = await anna.request('POST', `/api/recovery/win-back/${cancelled.id}/log`, { note: 'late' });
    expect([log.statusCode, log.json().error.code]).toEqual([409, 'recovery.reminder_cancelled']);
    const history = (await anna.request('GET', `/api/clients/${clients.northwind}`)).json().statusHistory;
    expect(history.slice(0, 2).map((change: { toStatus: string }) => change.toStatus)).toEqual(['won_back', 'lost']);
    expect(
      (await t.db.select().from(winBackCadences).where(eq(winBackCadences.clientId, clients.northwind))).map((row) => row.endedStatus),
    ).toEqual(['won_back']);
  });

  it('reminds at 60 and 90 days only for the client still lost; the last one leaves the door open', async () => {
    await at(60);
    await at(90);
    await at(120);
    expect((await due()).sort()).toEqual([
      'Win-back call: Northwind Logistics, 30 days after it was lost',
      'Win-back call: Orsini Costruzioni, 30 days after it was lost',
      'Win-back call: Orsini Costruzioni, 60 days after it was lost',
      'Win-back call: Orsini Costruzioni, 90 days after it was lost',
    ]);
    const orsini = (await remindersOf(people.owner.email)).filter((reminder) => reminder.clientName === 'Orsini Costruzioni');
    expect(orsini.map((reminder) => `${reminder.day} ${reminder.state}`)).toEqual(['30 done', '60 due', '90 due']);
    expect(orsini[2]?.script.lines.at(-1)).toMatch(/porta è sempre aperta/);
    expect(orsini[1]?.script.lines.at(-1)).not.toMatch(/porta/);
  });

  it('applies new days to clients lost afterwards, and a manager may log the owner’s reminders', async () => {
    const admin = await session(people.admin.email);
    expect((await admin.request('PUT', '/api/recovery/settings', { winBackDays: [7, 14] })).json()).toEqual({ winBackDays: [7, 14] });
    const anna = await session(people.owner.email);
    await anna.request('POST', `/api/clients/${clients.harbor}/status`, { status: 'lost', reason: 'Project cancelled' });
    const harbor = (await remindersOf(people.owner.email)).filter((reminder) => reminder.clientName === 'Harbor & Pine');
    expect(harbor.map((reminder) => reminder.day)).toEqual([7, 14]);
    const manager = await session(people.manager.email);
    const logged = await manager.request('POST', `/api/recovery/win-back/${harbor[0]?.id}/log`, {});
    expect(logged.json()).toMatchObject({ state: 'done', note: null });
    const actions = (await t.db.select().from(auditEvents).where(eq(auditEvents.workspaceId, workspaceId))).map((event) => event.action);
    expect(actions.filter((action) => action.startsWith('recovery.'))).toEqual(
      expect.arrayContaining([
        'recovery.settings_updated',
        'recovery.win_back_started',
        'recovery.win_back_ended',
        'recovery.win_back_logged',
      ]),
    );
  });
});
