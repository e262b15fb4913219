import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactSummary, Escalation } from '../src/contracts/coverage.contracts';
import type { MailMessageSummary } from '../src/contracts/mail.contracts';
import type { OutboxMessage } from '../src/contracts/outbox.contracts';
import type { RecoveryTask, WinBackReminder } from '../src/contracts/recovery.contracts';
import { DEMO_PASSWORD, demoPeople } from '../src/domains/demo/demo.seed';
import { createBaton } from '../src/main';
import { loadConfig } from '../src/platform/config/config';
import { createLogger } from '../src/platform/logger/logger';
import { createTestDatabase } from './support/test-database';

async function signIn(baton: Awaited<ReturnType<typeof batonOn>>, email: string) {
  const login = await baton.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: DEMO_PASSWORD } });
  expect(login.statusCode).toBe(200);
  // The headers of a signed-in request: the session cookie, and the CSRF token writes echo.
  return { cookie: `baton_session=${login.cookies[0]?.value}`, 'x-csrf-token': login.json().csrfToken as string };
}

async function batonOn(database: Awaited<ReturnType<typeof createTestDatabase>>, demo: boolean) {
  return createBaton({
    config: loadConfig({ LOG_LEVEL: 'silent', BATON_DEMO: String(demo) }),
    logger: createLogger('silent'),
    database,
    webDir: null,
    startJobs: false,
  });
}

