import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoveryTasks, winBackReminders } from '../../src/domains/recovery/recovery.schema';
import { debriefFindings, debriefs } from '../../src/domains/reports/debrief.schema';
import { reportExports } from '../../src/domains/reports/report.schema';
import { webhookDeliveries } from '../../src/domains/webhooks/webhooks.schema';
import { createTestBaton, type TestBaton } from '../support/test-baton';

/**
 * Walks every registered API route. A new route is covered automatically; a route with a new
 * path parameter or a write body fails here until it is added to the tables below.
 */

/** A valid body per write route, so that cross-tenant calls reach the handler instead of failing validation. */
const validBodies: Record<string, unknown> = {
  'PATCH /api/users/:userId': { role: 'member' },
  'PATCH /api/workspace': { name: 'Renamed' },
  'PATCH /api/me': { name: 'Someone' },
  'POST /api/me/password': { currentPassword: 'x', newPassword: 'a new password' },
  'POST /api/me/tokens': { name: 'integration' },
  'POST /api/invitations': { email: 'new@example.test', role: 'member', language: 'en' },
  'POST /api/auth/login': { email: 'nobody@example.test', password: 'x' },
  'POST /api/notifications/:notificationId/read': {},
  'POST /api/absences/:absenceId/briefs': { clientId: '00000000-0000-4000-8000-000000000001' },
  'POST /api/absences/:absenceId/briefs/all': {},
  'POST /api/absences/:absenceId/briefs/share': {},
  'PATCH /api/briefs/:briefId': { content: {} },
  'POST /api/briefs/:briefId/acknowledgements': { version: 1, contentHash: 'a'.repeat(64) },
  'POST /api/acknowledgements/:acknowledgementId/review': { decision: 'accept' },
  'POST /api/briefs/:briefId/questions': { question: 'Who approves?' },
  'POST /api/brief-questions/:questionId/answer': { answer: 'Giulia.' },
  'POST /api/brief-templates': { name: 'Template', content: {} },
  'PATCH /api/brief-templates/:templateId': { name: 'Template', content: {} },
  'POST /api/invitations/accept': { token: 'x'.repeat(40), name: 'X', password: 'long enough password' },
  'PATCH /api/clients/:clientId': { name: 'Renamed' },
  'POST /api/clients/:clientId/status': { status: 'lost', reason: 'cross-tenant probe' },
  'POST /api/clients/:clientId/archive': {},
  'POST /api/clients/:clientId/unarchive': {},
  'POST /api/clients/:clientId/contacts': { name: 'Probe' },
  'PATCH /api/clients/:clientId/contacts/:contactId': { name: 'Probe' },
  'POST /api/clients/:clientId/projects': { name: 'Probe' },
  'PATCH /api/clients/:clientId/projects/:projectId': { name: 'Probe' },
  'POST /api/client-imports/:importId/dry-run': { mapping: {} },
  'POST /api/client-imports/:importId/start': { mapping: {} },
  'PATCH /api/absences/:absenceId': { endsAt: '2030-01-10T18:00' },
  'POST /api/absences/:absenceId/return': {},
  'POST /api/absences/:absenceId/close': {},
  'POST /api/absences/:absenceId/gate-override': { reason: 'a reason long enough' },
  'PUT /api/absences/:absenceId/status-link': { enabled: true },
  'POST /api/absences/:absenceId/status-links/revoke': {},
  'POST /api/mail/mailboxes': { address: 'someone@example.test' },
  'PATCH /api/mail/mailboxes/:mailboxId': { aliases: [] },
  'PUT /api/mail/mailboxes/:mailboxId/imap': { host: 'imap.example.test', port: 993, secure: true, username: 'probe', password: 'x' },
  'POST /api/mail/mailboxes/:mailboxId/imap/test': { host: 'imap.example.test', port: 993, secure: true, username: 'probe', password: 'x' },
  'POST /api/mail/imap/test': { host: 'imap.example.test', port: 993, secure: true, username: 'probe', password: 'x' },
  'POST /api/mail/mailboxes/:mailboxId/sync': {},
  'POST /api/mail/messages/:messageId/attach-sender': { clientId: randomUUID() },
  'POST /api/mail/messages/:messageId/retry': {},
  'PUT /api/mail/settings': { autoReplyAudience: 'everyone', autoReplyIntervalDays: 7 },
  'POST /api/coverage/contacts/:coverageContactId/replies': { body: 'Probe' },
  'POST /api/coverage/contacts/:coverageContactId/outcome': { outcome: 'answered' },
  'POST /api/coverage/contacts/:coverageContactId/client': { clientId: randomUUID() },
  'POST /api/coverage/escalations/:escalationId/acknowledge': {},
  'POST /api/coverage/escalations/:escalationId/resolve': { note: 'Probe' },
  'POST /api/coverage/calls': { kind: 'call', clientId: randomUUID(), with: 'Probe', occurredAt: '2026-03-02T08:00:00Z', summary: 'Probe' },
  'PUT /api/coverage/settings': {
    calendar: { workingDays: [1, 2, 3, 4, 5], opensAt: '09:00', closesAt: '18:00', holidays: [] },
    sla: { key: { hours: 4 }, standard: { days: 1 } },
  },
  'POST /api/absences/:absenceId/recovery-tasks': {},
  'POST /api/recovery/tasks/:recoveryTaskId/calls': { outcome: 'recovered' },
  'POST /api/recovery/tasks/:recoveryTaskId/messages': { subject: 'Probe', body: 'Probe', confirmed: true },
  'POST /api/recovery/win-back/:reminderId/log': { note: 'Probe' },
  'POST /api/absences/:absenceId/debrief': {},
  'PUT /api/debriefs/:debriefId/answers': { questionId: 'brief', text: 'Probe' },
  'POST /api/debriefs/:debriefId/findings': { category: 'other' },
  'POST /api/debriefs/:debriefId/conclude': {},
  'PUT /api/absences/:absenceId/report/narrative': { text: 'Probe', confirmed: true },
  'POST /api/absences/:absenceId/report/narrative/check': { text: 'Probe' },
  'POST /api/absences/:absenceId/report/finalise': {},
  'POST /api/absences/:absenceId/report/send': {},
  'POST /api/absences/:absenceId/report/exports': { format: 'md' },
  // A raw message/rfc822 body; sent as JSON here it is refused (415) before anything is read.
  'POST /api/mail/inbound': {},
  'POST /api/webhooks': { url: 'https://hooks.example.test/baton', eventTypes: ['client.lost'] },
  'PATCH /api/webhooks/:webhookId': { enabled: false },
  'POST /api/webhooks/:webhookId/test': {},
  'POST /api/webhooks/deliveries/:deliveryId/redeliver': {},
};

