import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../src/domains/notifications/notifications.schema';
import { outboxMessages } from '../../src/domains/outbox/outbox.schema';
import { recoveryCalls, recoveryMessages } from '../../src/domains/recovery/recovery.schema';
import type { CoverageFixture } from '../coverage/setup';
import { createTestBaton, type TestBaton } from '../support/test-baton';
import { absenceWithTroubledClients } from './setup';

type Task = { id: string; clientId: string; clientName: string; rank: number; state: string; attempts: number; retryOn: string | null };

describe('recovery tasks: one apology call per client who got in touch, in the briefing’s order', () => {
  let t: TestBaton;
  let f: Awaited<ReturnType<typeof absenceWithTroubledClients>>;
  let giuliaMessageId: string;
  let owner: CoverageFixture['sessions']['owner'];
  let orsini: Task;
  let vini: Task;
  const tasksOf = async () => (await owner.request('GET', `/api/absences/${f.absence.id}/recovery-tasks`)).json().tasks as Task[];
  const statusOf = async (clientId: string) => (await owner.request('GET', `/api/clients/${clientId}`)).json();

  beforeAll(async () => {
    t = await createTestBaton({ PUBLIC_URL: 'https://baton.example.test' });
    f = await absenceWithTroubledClients(t);
    giuliaMessageId = f.giuliaMessageId;
    owner = f.sessions.owner;
  });
  afterAll(() => t.close());

  it('has no task while the absence runs', async () => {
    expect(await tasksOf()).toEqual([]);
    const early = await owner.request('POST', `/api/absences/${f.absence.id}/recovery-tasks`, {});
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'recovery.not_returned']);
    expect(await tasksOf()).toEqual([]);
  });

  it('creates one task per client with a contact when the owner is back, in rank order, once', async () => {
    await owner.request('POST', `/api/absences/${f.absence.id}/return`, {});
    await t.runJobs();
    const tasks = await tasksOf();
    expect(tasks.map((task) => [task.rank, task.clientName, task.state, task.attempts])).toEqual([
      [1, 'Orsini Costruzioni', 'open', 0],
      [2, 'Vini Lucchesi', 'open', 0],
    ]);
    [orsini, vini] = tasks as [Task, Task];
    // The return job may run again (a retry): nothing is duplicated.
    expect(await t.deps.recoveryTasks.createForAbsence(f.workspace.id, f.absence.id)).toBe(0);
    const again = await owner.request('POST', `/api/absences/${f.absence.id}/recovery-tasks`, {});
    expect(again.json().tasks.map((task: Task) => task.id)).toEqual(tasks.map((task) => task.id));
    expect((await f.sessions.manager.request('POST', `/api/absences/${f.absence.id}/recovery-tasks`, {})).statusCode).toBe(403);
    expect(await f.auditOf('recovery.tasks_created')).toHaveLength(1);
    expect((await owner.request('GET', '/api/recovery/tasks?state=open')).json().tasks).toHaveLength(2);
  });

  it('shows a call script in the client’s language and the client’s history during the absence', async () => {
    const detail = (await owner.request('GET', `/api/recovery/tasks/${orsini.id}`)).json();
    expect(detail).toMatchObject({
      clientName: 'Orsini Costruzioni',
      language: 'it',
      canAct: true,
      history: { counts: { contacts: 2, emails: 1, calls: 1, noInformation: 1 } },
      compose: { to: 'giulia@orsini.example', subject: 'Re: Go-live', threaded: true },
    });
    expect(detail.compose.from).toContain(f.mailbox.address);
    expect(detail.reasons.map((reason: { reason: string }) => reason.reason)).toContain('no_information');
    expect(detail.script.language).toBe('it');
    const lines = detail.script.steps.flatMap((step: { lines: string[] }) => step.lines).join('\n');
    expect(lines).toContain('Buongiorno Giulia');
    expect(lines).toContain('Mi dispiace');
    expect(lines).toContain('«Go-live»');
    expect(detail.history.contacts.map((contact: { kind: string }) => contact.kind).sort()).toEqual(['call', 'email']);
  });

  it('lets the manager read but not act; the delegates and outsiders see nothing', async () => {
    const manager = await f.sessions.manager.request('GET', `/api/recovery/tasks/${orsini.id}`);
    expect(manager.statusCode).toBe(200);
    expect(manager.json().canAct).toBe(false);
    const call = await f.sessions.manager.request('POST', `/api/recovery/tasks/${orsini.id}/calls`, { outcome: 'recovered' });
    expect([call.statusCode, call.json().error.code]).toEqual([403, 'recovery.not_owner']);
    for (const session of [f.sessions.primary, f.sessions.backup, f.sessions.outsider]) {
      expect((await session.request('GET', `/api/recovery/tasks/${orsini.id}`)).statusCode).toBe(404);
      expect((await session.request('GET', `/api/absences/${f.absence.id}/recovery-tasks`)).statusCode).toBe(404);
      expect((await session.request('POST', `/api/recovery/tasks/${orsini.id}/calls`, { outcome: 'recovered' })).statusCode).toBe(404);
    }
    expect((await f.sessions.manager.request('GET', '/api/recovery/tasks')).json().tasks).toEqual([]);
  });

  it('refuses bad calls with a clear error and changes nothing', async () => {
    const cases: [unknown, string, RegExp][] = [
      [{ outcome: 'no_answer' }, 'request.invalid', /retryOn/],
      [{ outcome: 'no_answer', retryOn: '2026-02-30' }, 'request.invalid', /YYYY-MM-DD/],
      [{ outcome: 'no_answer', retryOn: '2020-01-01' }, 'recovery.retry_in_past', /today or later/],
      [{ outcome: 'no_answer', retryOn: '2031-01-01' }, 'recovery.retry_too_far', /within a year/],
      [{ outcome: 'lost' }, 'request.invalid', /lostReason/],
      [{ outcome: 'lost', lostReason: ' ' }, 'request.invalid', /say why/],
      [{ outcome: 'angry' }, 'request.invalid', /outcome/],
      [{ outcome: 'recovered', notes: 'x'.repeat(4001) }, 'request.invalid', /4000/],
    ];
    for (const [body, code, message] of cases) {
      const response = await owner.request('POST', `/api/recovery/tasks/${orsini.id}/calls`, body);
      expect({ body, status: response.statusCode, code: response.json().error.code }).toEqual({ body, status: 400, code });
      expect(response.json().error.message).toMatch(message);
    }
    expect((await owner.request('POST', '/api/recovery/tasks/not-a-uuid/calls', { outcome: 'recovered' })).statusCode).toBe(400);
    expect((await owner.request('GET', `/api/recovery/tasks/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect(await t.db.select().from(recoveryCalls)).toEqual([]);
    expect((await statusOf(f.keyClient.id)).status).toBe('active');
  });

  it('keeps the task open after no answer and reminds the owner on the retry day', async () => {
    // Now: Monday 23 March 2026, 11:40 in Rome. Try again on Wednesday.
    const response = await owner.request('POST', `/api/recovery/tasks/${vini.id}/calls`, {
      outcome: 'no_answer',
      retryOn: '2026-03-25',
      nextStep: 'Ask whether the resent invoice arrived',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ state: 'open', attempts: 1, lastOutcome: 'no_answer', retryOn: '2026-03-25' });
    const retries = () =>
      t.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, f.people.owner.id), eq(notifications.kind, 'recovery.call_retry')));
    await t.runJobs();
    expect(await retries()).toHaveLength(0);
    t.clock.set('2026-03-25T07:59:00Z'); // 08:59 in Rome
    await t.runJobs();
    expect(await retries()).toHaveLength(0);
    t.clock.set('2026-03-25T08:00:00Z');
    await t.runJobs();
    const [retry] = await retries();
    expect(retry).toMatchObject({ link: `/recovery/tasks/${vini.id}`, data: { subject: 'Call Vini Lucchesi again today' } });
    const [mail] = await t.db.select().from(outboxMessages).where(eq(outboxMessages.kind, 'notification.recovery.call_retry'));
    expect(mail?.textBody).toContain('Next step you noted: Ask whether the resent invoice arrived');
    // Two days passed: sign in again.
    owner = await t.signIn(f.people.owner.email);
    expect((await statusOf(f.standardClient.id)).status).toBe('active');
  });

  it('moves the client’s status with each answered call, with its history and audit', async () => {
    const still = await owner.request('POST', `/api/recovery/tasks/${orsini.id}/calls`, {
      outcome: 'still_at_risk',
      notes: 'Giulia is upset about the go-live date.',
      nextStep: 'Send the new date by Friday',
    });
    expect(still.json()).toMatchObject({ state: 'done', attempts: 1, lastOutcome: 'still_at_risk', clientStatus: 'at_risk' });
    t.clock.advance(3 * 3_600_000);
    const recovered = await owner.request('POST', `/api/recovery/tasks/${orsini.id}/calls`, {
      outcome: 'recovered',
      notes: 'Date agreed.',
    });
    expect(recovered.json()).toMatchObject({ state: 'done', attempts: 2, clientStatus: 'active' });
    expect(recovered.json().calls.map((call: { outcome: string }) => call.outcome)).toEqual(['recovered', 'still_at_risk']);
    const client = await statusOf(f.keyClient.id);
    expect(
      client.statusHistory.slice(0, 2).map((change: { fromStatus: string; toStatus: string; reason: string }) => change),
    ).toMatchObject([
      { fromStatus: 'at_risk', toStatus: 'active', reason: 'Date agreed.', changedBy: f.people.owner.id },
      { fromStatus: 'active', toStatus: 'at_risk', reason: 'Giulia is upset about the go-live date.' },
    ]);
    const audited = await f.auditOf('client.status_changed');
    expect(audited.map((event) => event.data)).toContainEqual({
      from: 'active',
      to: 'at_risk',
      reason: expect.any(String),
      source: 'recovery_call',
    });
    expect(await f.auditOf('recovery.call_logged')).toHaveLength(3);
  });

  it('marks a client lost with its reason, which starts the win-back cadence', async () => {
    const lost = await owner.request('POST', `/api/recovery/tasks/${vini.id}/calls`, {
      outcome: 'lost',
      lostReason: 'Moved to a competitor after the invoice mix-up',
    });
    expect(lost.json()).toMatchObject({ state: 'done', retryOn: null, clientStatus: 'lost' });
    const client = await statusOf(f.standardClient.id);
    expect(client.statusHistory[0]).toMatchObject({ toStatus: 'lost', reason: 'Moved to a competitor after the invoice mix-up' });
    const reminders = (await owner.request('GET', '/api/recovery/win-back')).json().reminders;
    expect(reminders.map((reminder: { clientName: string; day: number }) => `${reminder.clientName} ${reminder.day}`)).toEqual([
      'Vini Lucchesi 30',
      'Vini Lucchesi 60',
      'Vini Lucchesi 90',
    ]);
    expect(reminders[0].script.language).toBe('it');
  });

  it('checks a draft for blame live, in the reader’s language', async () => {
    const response = await owner.request('POST', '/api/recovery/blame-check', {
      text: 'Mi scuso: il mio collega doveva occuparsene lui.',
    });
    expect(response.json()).toMatchObject({
      findings: [
        { text: 'il mio collega', kind: 'colleague' },
        { text: 'doveva occuparsene lui', kind: 'supposed_to' },
      ],
      advice: expect.stringMatching(/caught in the crossfire/),
    });
    expect((await owner.request('POST', '/api/recovery/blame-check', { text: 'Le mando la data entro venerdì.' })).json()).toEqual({
      findings: [],
      advice: null,
    });
    expect((await owner.request('POST', '/api/recovery/blame-check', { text: 'x'.repeat(20_001) })).statusCode).toBe(400);
  });

  it('holds a message that shifts blame until the owner confirms, then sends it threaded from her mailbox', async () => {
    const body = 'Gentile Giulia, mi scuso per l’attesa. Avevo lasciato tutte le informazioni, ma il mio collega non le ha viste.';
    const sent = () => t.db.select().from(outboxMessages).where(eq(outboxMessages.kind, 'recovery.message'));
    const held = await owner.request('POST', `/api/recovery/tasks/${orsini.id}/messages`, { subject: 'Re: Go-live', body });
    expect(held.statusCode).toBe(409);
    expect(held.json().error).toMatchObject({
      code: 'recovery.blame_flagged',
      findings: [
        { text: 'Avevo lasciato tutte le informazioni', kind: 'left_information' },
        { text: 'il mio collega', kind: 'colleague' },
      ],
    });
    expect(await sent()).toEqual([]);
    expect(await t.db.select().from(recoveryMessages)).toEqual([]);

    const confirmed = await owner.request('POST', `/api/recovery/tasks/${orsini.id}/messages`, {
      subject: 'Re: Go-live',
      body,
      confirmed: true,
    });
    expect(confirmed.statusCode).toBe(201);
    const [mail] = await sent();
    expect(mail).toMatchObject({ toAddress: 'giulia@orsini.example', subject: 'Re: Go-live', textBody: body, language: 'it' });
    expect(mail?.fromAddress).toContain(f.mailbox.address);
    expect(mail?.headers['In-Reply-To']).toBe(giuliaMessageId);
    expect(mail?.headers.References).toContain(giuliaMessageId);
    expect(confirmed.json().messages[0]).toMatchObject({ to: 'giulia@orsini.example', threaded: true, findings: [{}, {}] });
    const [audit] = await f.auditOf('recovery.message_sent');
    expect(audit?.data).toMatchObject({ sentDespiteFlags: true, threaded: true, to: 'giulia@orsini.example' });

    const clean = await owner.request('POST', `/api/recovery/tasks/${orsini.id}/messages`, {
      subject: 'Nuova data di go-live',
      body: 'Gentile Giulia, come concordato le confermo la nuova data entro venerdì.',
    });
    expect(clean.statusCode).toBe(201);
    expect(clean.json().messages[0]).toMatchObject({ subject: 'Nuova data di go-live', findings: [] });
  });

  it('refuses empty messages and writes from anyone but the owner', async () => {
    const empty = await owner.request('POST', `/api/recovery/tasks/${orsini.id}/messages`, { subject: 'Hi', body: '  ' });
    expect([empty.statusCode, empty.json().error.message]).toEqual([400, expect.stringMatching(/write the message first/)]);
    const manager = await (await t.signIn(f.people.manager.email)).request('POST', `/api/recovery/tasks/${orsini.id}/messages`, {
      subject: 'Hi',
      body: 'Hello',
    });
    expect(manager.statusCode).toBe(403);
    expect(await t.db.select().from(recoveryMessages)).toHaveLength(2);
  });
});
