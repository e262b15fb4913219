import { Writable } from 'node:stream';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/domains/audit/audit.schema';
import { escalations } from '../../src/domains/coverage/coverage.schema';
import { webhookDeliveries, webhookEndpoints } from '../../src/domains/webhooks/webhooks.schema';
import { createLogger } from '../../src/platform/logger/logger';
import { absenceWithTroubledClients } from '../recovery/setup';
import { createTestBaton, type TestBaton } from '../support/test-baton';
import { type Received, type Receiver, startReceiver, verifySignature } from './receiver';

const SECRET_KEY = Buffer.alloc(32, 7).toString('base64');
const ALL_EVENTS = [
  'absence.started',
  'absence.returned',
  'coverage.escalation_raised',
  'coverage.no_information',
  'client.lost',
  'client.won_back',
];

type Session = Awaited<ReturnType<TestBaton['signIn']>>;
type Delivery = {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  redeliveryOf: string | null;
  body: string;
};

/** A received body as the receiver reads it (untyped JSON, like `response.json()`). */
const bodyOf = (entry: Received) => JSON.parse(entry.body);

describe('outgoing webhooks announce what happens around an absence', () => {
  let t: TestBaton;
  let receiver: Receiver;
  let f: Awaited<ReturnType<typeof absenceWithTroubledClients>>;
  let admin: Session;
  const logs: string[] = [];
  const secrets: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let otherAdmin: Session;
  let otherAdminEmail: string;

  const create = (session: Session, body: Record<string, unknown>) => session.request('POST', '/api/webhooks', body);
  const deliveriesOf = async (webhookId: string) =>
    (await admin.request('GET', `/api/webhooks/${webhookId}/deliveries`)).json() as Delivery[];
  /** Every request an endpoint received is signed with its secret, over the exact body, and names its event. */
  const expectSigned = (path: string, secret: string) => {
    for (const entry of receiver.at(path)) {
      const body = bodyOf(entry);
      const signature = verifySignature(secret, entry.headers['baton-signature'] as string, entry.body);
      expect(signature.valid).toBe(true);
      // Signed when sent (Baton's clock), never before the event happened.
      expect(signature.timestamp).toBeGreaterThanOrEqual(Math.floor(Date.parse(body.occurredAt) / 1000));
      expect(entry.headers).toMatchObject({
        'content-type': 'application/json',
        'baton-event-id': body.id,
        'baton-event-type': body.type,
      });
    }
  };

  beforeAll(async () => {
    t = await createTestBaton(
      { BATON_SECRET_KEY: SECRET_KEY, WEBHOOKS_ALLOW_PRIVATE: 'true', PUBLIC_URL: 'https://baton.example.test' },
      {
        logger: createLogger(
          'debug',
          new Writable({
            write(chunk, _encoding, done) {
              logs.push(String(chunk));
              done();
            },
          }),
        ),
      },
    );
    receiver = await startReceiver();
    // Another workspace with an endpoint for everything: none of this workspace's events may reach it.
    const other = await t.createWorkspaceWithUsers(['admin']);
    otherAdminEmail = other.users[0]?.email ?? '';
    otherAdmin = await t.signIn(otherAdminEmail);
    const foreign = await create(otherAdmin, { url: receiver.url('/other-workspace'), eventTypes: ALL_EVENTS });
    ids.foreign = foreign.json().id;

    f = await absenceWithTroubledClients(t, {
      beforeStart: async (handover) => {
        const endpoints = {
          all: { url: receiver.url('/all'), description: 'Everything', eventTypes: ALL_EVENTS },
          lostOnly: { url: receiver.url('/lost-only'), eventTypes: ['client.lost'] },
          disabled: { url: receiver.url('/disabled'), eventTypes: ALL_EVENTS, enabled: false },
        };
        for (const [name, body] of Object.entries(endpoints)) {
          const response = await create(handover.sessions.admin, body);
          expect(response.statusCode).toBe(201);
          secrets[name] = response.json().secret;
          ids[name] = response.json().id;
        }
      },
    });
    admin = f.sessions.admin;
    await t.runJobs();
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  it('shows the signing secret once, on creation; the list, the database and the logs never show it', async () => {
    expect(secrets.all).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(new Set(Object.values(secrets)).size).toBe(3);
    const list = await admin.request('GET', '/api/webhooks');
    expect(list.json().map((webhook: { description: string; eventTypes: string[]; enabled: boolean }) => webhook)).toMatchObject([
      { id: ids.all, url: receiver.url('/all'), description: 'Everything', eventTypes: ALL_EVENTS, enabled: true },
      { id: ids.lostOnly, eventTypes: ['client.lost'], enabled: true, description: '' },
      { id: ids.disabled, enabled: false },
    ]);
    expect(list.json()[0].secretPrefix).toBe(secrets.all?.slice(0, 12));
    const rows = await t.db.select().from(webhookEndpoints);
    for (const secret of Object.values(secrets)) {
      expect(list.body).not.toContain(secret);
      expect(JSON.stringify(rows)).not.toContain(secret.slice(12));
      expect(logs.join('')).not.toContain(secret.slice(12));
    }
    expect(rows.every((row) => row.secretEncrypted.startsWith('v1:'))).toBe(true);
    const audited = (await f.auditOf('webhook.created')).map((event) => event.data);
    expect(audited).toHaveLength(3);
    expect(audited[0]).toEqual({ url: receiver.url('/all'), description: 'Everything', eventTypes: ALL_EVENTS, enabled: true });
  });

  it('announces the start, each escalation and the "no information" outcome once each, signed', async () => {
    const raised = await t.db.select().from(escalations).where(eq(escalations.workspaceId, f.workspace.id));
    // Orsini's second, impatient message (a key account, still unanswered) and the call with nothing to tell her.
    expect(raised.map((row) => row.rule).sort()).toEqual(['anger_key_account', 'no_information', 'repeat_contact']);
    const all = receiver.at('/all').map(bodyOf);
    expect(all.map((body) => body.type).sort()).toEqual([
      'absence.started',
      'coverage.escalation_raised',
      'coverage.escalation_raised',
      'coverage.escalation_raised',
      'coverage.no_information',
    ]);
    expect(
      all
        .filter((body) => body.type === 'coverage.escalation_raised')
        .map((body) => body.data.escalation.id)
        .sort(),
    ).toEqual(raised.map((row) => row.id).sort());
    expect(new Set(all.map((body) => body.id)).size).toBe(all.length);
    expectSigned('/all', secrets.all ?? '');
    expect((await deliveriesOf(ids.all ?? '')).map((delivery) => [delivery.status, delivery.attempts])).toEqual(
      all.map(() => ['delivered', 1]),
    );
    expect(receiver.at('/lost-only')).toEqual([]);
    expect(receiver.at('/disabled')).toEqual([]);
    expect(receiver.at('/other-workspace')).toEqual([]);
  });

  it('carries facts, names and links back to Baton, and no free text people wrote', async () => {
    const all = receiver.at('/all').map(bodyOf);
    const { owner, primary, backup, manager } = f.people;
    const person = (user: { id: string; name: string; email: string }) => ({ id: user.id, name: user.name, email: user.email });
    const started = all.find((body) => body.type === 'absence.started');
    // What the start recorded of the handover (the fixture's gate is closed: a brief's read-back awaits review).
    const [startAudit] = await f.auditOf('absence.started');
    expect(startAudit?.data).toMatchObject({ readiness: expect.any(Number), gateOpen: expect.any(Boolean) });
    expect(started).toEqual({
      id: expect.stringMatching(/^evt_[0-9a-f]{32}$/),
      type: 'absence.started',
      occurredAt: '2026-03-23T08:00:00.000Z',
      workspace: { id: f.workspace.id, slug: f.workspace.slug, name: f.workspace.name },
      data: {
        absence: {
          id: f.absence.id,
          url: `https://baton.example.test/absences/${f.absence.id}`,
          owner: person(owner),
          primaryDelegate: person(primary),
          backupDelegate: person(backup),
          manager: person(manager),
          startsAt: f.absence.startsAt.toISOString(),
          endsAt: f.absence.endsAt.toISOString(),
          returnedAt: null,
        },
        handover: { readiness: startAudit?.data.readiness, gateOpen: startAudit?.data.gateOpen, gateOverridden: false },
      },
    });
    const noInformation = all.find((body) => body.type === 'coverage.no_information');
    const orsini = {
      id: f.keyClient.id,
      name: 'Orsini Costruzioni',
      tier: 'key',
      url: `https://baton.example.test/clients/${f.keyClient.id}`,
      owner: person(owner),
    };
    const contactId = noInformation?.data.contact.id;
    expect(noInformation?.data).toEqual({
      contact: { id: contactId, url: `https://baton.example.test/coverage/contacts/${contactId}` },
      client: orsini,
      absence: { id: f.absence.id, url: `https://baton.example.test/absences/${f.absence.id}`, owner: person(owner) },
      delegate: person(primary),
    });
    const escalated = all.find((body) => body.type === 'coverage.escalation_raised' && body.data.escalation.rule === 'no_information');
    expect(escalated?.data).toEqual({
      escalation: { id: expect.any(String), rule: 'no_information', target: 'manager', recipient: person(manager) },
      contact: { id: contactId, url: `https://baton.example.test/coverage/contacts/${contactId}` },
      client: orsini,
      absence: { id: f.absence.id, url: `https://baton.example.test/absences/${f.absence.id}`, owner: person(owner) },
      delegate: person(primary),
    });
    const everything = receiver.received.map((entry) => entry.body).join('\n');
    expect(everything).not.toContain('No details on the new date were left.');
    expect(everything).not.toContain('go-live');
  });

  it('announces the return, a client lost on a recovery call and won back on the client page', async () => {
    const owner = f.sessions.owner;
    expect((await owner.request('POST', `/api/absences/${f.absence.id}/return`, {})).statusCode).toBe(200);
    await t.runJobs();
    const tasks = (await owner.request('GET', `/api/absences/${f.absence.id}/recovery-tasks`)).json().tasks as {
      id: string;
      clientId: string;
    }[];
    const vini = tasks.find((task) => task.clientId === f.standardClient.id);
    const lost = await owner.request('POST', `/api/recovery/tasks/${vini?.id}/calls`, {
      outcome: 'lost',
      lostReason: 'Moved to a competitor after the invoice mix-up',
    });
    expect(lost.json().clientStatus).toBe('lost');
    t.clock.advance(60_000);
    const wonBack = await owner.request('POST', `/api/clients/${f.standardClient.id}/status`, {
      status: 'won_back',
      reason: 'Signed again for the autumn',
    });
    expect(wonBack.statusCode).toBe(200);
    await t.runJobs();

    const order = ['absence.returned', 'client.lost', 'client.won_back'];
    // Jobs due together run side by side: the arrival order among them is not the order of the events.
    const later = receiver
      .at('/all')
      .map(bodyOf)
      .filter((body) => order.includes(body.type))
      .sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
    expect(later.map((body) => [body.type, body.data.early ?? body.data.to])).toEqual([
      ['absence.returned', true],
      ['client.lost', 'lost'],
      ['client.won_back', 'won_back'],
    ]);
    const [returned, lostBody, wonBody] = later;
    expect(returned?.data.absence).toMatchObject({ id: f.absence.id, returnedAt: '2026-03-23T10:40:00.000Z' });
    expect(lostBody?.data).toEqual({
      client: {
        id: f.standardClient.id,
        name: 'Vini Lucchesi',
        tier: 'standard',
        url: `https://baton.example.test/clients/${f.standardClient.id}`,
        owner: { id: f.people.owner.id, name: f.people.owner.name, email: f.people.owner.email },
      },
      from: 'active',
      to: 'lost',
      changedBy: { id: f.people.owner.id, name: f.people.owner.name, email: f.people.owner.email },
    });
    expect(wonBody?.data).toMatchObject({ from: 'lost', to: 'won_back', client: { id: f.standardClient.id } });
    expect(receiver.received.map((entry) => entry.body).join('\n')).not.toContain('competitor');

    // The endpoint subscribed to `client.lost` only got that one; the disabled one and the other workspace's nothing.
    expect(receiver.at('/lost-only').map((entry) => bodyOf(entry).type)).toEqual(['client.lost']);
    expect(bodyOf(receiver.at('/lost-only')[0] as Received).id).toBe(lostBody?.id);
    expectSigned('/lost-only', secrets.lostOnly ?? '');
    expect(receiver.at('/disabled')).toEqual([]);
    expect(receiver.at('/other-workspace')).toEqual([]);
    expect(
      await t.db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.endpointId, ids.disabled ?? '')),
    ).toEqual([]);
  });

  it('tries again after a failure, with the runner’s backoff, and delivers once', async () => {
    receiver.answerNext('/all', 500);
    const before = receiver.at('/all').length;
    await admin.request('POST', `/api/clients/${f.keyClient.id}/status`, { status: 'lost', reason: 'Retry test' });
    await t.runJobs();
    const [first] = await deliveriesOf(ids.all ?? '');
    expect(first).toMatchObject({
      eventType: 'client.lost',
      status: 'pending',
      attempts: 1,
      lastStatusCode: 500,
      lastError: 'HTTP 500',
      nextAttemptAt: new Date(t.clock.now().getTime() + 5_000).toISOString(),
    });
    await t.runJobs();
    expect(receiver.at('/all').length).toBe(before + 1);
    t.clock.advance(5_000);
    await t.runJobs();
    const [after] = await deliveriesOf(ids.all ?? '');
    expect(after).toMatchObject({ id: first?.id, status: 'delivered', attempts: 2, lastStatusCode: 200, nextAttemptAt: null });
    const tries = receiver.at('/all').slice(before);
    expect(tries.map((entry) => bodyOf(entry).id)).toEqual([first?.eventId, first?.eventId]);
    expect(tries[0]?.body).toBe(tries[1]?.body);
    await t.runJobs();
    expect(receiver.at('/all').length).toBe(before + 2);
    expectSigned('/all', secrets.all ?? '');
  });

  it('sends nothing for a change whose transaction rolled back', async () => {
    const before = receiver.received.length;
    const deliveries = (await t.db.select().from(webhookDeliveries)).length;
    await expect(
      t.db.transaction(async (tx) => {
        await t.deps.clients.setStatus(tx, {
          workspaceId: f.workspace.id,
          clientId: f.keyClient.id,
          status: 'won_back',
          reason: 'never committed',
          actorId: f.people.admin.id,
        });
        throw new Error('the rest of the change failed');
      }),
    ).rejects.toThrow('the rest of the change failed');
    await t.runJobs();
    expect(receiver.received.length).toBe(before);
    expect((await t.db.select().from(webhookDeliveries)).length).toBe(deliveries);
    expect((await admin.request('GET', `/api/clients/${f.keyClient.id}`)).json().status).toBe('lost');
  });

  it('cancels a queued delivery when its endpoint is disabled, and sends again once enabled', async () => {
    receiver.answerNext('/all', 503);
    await admin.request('POST', `/api/clients/${f.keyClient.id}/status`, { status: 'won_back', reason: 'Cancel test' });
    await t.runJobs();
    const before = receiver.at('/all').length;
    const disabled = await admin.request('PATCH', `/api/webhooks/${ids.all}`, { enabled: false });
    expect(disabled.json()).toMatchObject({ enabled: false, lastDelivery: { status: 'pending', eventType: 'client.won_back' } });
    t.clock.advance(5_000);
    await t.runJobs();
    const [cancelled] = await deliveriesOf(ids.all ?? '');
    expect(cancelled).toMatchObject({ status: 'cancelled', attempts: 1, lastError: expect.stringMatching(/disabled/) });
    expect(receiver.at('/all').length).toBe(before);
    const redeliverWhileDisabled = await admin.request('POST', `/api/webhooks/deliveries/${cancelled?.id}/redeliver`);
    expect([redeliverWhileDisabled.statusCode, redeliverWhileDisabled.json().error.code]).toEqual([409, 'webhook.disabled']);
    expect((await admin.request('PATCH', `/api/webhooks/${ids.all}`, { enabled: true })).json().enabled).toBe(true);
    const again = await admin.request('POST', `/api/webhooks/deliveries/${cancelled?.id}/redeliver`);
    expect(again.json()).toMatchObject({ status: 'pending', eventId: cancelled?.eventId, redeliveryOf: cancelled?.id });
    await t.runJobs();
    expect(receiver.at('/all').length).toBe(before + 1);
    expect(receiver.at('/all').at(-1)?.body).toBe(cancelled?.body);
  });

  it('sends a test event on request, and redelivers a delivered event with the same id and body', async () => {
    const test = await admin.request('POST', `/api/webhooks/${ids.all}/test`);
    expect(test.json()).toMatchObject({ eventType: 'webhook.test', status: 'delivered', attempts: 1, lastStatusCode: 200 });
    const sent = receiver.at('/all').at(-1) as Received;
    expect(bodyOf(sent)).toEqual({
      id: test.json().eventId,
      type: 'webhook.test',
      occurredAt: t.clock.now().toISOString(),
      workspace: { id: f.workspace.id, slug: f.workspace.slug, name: f.workspace.name },
      data: { webhook: { id: ids.all } },
    });
    receiver.answerNext('/all', 418);
    const failing = await admin.request('POST', `/api/webhooks/${ids.all}/test`);
    expect(failing.json()).toMatchObject({ status: 'failed', lastStatusCode: 418, nextAttemptAt: null });

    const delivered = (await deliveriesOf(ids.all ?? '')).find((delivery) => delivery.eventType === 'absence.started') as Delivery;
    const redelivered = await admin.request('POST', `/api/webhooks/deliveries/${delivered.id}/redeliver`);
    expect(redelivered.json()).toMatchObject({ status: 'pending', eventId: delivered.eventId, redeliveryOf: delivered.id });
    const pendingAgain = await admin.request('POST', `/api/webhooks/deliveries/${redelivered.json().id}/redeliver`);
    expect([pendingAgain.statusCode, pendingAgain.json().error.code]).toEqual([409, 'webhook.delivery_pending']);
    await t.runJobs();
    const last = receiver.at('/all').at(-1) as Received;
    expect([last.headers['baton-event-id'], last.body]).toEqual([delivered.eventId, delivered.body]);
    expectSigned('/all', secrets.all ?? '');
    expect((await f.auditOf('webhook.redelivered')).map((event) => event.data.redeliveryOf)).toContain(delivered.id);
  });

  it('refuses bad input with a clear error and stores nothing', async () => {
    const count = async () => (await t.db.select().from(webhookEndpoints)).length;
    const before = await count();
    for (const [body, code] of [
      [{ url: 'ftp://hooks.example.com/', eventTypes: ['client.lost'] }, 'webhook.url_scheme'],
      [{ url: 'hooks.example.com/baton', eventTypes: ['client.lost'] }, 'webhook.url_malformed'],
      [{ url: 'https://user:secret@hooks.example.com/', eventTypes: ['client.lost'] }, 'webhook.url_credentials'],
      [{ url: 'https://hooks.example.com/', eventTypes: [] }, 'request.invalid'],
      [{ url: 'https://hooks.example.com/', eventTypes: ['client.deleted'] }, 'request.invalid'],
      [{ url: 'https://hooks.example.com/', eventTypes: ['webhook.test'] }, 'request.invalid'],
      [{ url: 'https://hooks.example.com/', eventTypes: ['client.lost'], secret: 'mine' }, 'request.invalid'],
    ] as const) {
      const response = await create(admin, body);
      expect({ body, status: response.statusCode, code: response.json().error.code }).toEqual({ body, status: 400, code });
    }
    const patch = await admin.request('PATCH', `/api/webhooks/${ids.lostOnly}`, { url: 'javascript:alert(1)' });
    expect([patch.statusCode, patch.json().error.code]).toEqual([400, 'webhook.url_scheme']);
    expect((await admin.request('PATCH', `/api/webhooks/${ids.lostOnly}`, {})).statusCode).toBe(400);
    expect(await count()).toBe(before);
    expect((await admin.request('GET', '/api/webhooks')).json()[1].url).toBe(receiver.url('/lost-only'));
  });

  it('lets only admins of the workspace see or change its webhooks', async () => {
    for (const session of [f.sessions.manager, f.sessions.owner]) {
      expect((await session.request('GET', '/api/webhooks')).statusCode).toBe(403);
      expect((await create(session, { url: receiver.url('/x'), eventTypes: ['client.lost'] })).statusCode).toBe(403);
    }
    const [delivery] = await deliveriesOf(ids.all ?? '');
    // Signed in again: the absence moved the clock weeks past the first session.
    otherAdmin = await t.signIn(otherAdminEmail);
    for (const [method, url, body] of [
      ['PATCH', `/api/webhooks/${ids.all}`, { enabled: false }],
      ['DELETE', `/api/webhooks/${ids.all}`, undefined],
      ['GET', `/api/webhooks/${ids.all}/deliveries`, undefined],
      ['POST', `/api/webhooks/${ids.all}/test`, {}],
      ['POST', `/api/webhooks/deliveries/${delivery?.id}/redeliver`, {}],
    ] as const) {
      const response = await otherAdmin.request(method, url, body);
      expect({ url, status: response.statusCode }).toEqual({ url, status: 404 });
    }
    expect((await otherAdmin.request('GET', '/api/webhooks')).json().map((webhook: { id: string }) => webhook.id)).toEqual([ids.foreign]);
    expect((await admin.request('GET', '/api/webhooks')).json()[0]).toMatchObject({ id: ids.all, enabled: true });
  });

  it('audits each change without the secret, and deletes an endpoint with its deliveries', async () => {
    const changed = await admin.request('PATCH', `/api/webhooks/${ids.lostOnly}`, {
      description: 'CRM',
      eventTypes: ['client.won_back', 'client.lost'],
    });
    expect(changed.json()).toMatchObject({ description: 'CRM', eventTypes: ['client.lost', 'client.won_back'] });
    expect((await admin.request('DELETE', `/api/webhooks/${ids.disabled}`)).json()).toEqual({ ok: true });
    expect((await admin.request('GET', `/api/webhooks/${ids.disabled}/deliveries`)).statusCode).toBe(404);
    expect((await admin.request('DELETE', `/api/webhooks/${ids.all}`)).statusCode).toBe(200);
    expect(
      await t.db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.endpointId, ids.all ?? '')),
    ).toEqual([]);
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.workspaceId, f.workspace.id)).orderBy(asc(auditEvents.seq));
    const webhookEvents = events.filter((event) => event.subjectType === 'webhook');
    expect(webhookEvents.map((event) => event.action)).toEqual([
      'webhook.created',
      'webhook.created',
      'webhook.created',
      'webhook.updated',
      'webhook.updated',
      'webhook.redelivered',
      'webhook.redelivered',
      'webhook.updated',
      'webhook.deleted',
      'webhook.deleted',
    ]);
    const text = JSON.stringify(webhookEvents);
    for (const secret of Object.values(secrets)) expect(text).not.toContain(secret.slice(6));
  });

  it('announces a client marked lost by a CSV import, as one marked lost on the client page', async () => {
    // By now the endpoint left subscribed to client.lost is the one at /lost-only (renamed "CRM" above).
    const created = await admin.request('POST', '/api/clients', { name: 'Pasticceria Neri' });
    expect(created.statusCode, created.body).toBe(201);
    const earlier = receiver.at('/lost-only').length;
    const uploaded = await t.app.inject({
      method: 'POST',
      url: '/api/client-imports?fileName=status.csv',
      headers: { cookie: `baton_session=${admin.cookie}`, 'x-csrf-token': admin.csrfToken, 'content-type': 'text/csv' },
      payload: 'name,status\nPasticceria Neri,lost\n',
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const started = await admin.request('POST', `/api/client-imports/${uploaded.json().id}/start`, { mapping: {} });
    expect(started.statusCode, started.body).toBe(202);
    await t.runJobs();
    await t.runJobs();
    const announced = receiver.at('/lost-only').slice(earlier).map(bodyOf);
    expect(announced.map((body) => [body.type, body.data.client.id, body.data.from, body.data.to, body.data.changedBy.id])).toEqual([
      ['client.lost', created.json().id, 'active', 'lost', f.people.admin.id],
    ]);
  });
});