/** A contact of workspace A's absence in the coverage console, escalated to its manager. */
async function coverageInWorkspace(t: TestBaton, workspaceId: string, absenceId: string, people: { ownerId: string; delegateId: string }) {
  return t.db.transaction(async (tx) => {
    const now = t.clock.now();
    const repo = t.deps.coverage.coverageRepository;
    const contact = await repo.insertContact(tx, {
      workspaceId,
      absenceId,
      conversationId: await repo.conversationId(tx, { workspaceId, absenceId, clientId: null, now }),
      ownerId: people.ownerId,
      kind: 'call',
      receivedAt: now,
      assigneeId: people.delegateId,
      assigneeRole: 'primary',
      createdAt: now,
    });
    const escalation = await repo.insertEscalation(tx, {
      workspaceId,
      absenceId,
      contactId: contact.id,
      rule: 'no_information',
      target: 'manager',
      recipientId: people.delegateId,
      evidence: {},
      createdAt: now,
    });
    return { coverageContactId: contact.id, escalationId: escalation?.id ?? '' };
  });
}

/** A recovery task of workspace A's absence, and the win-back reminders of a client marked lost. */
async function recoveryInWorkspace(
  t: TestBaton,
  admin: Awaited<ReturnType<TestBaton['signIn']>>,
  ids: { workspaceId: string; absenceId: string; clientId: string; ownerId: string },
) {
  const [task] = await t.db
    .insert(recoveryTasks)
    .values({ ...ids, rank: 1, score: 0, reasons: [], createdAt: t.clock.now() })
    .returning({ id: recoveryTasks.id });
  const lost = await admin.request('POST', `/api/clients/${ids.clientId}/status`, { status: 'lost', reason: 'cross-tenant setup' });
  if (lost.statusCode !== 200) throw new Error(`status change failed: ${lost.body}`);
  const [reminder] = await t.db.select().from(winBackReminders).where(eq(winBackReminders.clientId, ids.clientId));
  if (!task || !reminder) throw new Error('recovery setup failed');
  return { recoveryTaskId: task.id, reminderId: reminder.id };
}

