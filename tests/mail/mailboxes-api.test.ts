import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/domains/audit/audit.schema';
import { mailboxes } from '../../src/domains/mail/mail.schema';
import { createLogger } from '../../src/platform/logger/logger';
import { type Dovecot, IMAP_PASSWORD, IMAP_USER, startDovecot } from '../support/dovecot';
import { createTestBaton, type TestBaton } from '../support/test-baton';
import { waitFor } from '../support/wait-for';
import { appendMessages, imapAccountOf, SECRET_KEY } from './imap-support';
import { clientMail, type MailWorld, seedMailWorld } from './mail-fixtures';

type Session = Awaited<ReturnType<TestBaton['signIn']>>;

describe('mailbox settings over the API (a real Dovecot)', () => {
  let dovecot: Dovecot;
  let t: TestBaton;
  let world: MailWorld;
  let admin: Session;
  let manager: Session;
  let anna: Session;
  let delegate: Session;
  let imapMailboxId: string;
  /** Everything Baton logged, at the most verbose level: searched for the password at the end. */
  const logged: string[] = [];

  const settings = (overrides: Record<string, unknown> = {}) => ({
    host: '127.0.0.1',
    port: dovecot.port,
    secure: false,
    username: IMAP_USER,
    password: IMAP_PASSWORD,
    ...overrides,
  });
  const listed = async (session: Session, id: string) =>
    (await session.request('GET', '/api/mail/mailboxes')).json().find((entry: { id: string }) => entry.id === id);
  const mailboxCount = async () => (await t.db.select().from(mailboxes).where(eq(mailboxes.workspaceId, world.workspace.id))).length;

  beforeAll(async () => {
    dovecot = await startDovecot();
    t = await createTestBaton(
      { BATON_SECRET_KEY: SECRET_KEY, IMAP_POLL_SECONDS: '60' },
      { logger: createLogger('trace', { write: (line: string) => void logged.push(line) }) },
    );
    world = await seedMailWorld(t);
    admin = await t.signIn(world.admin.email);
    manager = await t.signIn(world.manager.email);
    anna = await t.signIn(world.anna.email);
    delegate = await t.signIn(world.delegate.email);
    await appendMessages(dovecot, [clientMail({ messageId: '<api-1@acme.example>' }), clientMail({ messageId: '<api-2@acme.example>' })]);
  });
  afterAll(async () => {
    await t?.close();
    await dovecot?.stop();
  });

  it('an admin creates an IMAP mailbox for someone; the list shows its settings and status but never the password', async () => {
    const created = await admin.request('POST', '/api/mail/mailboxes', {
      address: 'Giulia@Agency.example',
      aliases: ['g.neri@agency.example', 'giulia@agency.example'],
      ownerId: world.delegate.id,
      imap: settings(),
    });
    expect(created.statusCode).toBe(201);
    imapMailboxId = created.json().id;
    expect(created.json()).toMatchObject({
      address: 'giulia@agency.example',
      aliases: ['g.neri@agency.example'],
      kind: 'imap',
      ownerId: world.delegate.id,
      ownerName: 'Luca Verdi',
      counts: { ingested: 0, quarantined: 0, skipped: 0 },
      imap: { host: '127.0.0.1', port: dovecot.port, secure: false, username: IMAP_USER, folder: 'INBOX', enabled: true, lastSyncAt: null },
    });
    expect(created.json().imap.watch).toEqual({ state: 'off', error: null, nextRetryAt: null });
    const list = await admin.request('GET', '/api/mail/mailboxes');
    for (const body of [created.body, list.body]) {
      expect(body).not.toContain(IMAP_PASSWORD);
      expect(body).not.toMatch(/password/i);
      expect(body).not.toContain('v1:');
    }
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'mail.imap_configured'), eq(auditEvents.subjectId, imapMailboxId)));
    expect(JSON.stringify(event?.data)).not.toContain(IMAP_PASSWORD);
  });

  it('refuses bad input with a clear error and changes nothing', async () => {
    const before = await mailboxCount();
    const cases: [unknown, number, string, RegExp][] = [
      [{ address: 'x@agency.example', imap: settings({ host: 'bad host!' }) }, 400, 'request.invalid', /host/],
      [{ address: 'x@agency.example', imap: settings({ port: 0 }) }, 400, 'request.invalid', /port/],
      [{ address: 'x@agency.example', imap: settings({ username: '' }) }, 400, 'request.invalid', /username/],
      [{ address: 'x@agency.example', imap: { ...settings(), pass: 'x' } }, 400, 'request.invalid', /pass/],
      [{ address: 'x@agency.example', imap: settings({ password: '' }) }, 400, 'mail.imap_password_required', /password/],
      [{ address: 'not an address' }, 400, 'request.invalid', /address/],
      [{ address: 'giulia@agency.example' }, 409, 'mail.mailbox_taken', /already exists/],
    ];
    for (const [body, status, code, message] of cases) {
      const response = await admin.request('POST', '/api/mail/mailboxes', body);
      expect({ body, status: response.statusCode, code: response.json().error.code }).toEqual({ body, status, code });
      expect(response.json().error.message).toMatch(message);
    }
    const badUpdates: [string, string, unknown, string][] = [
      ['PATCH', `/api/mail/mailboxes/${imapMailboxId}`, {}, 'request.invalid'],
      ['PATCH', `/api/mail/mailboxes/${imapMailboxId}`, { aliases: ['nope'] }, 'request.invalid'],
      ['PUT', `/api/mail/mailboxes/${imapMailboxId}/imap`, settings({ port: 70000 }), 'request.invalid'],
      ['PATCH', `/api/mail/mailboxes/${world.mailbox.id}`, { imapEnabled: false }, 'mail.imap_not_configured'],
      ['POST', `/api/mail/mailboxes/${world.mailbox.id}/sync`, {}, 'mail.imap_not_configured'],
    ];
    for (const [method, url, body, code] of badUpdates) {
      const response = await admin.request(method as 'PATCH', url, body);
      expect({ url, code: response.json().error?.code }).toEqual({ url, code });
    }
    expect(await mailboxCount()).toBe(before);
    expect((await imapAccountOf(t, imapMailboxId))?.port).toBe(dovecot.port);
  });

  it('tests a connection: the folder’s message count, or a clear reason (login, host, TLS, folder), never echoing the password', async () => {
    const test = (body: unknown) => admin.request('POST', '/api/mail/imap/test', body);
    const ok = await test(settings());
    expect(ok.json()).toEqual({ ok: true, messages: 2, idle: true });

    const wrong = await test(settings({ password: 'Wrong-Pa55-9Zz' }));
    expect(wrong.json()).toMatchObject({ ok: false, reason: 'auth', message: expect.stringMatching(/authentication failed/) });
    expect(wrong.body).not.toContain('Wrong-Pa55-9Zz');
    expect((await test(settings({ port: 1 }))).json()).toMatchObject({
      ok: false,
      reason: 'unreachable',
      message: expect.stringMatching(/cannot reach 127\.0\.0\.1:1/),
    });
    expect((await test(settings({ host: 'no-such-host.invalid' }))).json()).toMatchObject({ ok: false, reason: 'unreachable' });
    const tls = (await test(settings({ secure: true }))).json();
    expect(tls).toMatchObject({ ok: false, reason: 'tls', message: expect.stringMatching(/TLS handshake with 127\.0\.0\.1:\d+ failed/) });
    expect(tls.message).not.toContain('\n');
    expect((await test(settings({ folder: 'Archive/2020' }))).json()).toMatchObject({
      ok: false,
      reason: 'folder',
      message: expect.stringMatching(/cannot open folder Archive\/2020/),
    });

    // Blank password: without a mailbox there is nothing stored to use.
    expect((await test(settings({ password: '' }))).json().error.code).toBe('mail.imap_password_required');
    // With the mailbox, the stored one is used, for the same server and login only.
    const stored = await admin.request('POST', `/api/mail/mailboxes/${imapMailboxId}/imap/test`, settings({ password: '' }));
    expect(stored.json()).toEqual({ ok: true, messages: 2, idle: true });
    const elsewhere = await admin.request(
      'POST',
      `/api/mail/mailboxes/${imapMailboxId}/imap/test`,
      settings({ password: '', host: 'localhost' }),
    );
    expect(elsewhere.json().error.code).toBe('mail.imap_password_required');
  });

  it('"Sync now" reads the mailbox and the list shows the counts and the last sync', async () => {
    const synced = await admin.request('POST', `/api/mail/mailboxes/${imapMailboxId}/sync`, {});
    expect(synced.json()).toEqual({ status: 'synced', fetched: 2, ingested: 2, duplicates: 0, quarantined: 0, skipped: 0 });
    const entry = await listed(admin, imapMailboxId);
    expect(entry.counts).toEqual({ ingested: 2, quarantined: 0, skipped: 0 });
    expect(entry.imap).toMatchObject({ lastSyncAt: t.clock.now().toISOString(), lastError: null });
  });

  it('a blank password keeps the stored one for the same server and login, and is required when they change', async () => {
    const kept = await admin.request('PUT', `/api/mail/mailboxes/${imapMailboxId}/imap`, settings({ password: '', folder: 'INBOX' }));
    expect(kept.statusCode).toBe(200);
    expect((await admin.request('POST', `/api/mail/mailboxes/${imapMailboxId}/sync`, {})).json()).toMatchObject({
      status: 'synced',
      fetched: 0,
    });
    const sealed = (await imapAccountOf(t, imapMailboxId))?.passwordEncrypted;

    const moved = await admin.request(
      'PUT',
      `/api/mail/mailboxes/${imapMailboxId}/imap`,
      settings({ password: '', host: 'imap.elsewhere.example' }),
    );
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.code).toBe('mail.imap_password_required');
    expect(await imapAccountOf(t, imapMailboxId)).toMatchObject({ host: '127.0.0.1', passwordEncrypted: sealed });
  });

  it('pausing stops the polling and the watcher, resuming starts them again; the checkpoint is kept', async () => {
    t.deps.mail.idle.start();
    await waitFor(async () => (await imapAccountOf(t, imapMailboxId))?.watchState === 'idle', 'the IDLE watcher');
    const paused = await admin.request('PATCH', `/api/mail/mailboxes/${imapMailboxId}`, { imapEnabled: false });
    expect(paused.json().imap).toMatchObject({ enabled: false, watch: { state: 'off' } });
    await waitFor(() => t.deps.mail.idle.watching().length === 0, 'the watcher to stop');
    await appendMessages(dovecot, [clientMail({ messageId: '<api-3@acme.example>' })]);
    t.clock.advance(120_000);
    await t.runJobs();
    expect((await listed(admin, imapMailboxId)).counts.ingested).toBe(2);

    const resumed = await admin.request('PATCH', `/api/mail/mailboxes/${imapMailboxId}`, { imapEnabled: true });
    expect(resumed.json().imap.enabled).toBe(true);
    await waitFor(async () => (await listed(admin, imapMailboxId)).counts.ingested === 3, 'the message that arrived while paused');
    expect((await imapAccountOf(t, imapMailboxId))?.lastUid).toBe('3');
    await t.deps.mail.idle.stop();
  });

  it('who may do what: a member sees and changes only their own mailboxes, a manager sees all and changes none of others', async () => {
    const delegateList = (await delegate.request('GET', '/api/mail/mailboxes')).json();
    expect(delegateList.map((entry: { id: string }) => entry.id)).toEqual([imapMailboxId]);
    const annaList = (await anna.request('GET', '/api/mail/mailboxes')).json();
    expect(annaList.map((entry: { id: string }) => entry.id)).toEqual([world.mailbox.id]);

    // anna cannot see Luca's mailbox at all; Luca (its owner, a member) may change it.
    for (const [method, url, body] of [
      ['PUT', `/api/mail/mailboxes/${imapMailboxId}/imap`, settings()],
      ['POST', `/api/mail/mailboxes/${imapMailboxId}/sync`, {}],
      ['POST', `/api/mail/mailboxes/${imapMailboxId}/imap/test`, settings()],
      ['PATCH', `/api/mail/mailboxes/${imapMailboxId}`, { aliases: [] }],
      ['DELETE', `/api/mail/mailboxes/${imapMailboxId}/imap`, undefined],
      ['DELETE', `/api/mail/mailboxes/${imapMailboxId}`, undefined],
      ['GET', `/api/mail/mailboxes/${imapMailboxId}/problems`, undefined],
    ] as const) {
      const response = await anna.request(method, url, body);
      expect({ url, method, status: response.statusCode }).toEqual({ url, method, status: 404 });
    }
    expect((await delegate.request('PATCH', `/api/mail/mailboxes/${imapMailboxId}`, { aliases: ['luca@agency.example'] })).statusCode).toBe(
      200,
    );

    // The manager sees it, and may not change it.
    expect(await listed(manager, imapMailboxId)).toBeDefined();
    const managerChange = await manager.request('POST', `/api/mail/mailboxes/${imapMailboxId}/sync`, {});
    expect(managerChange.statusCode).toBe(403);
    expect(managerChange.json().error.code).toBe('mail.not_mailbox_owner');
    // A member cannot create a mailbox for someone else.
    const forOther = await anna.request('POST', '/api/mail/mailboxes', { address: 'other@agency.example', ownerId: world.delegate.id });
    expect(forOther.statusCode).toBe(403);

    // Another workspace's admin: not found, whatever the route.
    const other = await t.createWorkspaceWithUsers(['admin']);
    const outsider = await t.signIn(other.users[0]?.email ?? '');
    expect((await outsider.request('GET', '/api/mail/mailboxes')).body).not.toContain(imapMailboxId);
    expect((await outsider.request('POST', `/api/mail/mailboxes/${imapMailboxId}/imap/test`, settings())).statusCode).toBe(404);
  });

  it('removing IMAP keeps the messages and forgets the password; only an empty mailbox can be deleted', async () => {
    const removed = await delegate.request('DELETE', `/api/mail/mailboxes/${imapMailboxId}/imap`);
    expect(removed.json()).toMatchObject({ kind: 'upload', imap: null, counts: { ingested: 3 } });
    expect(await imapAccountOf(t, imapMailboxId)).toBeUndefined();

    const refused = await delegate.request('DELETE', `/api/mail/mailboxes/${imapMailboxId}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('mail.mailbox_has_messages');

    const empty = (await anna.request('POST', '/api/mail/mailboxes', { address: 'anna.spare@agency.example' })).json();
    expect((await anna.request('DELETE', `/api/mail/mailboxes/${empty.id}`)).json()).toEqual({ ok: true });
    expect((await anna.request('GET', '/api/mail/mailboxes')).body).not.toContain(empty.id);
  });

  it('never wrote the IMAP password to the log', () => {
    expect(logged.length).toBeGreaterThan(20);
    const all = logged.join('\n');
    expect(all).not.toContain(IMAP_PASSWORD);
    expect(all).not.toContain('Wrong-Pa55-9Zz');
  });
});