describe('webhooks on a server that keeps them off its own network', () => {
  let t: TestBaton;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestBaton();
    const { users } = await t.createWorkspaceWithUsers(['admin']);
    admin = await t.signIn(users[0]?.email ?? '');
  });
  afterAll(() => t.close());

  it('refuses plain http, loopback and private addresses, then needs BATON_SECRET_KEY for the secret', async () => {
    for (const [url, code] of [
      ['http://hooks.example.com/baton', 'webhook.url_http'],
      ['https://127.0.0.1:8443/hook', 'webhook.url_private'],
      ['https://[::1]/hook', 'webhook.url_private'],
      ['https://192.168.1.20/hook', 'webhook.url_private'],
      ['https://169.254.169.254/latest/meta-data', 'webhook.url_private'],
      ['https://localhost/hook', 'webhook.url_private'],
    ]) {
      const response = await admin.request('POST', '/api/webhooks', { url, eventTypes: ['client.lost'] });
      expect({ url, status: response.statusCode, code: response.json().error.code }).toEqual({ url, status: 400, code });
    }
    const fine = await admin.request('POST', '/api/webhooks', { url: 'https://hooks.example.com/baton', eventTypes: ['client.lost'] });
    expect([fine.statusCode, fine.json().error.code]).toEqual([409, 'webhook.secret_key_missing']);
    expect(await t.db.select().from(webhookEndpoints)).toEqual([]);
  });
});