/** The debrief of workspace A's absence, with a finding. */
async function debriefInWorkspace(t: TestBaton, workspaceId: string, absenceId: string) {
  const now = t.clock.now();
  const [debrief] = await t.db
    .insert(debriefs)
    .values({ workspaceId, absenceId, guideVersion: 1, questions: [], clients: [], createdAt: now })
    .returning({ id: debriefs.id });
  if (!debrief) throw new Error('debrief setup failed');
  const [finding] = await t.db
    .insert(debriefFindings)
    .values({ workspaceId, debriefId: debrief.id, category: 'other', createdAt: now })
    .returning({ id: debriefFindings.id });
  return { debriefId: debrief.id, findingId: finding?.id ?? '' };
}

/** An absence of workspace A with a shared brief, its acknowledgement and question, and a brief template. */
async function handoverInWorkspace(
  t: TestBaton,
  workspaceId: string,
  people: { owner: { id: string }; delegate: { id: string } },
  owner: Awaited<ReturnType<TestBaton['signIn']>>,
  delegate: Awaited<ReturnType<TestBaton['signIn']>>,
) {
  const absence = await t.db.transaction(async (tx) => {
    const client = await t.deps.clientsRepository.insertClient(
      tx,
      {
        workspaceId,
        name: 'Client A',
        tier: 'standard',
        language: 'en',
        ownerId: people.owner.id,
        domains: [],
        contacts: [],
        projects: [],
      },
      null,
      t.clock.now(),
    );
    return t.deps.absencesRepository.insert(
      tx,
      {
        workspaceId,
        ownerId: people.owner.id,
        startsAt: new Date('2026-06-01T07:00:00Z'),
        endsAt: new Date('2026-06-10T07:00:00Z'),
        primaryDelegateId: people.delegate.id,
        managerId: people.delegate.id,
        autoReply: { en: { subject: 'Away', body: 'Away' }, it: { subject: 'Assente', body: 'Assente' } },
      },
      [{ clientId: client.id, projectId: null }],
    );
  });
  const brief = (await owner.request('POST', `/api/absences/${absence.id}/briefs/all`, {})).json();
  if (brief.created !== 1) throw new Error('brief setup failed');
  await owner.request('POST', `/api/absences/${absence.id}/briefs/share`, {});
  const briefId = (await owner.request('GET', `/api/absences/${absence.id}/briefs`)).json().briefs[0].id;
  const current = (await delegate.request('GET', `/api/briefs/${briefId}`)).json().current;
  const acknowledgement = (
    await delegate.request('POST', `/api/briefs/${briefId}/acknowledgements`, { version: 1, contentHash: current.contentHash })
  ).json();
  const question = (await delegate.request('POST', `/api/briefs/${briefId}/questions`, { question: 'Who approves?' })).json();
  const template = (await delegate.request('POST', '/api/brief-templates', { name: 'A template', content: {} })).json();
  return { absenceId: absence.id, briefId, acknowledgementId: acknowledgement.id, questionId: question.id, templateId: template.id };
}

/** A webhook of workspace A with one delivery. */
async function webhookInWorkspace(t: TestBaton, workspaceId: string, admin: Awaited<ReturnType<TestBaton['signIn']>>) {
  const created = await admin.request('POST', '/api/webhooks', { url: 'https://hooks.example.test/baton', eventTypes: ['client.lost'] });
  if (created.statusCode !== 201) throw new Error(`webhook setup failed: ${created.body}`);
  const [delivery] = await t.db
    .insert(webhookDeliveries)
    .values({
      workspaceId,
      endpointId: created.json().id,
      eventId: 'evt_probe',
      eventType: 'client.lost',
      body: '{}',
      status: 'failed',
      createdAt: t.clock.now(),
    })
    .returning({ id: webhookDeliveries.id });
  if (!delivery) throw new Error('webhook delivery setup failed');
  return { webhookId: created.json().id as string, deliveryId: delivery.id };
}

const fill = (url: string, ids: Record<string, string>) =>
  url.replace(/:(\w+)/g, (_match, name: string) => {
    const id = ids[name];
    if (!id)
      throw new Error(
        `route ${url} has a parameter :${name} that this test does not know: add a resource of that kind to the cross-tenant setup`,
      );
    return id;
  });