describe('the demo workspace', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('loads the cast of DEMO.md and their eight clients into an empty database, once', async () => {
    const baton = await batonOn(database, true);
    expect(await baton.loadDemoIfEmpty()).toBe(true);
    expect(await baton.loadDemoIfEmpty()).toBe(false);
    const login = await baton.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'lucia@ferri-bellini.example', password: DEMO_PASSWORD },
    });
    expect(login.json().workspace).toMatchObject({
      name: 'Ferri & Bellini Consulting',
      timezone: 'Europe/Rome',
      defaultLanguage: 'it',
      isDemo: true,
    });
    const headers = { cookie: `baton_session=${login.cookies[0]?.value}` };
    const people = (await baton.app.inject({ method: 'GET', url: '/api/users', headers })).json();
    expect(people.map((person: { email: string; role: string }) => [person.email, person.role]).sort()).toEqual(
      demoPeople.map((person) => [person.email, person.role]).sort(),
    );
    const clients = (await baton.app.inject({ method: 'GET', url: '/api/clients', headers })).json();
    expect(clients).toHaveLength(8);
    expect(
      clients
        .filter((client: { tier: string }) => client.tier === 'key')
        .map((client: { name: string }) => client.name)
        .sort(),
    ).toEqual(['Bluefin Analytics', 'Northwind Logistics Ltd', 'Orsini Costruzioni S.p.A.']);
    expect(clients.every((client: { domains: string[] }) => client.domains.length > 0)).toBe(true);
    expect((await baton.deps.audit.verifyWorkspace(login.json().workspace.id)).ok).toBe(true);
    await baton.close();
  });

  it("tells last summer's coverage: Anna's mail, what the delegates did with it and the escalations, as Marco sees them", async () => {
    const baton = await batonOn(database, true);
    const marco = await signIn(baton, 'marco@ferri-bellini.example');
    const get = async (url: string) => {
      const response = await baton.app.inject({ method: 'GET', url, headers: marco });
      expect(response.statusCode, url).toBe(200);
      return response.json();
    };
    const absences: { id: string; state: string; ownerId: string }[] = await get('/api/absences?scope=all');
    const past = absences.find((absence) => absence.state === 'returned');
    if (!past) throw new Error('the past absence is missing');

    const { contacts }: { contacts: ContactSummary[] } = await get('/api/coverage/queue?scope=all&state=all');
    expect(contacts.every((contact) => contact.absenceId === past.id && contact.state === 'closed')).toBe(true);
    const of = (clientName: string, kind = 'email') => {
      const found = contacts.filter((contact) => contact.clientName === clientName && contact.kind === kind);
      expect(found, `${clientName} ${kind}`).toHaveLength(1);
      return found[0] as ContactSummary;
    };
    expect(contacts).toHaveLength(4);
    const orsiniEmail = of('Orsini Costruzioni S.p.A.');
    expect(orsiniEmail).toMatchObject({ messageCount: 2, outcome: 'waiting_for_owner', assigneeName: 'Peter Marsh', tier: 'key' });
    const orsiniCall = of('Orsini Costruzioni S.p.A.', 'call');
    expect(orsiniCall).toMatchObject({ outcome: 'no_information', outcomeNote: 'No details on the new date were left' });
    const northwind = of('Northwind Logistics Ltd');
    expect(northwind).toMatchObject({ messageCount: 3, outcome: 'answered', assigneeName: 'Peter Marsh', escalated: true });
    expect(northwind.signals?.angry).toBe(true);
    // Answered only after the first-response deadline had passed.
    expect(Date.parse(northwind.firstResponseAt ?? '')).toBeGreaterThan(Date.parse(northwind.dueAt ?? ''));
    const vini = of('Vini Lucchesi');
    expect(vini).toMatchObject({ outcome: 'answered', tier: 'standard', escalated: false });
    expect(Date.parse(vini.firstResponseAt ?? '') - Date.parse(vini.receivedAt)).toBeLessThan(3_600_000);

    const northwindDetail = await get(`/api/coverage/contacts/${northwind.id}`);
    const actors = (kind: string) =>
      northwindDetail.activities
        .filter((activity: { kind: string }) => activity.kind === kind)
        .map((activity: { actorName: string }) => activity.actorName);
    expect(actors('reply')).toEqual(['Sara Colombo']);
    expect(actors('outcome')).toEqual(['Sara Colombo']);
    expect(actors('message')).toHaveLength(3);

    const { escalations }: { escalations: Escalation[] } = await get('/api/coverage/escalations?state=all');
    const escalation = (rule: string, contactId: string) => {
      const found = escalations.find((row) => row.rule === rule && row.contactId === contactId);
      if (!found) throw new Error(`no ${rule} escalation`);
      return found;
    };
    const noInformation = escalation('no_information', orsiniCall.id);
    expect(noInformation).toMatchObject({ recipientName: 'Marco Bellini', state: 'resolved', resolvedByName: 'Marco Bellini' });
    expect(noInformation.resolutionNote).toBeTruthy();
    expect(noInformation.createdAt.slice(0, 10)).toBe(orsiniCall.receivedAt.slice(0, 10));
    const callDetail = await get(`/api/coverage/contacts/${orsiniCall.id}`);
    const petersReceipt = callDetail.brief.acknowledgements.find((ack: { delegateName: string }) => ack.delegateName === 'Peter Marsh');
    expect(noInformation.evidence.receipt).toEqual({
      delegateName: 'Peter Marsh',
      version: callDetail.brief.version,
      contentHash: callDetail.brief.contentHash,
      acknowledgedAt: petersReceipt.acknowledgedAt,
      readBack: 'ok, no problem',
    });
    expect(escalation('sla_breach', northwind.id)).toMatchObject({ target: 'backup', recipientName: 'Sara Colombo', state: 'resolved' });
    expect(escalation('repeat_contact', northwind.id)).toMatchObject({ recipientName: 'Sara Colombo' });
    expect(escalation('anger_key_account', northwind.id)).toMatchObject({
      recipientName: 'Marco Bellini',
      resolvedByName: 'Marco Bellini',
    });

    // The machine mail reached Anna's mailbox during the absence, but nobody had to answer it.
    const messages: MailMessageSummary[] = await get('/api/mail/messages?limit=50');
    expect(messages).toHaveLength(8);
    const newsletter = messages.find((message) => message.fromAddress === 'newsletter@farmacia-santanna.example');
    expect(newsletter).toMatchObject({ clientName: "Farmacia Sant'Anna", absenceId: past.id, autoReplyReason: 'list-header' });
    const supplier = messages.find((message) => message.autoReplyReason === 'auto-submitted');
    expect(supplier).toMatchObject({ clientId: null, absenceId: past.id });
    // Neither became a contact; nor did anything from Harbor & Pine, who did not write.
    const names = contacts.map((contact) => contact.clientName);
    expect(names).not.toContain("Farmacia Sant'Anna");
    expect(names).not.toContain('Harbor & Pine Architects');
    expect(names).not.toContain(null);

    // Team insights show last summer with the readiness recorded at departure.
    const insights = await get('/api/insights');
    expect(insights.absences.find((row: { absenceId: string }) => row.absenceId === past.id)?.readiness).toEqual({
      percent: 100,
      gateOpen: true,
      overridden: false,
    });

    // The routing jobs ingestion queued find the absence over: nothing is sent, routed or changed.
    await baton.jobRunner.runDue();
    expect((await get('/api/coverage/queue?scope=all&state=all')).contacts).toHaveLength(4);
    const lucia = await signIn(baton, 'lucia@ferri-bellini.example');
    const outbox: OutboxMessage[] = (await baton.app.inject({ method: 'GET', url: '/api/outbox', headers: lucia })).json();
    // Only the team's own mail from Anna's return (her briefing, the debrief invitations): no client was written to.
    expect(outbox.filter((message) => !message.to.endsWith('@ferri-bellini.example'))).toEqual([]);
    expect(outbox.map((message) => message.kind)).toContain('notification.recovery.return_briefing');
    expect((await baton.deps.audit.verifyWorkspace((await get('/api/workspace')).id)).ok).toBe(true);
    await baton.close();
  });

  it("tells Anna's return: Northwind recovered, Orsini lost to a competitor with two of three win-back calls made; the debrief is done; the report is final", async () => {
    const baton = await batonOn(database, true);
    const anna = await signIn(baton, 'anna@ferri-bellini.example');
    const get = async (url: string) => {
      const response = await baton.app.inject({ method: 'GET', url, headers: anna });
      expect(response.statusCode, url).toBe(200);
      return response.json();
    };
    const absences: { id: string; state: string }[] = await get('/api/absences');
    const past = absences.find((absence) => absence.state === 'returned');
    if (!past) throw new Error('the past absence is missing');

    const briefing = await get(`/api/absences/${past.id}/return-briefing`);
    expect(briefing.clients[0]).toMatchObject({ name: 'Orsini Costruzioni S.p.A.', rank: 1 });
    // Who answered, not who was assigned: Sara answered Northwind for Peter.
    const handledBy = (name: string) =>
      briefing.clients.find((client: { name: string }) => client.name === name).handledBy.map((person: { name: string }) => person.name);
    expect(handledBy('Northwind Logistics Ltd')).toEqual(['Sara Colombo']);
    expect(handledBy('Orsini Costruzioni S.p.A.')).toEqual(['Peter Marsh']);
    const { tasks }: { tasks: RecoveryTask[] } = await get(`/api/absences/${past.id}/recovery-tasks`);
    const outcome = (name: string) => tasks.find((task) => task.clientName === name)?.lastOutcome;
    expect(outcome('Northwind Logistics Ltd')).toBe('recovered');
    expect(outcome('Orsini Costruzioni S.p.A.')).toBe('lost');
    // Vini Lucchesi's call is left for a new user to make.
    expect(tasks.filter((task) => task.state === 'open').map((task) => task.clientName)).toEqual(['Vini Lucchesi']);

    const clients: { name: string; status: string }[] = await get('/api/clients');
    expect(clients.find((client) => client.name === 'Orsini Costruzioni S.p.A.')?.status).toBe('lost');
    expect(clients.find((client) => client.name === 'Northwind Logistics Ltd')?.status).toBe('active');

    const { reminders }: { reminders: WinBackReminder[] } = await get('/api/recovery/win-back');
    expect(reminders.map((reminder) => [reminder.day, reminder.state === 'done'])).toEqual([
      [30, true],
      [60, true],
      [90, false],
    ]);
    expect(reminders.find((reminder) => reminder.day === 60)?.note).toMatch(/non è contenta dei tempi/);
    // The debrief with Peter is concluded: his answers, and the finding Marco recorded.
    const { debrief } = await get(`/api/absences/${past.id}/debrief`);
    expect(debrief.state).toBe('concluded');
    expect(debrief.findings.map((finding: { category: string }) => finding.category)).toEqual(['workload']);
    const petersAnswers = debrief.answers.filter((answer: { respondentName: string }) => answer.respondentName === 'Peter Marsh');
    expect(petersAnswers.length).toBeGreaterThanOrEqual(4);
    expect(debrief.answers.some((answer: { questionId: string }) => /^client\..+\.information$/.test(answer.questionId))).toBe(true);
    // Her report for Marco is final, sent, and its PDF exports.
    const report = await get(`/api/absences/${past.id}/report`);
    expect(report).toMatchObject({ status: 'final', sentStatus: 'final' });
    expect(report.finalHash).toMatch(/^[0-9a-f]{64}$/);
    const requested = await baton.app.inject({
      method: 'POST',
      url: `/api/absences/${past.id}/report/exports`,
      headers: anna,
      payload: { format: 'pdf' },
    });
    expect(requested.statusCode, requested.body).toBeLessThan(300);
    await baton.jobRunner.runDue();
    const pdf = await baton.app.inject({ method: 'GET', url: `/api/report-exports/${requested.json().id}/file`, headers: anna });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The third call falls due within days of the load day, on either side.
    const third = Date.parse(reminders.find((reminder) => reminder.day === 90)?.dueAt ?? '');
    expect(Math.abs(third - Date.now())).toBeLessThan(8 * 86_400_000);
    expect((await baton.deps.audit.verifyWorkspace((await get('/api/workspace')).id)).ok).toBe(true);
    await baton.close();
  });

  it('refuses the published demo passwords when Baton is not in demo mode', async () => {
    const baton = await batonOn(database, false);
    const login = await baton.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'lucia@ferri-bellini.example', password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(401);
    await baton.close();
  });
});
