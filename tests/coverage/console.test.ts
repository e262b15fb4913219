import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/domains/audit/audit.schema';
import { coverageContacts } from '../../src/domains/coverage/coverage.schema';
import { notifications } from '../../src/domains/notifications/notifications.schema';
import { createTestBaton, type TestBaton } from '../support/test-baton';
import { type CoverageFixture, coverageFixture } from './setup';

describe('coverage: routing client mail to the acting delegate, the console, outcomes and escalations', () => {
  let t: TestBaton;
  let f: CoverageFixture;
  beforeAll(async () => {
    t = await createTestBaton({ PUBLIC_URL: 'https://baton.example.test' });
    f = await coverageFixture(t);
  });
  afterAll(() => t.close());

  const notificationsOf = async (userId: string) =>
    (await t.db.select().from(notifications).where(eq(notifications.userId, userId))).map((row) => ({ kind: row.kind, link: row.link }));
  const contactRow = async (id: string) => (await t.db.select().from(coverageContacts).where(eq(coverageContacts.id, id)))[0];

  it('routes a client email to the primary delegate with the brief and the FAQ answer that fits, never to the owner', async () => {
    const received = await f.receive({
      from: 'Giulia Orsini <giulia@orsini.example>',
      subject: 'Go-live date',
      body: 'Hello, when is the go-live now? We need to plan the announcement.',
    });
    expect(received.contactId).not.toBeNull();
    const contactId = received.contactId ?? '';
    const detail = (await f.sessions.primary.request('GET', `/api/coverage/contacts/${contactId}`)).json();
    expect(detail).toMatchObject({
      clientName: 'Orsini Costruzioni',
      tier: 'key',
      assigneeId: f.people.primary.id,
      assigneeRole: 'primary',
      state: 'open',
      canAct: true,
      replyTo: 'giulia@orsini.example',
      handOffTo: { id: f.people.backup.id },
      brief: { contentHash: f.keyBriefHash, content: { situation: expect.stringContaining('go-live') } },
    });
    expect(detail.faqMatches[0]).toMatchObject({ question: 'When is the go-live?' });
    expect(detail.messages).toHaveLength(1);
    // Key account: 4 business hours from Monday 09:00 in Rome.
    expect(detail.dueAt).toBe('2026-03-23T12:00:00.000Z');

    const notices = await notificationsOf(f.people.primary.id);
    expect(notices).toContainEqual({ kind: 'coverage.contact_assigned', link: `/coverage/contacts/${contactId}` });
    expect(await notificationsOf(f.people.owner.id)).not.toContainEqual(expect.objectContaining({ kind: 'coverage.contact_assigned' }));
    const [mail] = (await f.outboxTo(f.people.primary.email)).filter((row) => row.kind === 'notification.coverage.contact_assigned');
    expect(mail?.textBody).toContain('24 January, once Giulia approves it in writing.');
    expect(mail?.textBody).toContain('Get written approval of the new go-live date');

    const queue = (await f.sessions.primary.request('GET', '/api/coverage/queue')).json();
    expect(queue.contacts.map((contact: { id: string }) => contact.id)).toContain(contactId);
    const [routed] = (await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'coverage.contact_routed'))).filter(
      (event) => event.subjectId === contactId,
    );
    expect(routed?.data).toMatchObject({ ownerId: f.people.owner.id, delegateId: f.people.primary.id });
  });

  it('joins a reply in the same open thread to its contact and tells the backup the client wrote again', async () => {
    const first = await f.receive({ from: 'giulia@orsini.example', subject: 'Invoice', body: 'Could you send the March invoice again?' });
    const again = await f.receive({
      from: 'giulia@orsini.example',
      subject: 'Re: Invoice',
      body: 'Any news on this?',
      inReplyTo: first.messageId,
    });
    expect(again.contactId).toBe(first.contactId);
    const detail = (await f.sessions.primary.request('GET', `/api/coverage/contacts/${first.contactId}`)).json();
    expect(detail.messageCount).toBe(2);
    expect(await f.escalationsOf(first.contactId ?? '')).toContain(`repeat_contact:${f.people.backup.id}`);
  });

  it('does not put mailing lists or other auto-replies in front of the delegate, and routes nothing twice', async () => {
    const list = await f.receive({
      from: 'news@orsini.example',
      subject: 'Newsletter',
      body: 'Our monthly news',
      headers: ['List-Id: <news.orsini.example>', 'List-Unsubscribe: <mailto:leave@orsini.example>'],
    });
    expect(list.contactId).toBeNull();
    const message = await f.receive({ from: 'giulia@orsini.example', subject: 'Meeting', body: 'Can we meet on Thursday?' });
    await t.deps.coverage.routing.route(f.workspace.id, message.mailMessageId);
    const rows = await t.db.select().from(coverageContacts).where(eq(coverageContacts.messageId, message.mailMessageId));
    expect(rows).toHaveLength(1);
  });

  it('puts an unknown sender in the triage list, and attaching it to a client moves the contact there', async () => {
    const unknown = await f.receive({
      from: 'Paolo <paolo@newcomer.example>',
      subject: 'Quote',
      body: 'We would like a quote for a new website.',
    });
    const triage = (await f.sessions.primary.request('GET', '/api/coverage/queue?tier=triage')).json();
    expect(triage.contacts.map((contact: { id: string }) => contact.id)).toEqual([unknown.contactId]);
    expect(triage.contacts[0]).toMatchObject({ clientId: null, assigneeId: f.people.primary.id });

    const bad = await f.sessions.primary.request('POST', `/api/coverage/contacts/${unknown.contactId}/client`, { clientId: 'nope' });
    expect(bad.statusCode).toBe(400);
    const attached = await f.sessions.primary.request('POST', `/api/coverage/contacts/${unknown.contactId}/client`, {
      clientId: f.standardClient.id,
    });
    expect(attached.json()).toMatchObject({ clientId: f.standardClient.id, clientName: 'Vini Lucchesi' });
    const again = await f.sessions.primary.request('POST', `/api/coverage/contacts/${unknown.contactId}/client`, {
      clientId: f.keyClient.id,
    });
    expect(again.json().error.code).toBe('coverage.already_attached');
    // The sender is now a contact of the client: the next message matches it directly.
    const next = await f.receive({ from: 'paolo@newcomer.example', subject: 'Quote, again', body: 'Any update?' });
    expect((await contactRow(next.contactId ?? ''))?.clientId).toBe(f.standardClient.id);
  });

  it('sends a reply through the outbox, threaded, from the owner’s mailbox address, and records the first response', async () => {
    const message = await f.receive({ from: 'giulia@orsini.example', subject: 'Logo files', body: 'Where can I find the logo files?' });
    const empty = await f.sessions.primary.request('POST', `/api/coverage/contacts/${message.contactId}/replies`, { body: '   ' });
    expect(empty.statusCode).toBe(400);
    expect((await contactRow(message.contactId ?? ''))?.firstResponseAt).toBeNull();

    t.clock.advance(20 * 60_000);
    const replied = await f.sessions.primary.request('POST', `/api/coverage/contacts/${message.contactId}/replies`, {
      body: 'Dear Giulia, the logo files are in the shared folder. Best, Primary',
    });
    expect(replied.statusCode).toBe(200);
    expect(replied.json().firstResponseAt).toBe(t.clock.now().toISOString());
    const timeline = replied.json().activities.map((activity: { kind: string }) => activity.kind);
    expect(timeline.filter((kind: string) => kind !== 'escalated')).toEqual(['message', 'reply']);
    // A second reply keeps the first response time.
    t.clock.advance(5 * 60_000);
    const second = await f.sessions.primary.request('POST', `/api/coverage/contacts/${message.contactId}/replies`, {
      body: 'One more thing.',
    });
    expect(second.statusCode).toBe(200);
    expect(second.json().firstResponseAt).toBe(replied.json().firstResponseAt);
    const [sent] = (await f.outboxTo('giulia@orsini.example')).filter((row) => row.kind === 'coverage.reply');
    expect(sent).toMatchObject({ subject: 'Re: Logo files', fromAddress: expect.stringContaining(f.mailbox.address) });
    expect(sent?.headers).toMatchObject({ 'In-Reply-To': message.messageId, References: message.messageId });
    const [event] = (await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'coverage.replied'))).filter(
      (row) => row.subjectId === message.contactId,
    );
    expect(event).toMatchObject({ actorId: f.people.primary.id, data: expect.objectContaining({ ownerId: f.people.owner.id }) });
  });

  it('lets the owner read a contact but not act on it, and hides it from anyone else', async () => {
    const message = await f.receive({ from: 'giulia@orsini.example', subject: 'Question', body: 'A quick question about the plan.' });
    const id = message.contactId ?? '';
    expect((await f.sessions.owner.request('GET', `/api/coverage/contacts/${id}`)).json()).toMatchObject({ canAct: false });
    const ownerReply = await f.sessions.owner.request('POST', `/api/coverage/contacts/${id}/replies`, { body: 'I am back early' });
    expect({ status: ownerReply.statusCode, code: ownerReply.json().error.code }).toEqual({ status: 403, code: 'coverage.not_covering' });
    expect((await f.sessions.outsider.request('GET', `/api/coverage/contacts/${id}`)).statusCode).toBe(404);
    const outsiderOutcome = await f.sessions.outsider.request('POST', `/api/coverage/contacts/${id}/outcome`, { outcome: 'answered' });
    expect(outsiderOutcome.statusCode).toBe(404);
    expect((await f.sessions.outsider.request('GET', '/api/coverage/queue?scope=all')).json().contacts).toEqual([]);
  });

  it('asks the delegate to confirm “no information” against the acknowledged brief, then escalates to the manager with the receipt', async () => {
    const message = await f.receive({
      from: 'Luca <luca@vinilucchesi.example>',
      subject: 'Delivery dates',
      body: 'When will the new labels be delivered?',
    });
    const url = `/api/coverage/contacts/${message.contactId}/outcome`;
    const noNote = await f.sessions.primary.request('POST', url, { outcome: 'no_information', note: 'no' });
    expect(noNote.statusCode).toBe(400);
    const unconfirmed = await f.sessions.primary.request('POST', url, { outcome: 'no_information', note: 'Nothing about the labels.' });
    expect({ status: unconfirmed.statusCode, code: unconfirmed.json().error.code }).toEqual({
      status: 409,
      code: 'coverage.no_information_needs_confirmation',
    });
    expect((await contactRow(message.contactId ?? ''))?.state).toBe('open');

    const confirmed = await f.sessions.primary.request('POST', url, {
      outcome: 'no_information',
      note: 'Nothing about the labels or their delivery in the brief.',
      confirmAcknowledgedBrief: true,
    });
    expect(confirmed.json()).toMatchObject({ state: 'closed', outcome: 'no_information' });
    const list = (await f.sessions.manager.request('GET', '/api/coverage/escalations?state=open')).json().escalations;
    const escalation = list.find((row: { contactId: string }) => row.contactId === message.contactId);
    expect(escalation).toMatchObject({
      rule: 'no_information',
      target: 'manager',
      recipientId: f.people.manager.id,
      evidence: {
        note: 'Nothing about the labels or their delivery in the brief.',
        receipt: { contentHash: f.standardBriefHash, version: 1 },
      },
    });
    expect(await notificationsOf(f.people.manager.id)).toContainEqual({
      kind: 'coverage.escalated',
      link: `/coverage/contacts/${message.contactId}`,
    });

    const again = await f.sessions.primary.request('POST', url, { outcome: 'answered' });
    expect(again.json().error.code).toBe('coverage.contact_closed');

    const resolveEmpty = await f.sessions.manager.request('POST', `/api/coverage/escalations/${escalation.id}/resolve`, { note: '' });
    expect(resolveEmpty.statusCode).toBe(400);
    const byDelegate = await f.sessions.primary.request('POST', `/api/coverage/escalations/${escalation.id}/acknowledge`, {});
    expect(byDelegate.json().error.code).toBe('coverage.escalation_not_yours');
    const acknowledged = await f.sessions.manager.request('POST', `/api/coverage/escalations/${escalation.id}/acknowledge`, {});
    expect(acknowledged.json()).toMatchObject({ state: 'acknowledged', acknowledgedByName: f.people.manager.name });
    const resolved = await f.sessions.manager.request('POST', `/api/coverage/escalations/${escalation.id}/resolve`, {
      note: 'Called the client myself.',
    });
    expect(resolved.json()).toMatchObject({ state: 'resolved', resolutionNote: 'Called the client myself.' });
    const detail = (await f.sessions.manager.request('GET', `/api/coverage/contacts/${message.contactId}`)).json();
    expect(detail).toMatchObject({ escalated: true, handOffTo: null });
    expect(detail.escalations).toContainEqual(
      expect.objectContaining({
        id: escalation.id,
        rule: 'no_information',
        recipientName: f.people.manager.name,
        acknowledgedByName: f.people.manager.name,
        resolvedByName: f.people.manager.name,
        delegateName: f.people.primary.name,
      }),
    );
  });

  it('hands a contact to the backup, who is told and finds it in their queue', async () => {
    const message = await f.receive({ from: 'giulia@orsini.example', subject: 'Contract renewal', body: 'Let us discuss the renewal.' });
    const handed = await f.sessions.primary.request('POST', `/api/coverage/contacts/${message.contactId}/outcome`, {
      outcome: 'handed_to_backup',
      note: 'Backup knows the contract.',
    });
    expect(handed.json()).toMatchObject({ state: 'open', assigneeId: f.people.backup.id, assigneeRole: 'backup' });
    expect(await notificationsOf(f.people.backup.id)).toContainEqual({
      kind: 'coverage.handed_off',
      link: `/coverage/contacts/${message.contactId}`,
    });
    const queue = (await f.sessions.backup.request('GET', '/api/coverage/queue')).json();
    expect(queue.contacts.map((contact: { id: string }) => contact.id)).toContain(message.contactId);
  });

  it('schedules a follow-up reminder on the chosen date, and refuses a date in the past', async () => {
    const message = await f.receive({ from: 'giulia@orsini.example', subject: 'Photos', body: 'We will send photos next week.' });
    const url = `/api/coverage/contacts/${message.contactId}/outcome`;
    const past = await f.sessions.primary.request('POST', url, { outcome: 'follow_up', followUpOn: '2026-03-01' });
    expect(past.json().error.code).toBe('coverage.follow_up_in_past');
    const missing = await f.sessions.primary.request('POST', url, { outcome: 'follow_up' });
    expect(missing.statusCode).toBe(400);
    const planned = await f.sessions.primary.request('POST', url, {
      outcome: 'follow_up',
      followUpOn: '2026-03-25',
      note: 'Check the photos arrived',
    });
    expect(planned.json()).toMatchObject({ state: 'closed', outcome: 'follow_up', followUpOn: '2026-03-25' });
    const before = (await notificationsOf(f.people.primary.id)).filter((notice) => notice.kind === 'coverage.follow_up_due');
    t.clock.set('2026-03-25T08:00:00Z');
    await t.runJobs();
    const after = (await notificationsOf(f.people.primary.id)).filter((notice) => notice.kind === 'coverage.follow_up_due');
    expect(after.length).toBe(before.length + 1);
    t.clock.set('2026-03-23T11:00:00Z');
  });

  it('logs a call as a contact of the client, answered as it happened, and refuses bad calls', async () => {
    const { primary } = f.sessions;
    const call = {
      kind: 'call',
      clientId: f.keyClient.id,
      with: 'Giulia Orsini',
      occurredAt: '2026-03-23T10:30:00Z',
      summary: 'She asked about the go-live; I confirmed 24 January pending her approval.',
    };
    const future = await primary.request('POST', '/api/coverage/calls', { ...call, occurredAt: '2026-12-01T10:00:00Z' });
    expect(future.json().error.code).toBe('coverage.call_in_future');
    const noSummary = await primary.request('POST', '/api/coverage/calls', { ...call, summary: '' });
    expect(noSummary.statusCode).toBe(400);
    const outsider = await f.sessions.outsider.request('POST', '/api/coverage/calls', call);
    expect(outsider.json().error.code).toBe('coverage.no_covering_absence');

    const logged = await primary.request('POST', '/api/coverage/calls', call);
    expect(logged.statusCode).toBe(201);
    expect(logged.json()).toMatchObject({
      kind: 'call',
      state: 'open',
      clientId: f.keyClient.id,
      firstResponseAt: '2026-03-23T10:30:00.000Z',
      dueAt: null,
      activities: [{ kind: 'call', data: { with: 'Giulia Orsini' } }],
    });
    const closed = await primary.request('POST', `/api/coverage/contacts/${logged.json().id}/outcome`, { outcome: 'answered' });
    expect(closed.json()).toMatchObject({ state: 'closed', outcome: 'answered' });
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'coverage.call_logged'), eq(auditEvents.subjectId, logged.json().id)));
    expect(events).toHaveLength(1);
  });

  it('offers the hand-off to the manager while the backup is away themselves', async () => {
    const backupAway = { startsAt: new Date('2026-03-25T00:00:00Z'), endsAt: new Date('2026-03-26T00:00:00Z') };
    await t.db.transaction((tx) =>
      t.deps.absencesRepository.insert(
        tx,
        {
          workspaceId: f.workspace.id,
          ownerId: f.people.backup.id,
          ...backupAway,
          primaryDelegateId: f.people.primary.id,
          managerId: f.people.manager.id,
          autoReply: { en: { subject: 'Away', body: 'Away' }, it: { subject: 'Assente', body: 'Assente' } },
        },
        [],
      ),
    );
    t.clock.set('2026-03-25T09:00:00Z');
    const message = await f.receive({ from: 'Luca <luca@vinilucchesi.example>', subject: 'Wednesday', body: 'A question about labels.' });
    const url = `/api/coverage/contacts/${message.contactId}`;
    // Days passed: sign in again.
    expect((await (await t.signIn(f.people.primary.email)).request('GET', url)).json()).toMatchObject({
      assigneeId: f.people.primary.id,
      handOffTo: { id: f.people.manager.id, name: f.people.manager.name },
    });
    t.clock.set('2026-03-26T09:00:00Z');
    expect((await (await t.signIn(f.people.primary.email)).request('GET', url)).json()).toMatchObject({
      handOffTo: { id: f.people.backup.id, name: f.people.backup.name },
    });
    t.clock.set('2026-03-23T11:00:00Z');
  });

  it('routes to the backup while the primary delegate is away themselves', async () => {
    await t.db.transaction((tx) =>
      t.deps.absencesRepository.insert(
        tx,
        {
          workspaceId: f.workspace.id,
          ownerId: f.people.primary.id,
          startsAt: new Date('2026-03-26T00:00:00Z'),
          endsAt: new Date('2026-03-27T00:00:00Z'),
          primaryDelegateId: f.people.backup.id,
          managerId: f.people.manager.id,
          autoReply: { en: { subject: 'Away', body: 'Away' }, it: { subject: 'Assente', body: 'Assente' } },
        },
        [],
      ),
    );
    t.clock.set('2026-03-26T09:00:00Z');
    const message = await f.receive({ from: 'giulia@orsini.example', subject: 'Thursday', body: 'Are you there today?' });
    expect(await contactRow(message.contactId ?? '')).toMatchObject({ assigneeId: f.people.backup.id, assigneeRole: 'backup' });
    t.clock.set('2026-03-23T11:00:00Z');
  });

  it('hands every open contact back to the owner on return, keeping who handled what', async () => {
    const open = (await f.sessions.manager.request('GET', '/api/coverage/queue?scope=all&state=open')).json().contacts;
    expect(open.length).toBeGreaterThan(0);
    const handled = open.find((contact: { assigneeRole: string }) => contact.assigneeRole === 'backup');
    const back = await f.sessions.owner.request('POST', `/api/absences/${f.absence.id}/return`, {});
    expect(back.json()).toMatchObject({ state: 'returned' });
    await t.runJobs();
    const after = (await f.sessions.owner.request('GET', '/api/coverage/queue?scope=mine&state=open')).json().contacts;
    expect(after.map((contact: { id: string }) => contact.id).sort()).toEqual(open.map((contact: { id: string }) => contact.id).sort());
    expect(after.every((contact: { assigneeRole: string; assigneeId: string }) => contact.assigneeRole === 'owner')).toBe(true);
    const detail = (await f.sessions.owner.request('GET', `/api/coverage/contacts/${handled.id}`)).json();
    expect(detail.activities.map((activity: { kind: string }) => activity.kind)).toEqual(expect.arrayContaining(['message', 'reassigned']));
    const handBack = detail.activities.find(
      (activity: { kind: string; data: { handBack?: boolean } }) => activity.kind === 'reassigned' && activity.data.handBack,
    );
    expect(handBack.data).toMatchObject({ from: f.people.backup.id, fromRole: 'backup', to: f.people.owner.id });
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'coverage.handed_back'), eq(auditEvents.subjectId, f.absence.id)));
    expect(event?.data).toMatchObject({ ownerId: f.people.owner.id });
  });
});