describe('every API route checks the session, the role and the workspace', () => {
  let t: TestBaton;
  let otherWorkspaceIds: Record<string, string>;
  let everyIdOfWorkspaceA: string[];
  let signInB: Awaited<ReturnType<TestBaton['signIn']>>;
  let memberOfA: Awaited<ReturnType<TestBaton['signIn']>>;

  beforeAll(async () => {
    // A secret key: workspace A has a webhook (its signing secret is sealed with it).
    t = await createTestBaton({ BATON_SECRET_KEY: Buffer.alloc(32, 1).toString('base64') });
    const a = await t.createWorkspaceWithUsers(['admin', 'member']);
    const b = await t.createWorkspaceWithUsers(['admin']);
    const [adminA, userA] = a.users;
    if (!adminA || !userA || !b.users[0]) throw new Error('setup failed');
    const adminOfA = await t.signIn(adminA.email);
    memberOfA = await t.signIn(userA.email);
    const invitation = (
      await adminOfA.request('POST', '/api/invitations', { email: 'invitee@example.test', role: 'member', language: 'it' })
    ).json();
    const token = (await adminOfA.request('POST', '/api/me/tokens', { name: 'ci' })).json();
    await t.runJobs();
    const [outboxMessage] = (await adminOfA.request('GET', '/api/outbox')).json();
    await t.db.transaction((tx) =>
      t.deps.notifier.notify(tx, a.workspace.id, userA, () => ({ kind: 'test', subject: 'Hello', text: 'Hello', link: '/' })),
    );
    const [notification] = (await memberOfA.request('GET', '/api/notifications')).json();
    const client = (
      await adminOfA.request('POST', '/api/clients', {
        name: 'Tenant A client',
        contacts: [{ name: 'Ada', emails: ['ada@tenant-a.example'] }],
      })
    ).json();
    const withProject = (await adminOfA.request('POST', `/api/clients/${client.id}/projects`, { name: 'Tenant A project' })).json();
    const clientImport = (
      await t.app.inject({
        method: 'POST',
        url: '/api/client-imports',
        headers: { cookie: `baton_session=${adminOfA.cookie}`, 'x-csrf-token': adminOfA.csrfToken, 'content-type': 'text/csv' },
        payload: 'name\nTenant A import\n',
      })
    ).json();
    const absence = (
      await memberOfA.request('POST', '/api/absences', {
        startsAt: '2030-01-01T09:00',
        endsAt: '2030-01-05T18:00',
        primaryDelegateId: adminA.id,
        managerId: adminA.id,
      })
    ).json();
    const feed = (await memberOfA.request('POST', '/api/calendar-feeds')).json();
    const handover = await handoverInWorkspace(t, a.workspace.id, { owner: userA, delegate: adminA }, memberOfA, adminOfA);
    const mailbox = await t.deps.mail.mailboxes.create(
      { user: adminA, workspace: a.workspace, session: null },
      { address: 'owner@a.example', aliases: [], ownerId: adminA.id },
    );
    const mail = await t.deps.mail.ingestion.ingestRawMessage({
      workspaceId: a.workspace.id,
      mailboxId: mailbox.id,
      raw: Buffer.from(
        [
          'From: x@y.example',
          'To: owner@a.example',
          'Subject: hi',
          'MIME-Version: 1.0',
          'Content-Type: multipart/mixed; boundary="b"',
          '',
          '--b',
          'Content-Type: text/plain',
          '',
          'hello',
          '--b',
          'Content-Type: text/plain; name="notes.txt"',
          'Content-Disposition: attachment; filename="notes.txt"',
          '',
          'tenant A notes',
          '--b--',
          '',
        ].join('\r\n'),
      ),
      receivedAt: t.clock.now(),
    });
    const coverage = await coverageInWorkspace(t, a.workspace.id, absence.id, { ownerId: userA.id, delegateId: adminA.id });
    const [attachment] = await t.deps.mail.mailRepository.attachmentsOf(a.workspace.id, mail.messageId);
    if (!attachment) throw new Error('attachment setup failed');
    const recovery = await recoveryInWorkspace(t, adminOfA, {
      workspaceId: a.workspace.id,
      absenceId: absence.id,
      clientId: client.id,
      ownerId: userA.id,
    });
    const webhook = await webhookInWorkspace(t, a.workspace.id, adminOfA);
    const [reportExport] = await t.db
      .insert(reportExports)
      .values({
        workspaceId: a.workspace.id,
        absenceId: absence.id,
        format: 'md',
        viewer: 'owner',
        state: 'done',
        filename: 'report.md',
        content: Buffer.from('tenant A report'),
        createdAt: t.clock.now(),
      })
      .returning({ id: reportExports.id });
    otherWorkspaceIds = {
      exportId: reportExport?.id ?? '',
      ...handover,
      ...(await debriefInWorkspace(t, a.workspace.id, absence.id)),
      ...webhook,
      ...coverage,
      ...recovery,
      messageId: mail.messageId,
      attachmentId: attachment.id,
      mailboxId: mailbox.id,
      userId: userA.id,
      invitationId: invitation.id,
      tokenId: token.id,
      outboxId: outboxMessage.id,
      notificationId: notification.id,
      clientId: client.id,
      contactId: client.contacts[0].id,
      projectId: withProject.projects[0].id,
      importId: clientImport.id,
      absenceId: absence.id,
      feedId: feed.id,
    };
    everyIdOfWorkspaceA = [a.workspace.id, adminA.id, ...Object.values(otherWorkspaceIds)];
    signInB = await t.signIn(b.users[0].email);
  });
  afterAll(() => t.close());

  const apiRoutes = () => t.app.registeredRoutes.filter((route) => route.url.startsWith('/api/'));

  it('registers the routes this test walks', () => {
    expect(apiRoutes().length).toBeGreaterThan(15);
  });

  it('declares every route outside /api/ public: the session and role checks guard /api/ only', () => {
    const pages = t.app.registeredRoutes.filter((route) => !route.url.startsWith('/api/'));
    expect(pages.map((route) => `${route.method} ${route.url}`)).toContain('GET /status/:token');
    expect(pages.filter((route) => route.access !== 'public')).toEqual([]);
  });

  it('answers 401 without a session on every route that is not public', async () => {
    const protectedRoutes = apiRoutes().filter((route) => route.access !== 'public');
    for (const route of protectedRoutes) {
      const url = route.url.replace(/:(\w+)/g, () => randomUUID()).replace('*', 'x');
      const response = await t.app.inject({
        method: route.method as 'GET',
        url,
        ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
      });
      expect({ route: `${route.method} ${route.url}`, status: response.statusCode, code: response.json().error?.code }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 401,
        code: 'auth.required',
      });
    }
  });

  it('rejects an unknown or forged session cookie and API token', async () => {
    const withCookie = await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: 'baton_session=forged' } });
    const withToken = await t.app.inject({ method: 'GET', url: '/api/users', headers: { authorization: 'Bearer baton_forged' } });
    expect([withCookie.statusCode, withToken.statusCode]).toEqual([401, 401]);
  });

  it('answers 404 to an admin of another workspace for every resource id of this one', async () => {
    const withParams = apiRoutes().filter((route) => route.access !== 'public' && route.url.includes(':'));
    expect(withParams.length).toBeGreaterThan(3);
    for (const route of withParams) {
      const key = `${route.method} ${route.url}`;
      if (route.method !== 'GET' && route.method !== 'DELETE' && !(key in validBodies))
        throw new Error(`add a valid body for ${key} to validBodies`);
      const response = await signInB.request(route.method as 'GET', fill(route.url, otherWorkspaceIds), validBodies[key]);
      expect({ key, status: response.statusCode }).toEqual({ key, status: 404 });
    }
  });

  it('lists nothing of another workspace', async () => {
    const lists = apiRoutes().filter((route) => route.method === 'GET' && route.access !== 'public' && !route.url.includes(':'));
    for (const route of lists) {
      const response = await signInB.request('GET', route.url);
      for (const id of everyIdOfWorkspaceA) expect(response.body, `${route.url} leaks ${id}`).not.toContain(id);
    }
  });

  it('answers 403 to a member on every admin or manager route', async () => {
    const privileged = apiRoutes().filter((route) => route.access === 'admin' || route.access === 'manager');
    expect(privileged.length).toBeGreaterThan(4);
    for (const route of privileged) {
      const key = `${route.method} ${route.url}`;
      const response = await memberOfA.request(route.method as 'GET', fill(route.url, otherWorkspaceIds), validBodies[key]);
      expect({ key, status: response.statusCode }).toEqual({ key, status: 403 });
    }
  });
});
