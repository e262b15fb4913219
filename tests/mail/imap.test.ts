import { and, count, eq } from 'drizzle-orm';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailboxImap, mailMessages } from '../../src/domains/mail/mail.schema';
import { jobs } from '../../src/platform/jobs/jobs.schema';
import { type Dovecot, IMAP_PASSWORD, IMAP_USER, startDovecot } from '../support/dovecot';
import { createTestBaton, type TestBaton } from '../support/test-baton';
import { clientMail, type MailWorld, seedMailWorld } from './mail-fixtures';

const SECRET_KEY = Buffer.alloc(32, 7).toString('base64');

describe('reading a mailbox over IMAP (a real Dovecot)', () => {
  let dovecot: Dovecot;
  let t: TestBaton;
  let world: MailWorld;
  let sequence = 0;

  beforeAll(async () => {
    dovecot = await startDovecot();
    t = await createTestBaton({ BATON_SECRET_KEY: SECRET_KEY, IMAP_POLL_SECONDS: '60' });
    world = await seedMailWorld(t);
  });
  afterAll(async () => {
    await t?.close();
    await dovecot?.stop();
  });

  /** Puts messages into the user's INBOX as a mail client would (IMAP APPEND). */
  async function append(n: number) {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port: dovecot.port,
      secure: false,
      auth: { user: IMAP_USER, pass: IMAP_PASSWORD },
      logger: false,
    });
    await client.connect();
    try {
      for (let i = 0; i < n; i += 1) {
        sequence += 1;
        await client.append('INBOX', clientMail({ messageId: `<imap-${sequence}@acme.example>`, subject: `IMAP ${sequence}` }));
      }
    } finally {
      await client.logout();
    }
  }

  const configure = (password = IMAP_PASSWORD) =>
    t.deps.mail.imap.configureImap(
      world.workspace.id,
      world.mailbox.id,
      { host: '127.0.0.1', port: dovecot.port, secure: false, username: IMAP_USER, password },
      null,
    );
  const sync = () => t.deps.mail.imap.syncImapMailbox(world.workspace.id, world.mailbox.id);
  const stored = async () =>
    (await t.db.select({ n: count() }).from(mailMessages).where(eq(mailMessages.mailboxId, world.mailbox.id)))[0]?.n ?? 0;
  const account = async () => (await t.db.select().from(mailboxImap).where(eq(mailboxImap.mailboxId, world.mailbox.id)))[0];

  it('stores the password encrypted and starts one polling job for the mailbox', async () => {
    await configure();
    const row = await account();
    expect(row?.passwordEncrypted.startsWith('v1:')).toBe(true);
    expect(row?.passwordEncrypted).not.toContain(IMAP_PASSWORD);
    await configure(); // configuring again does not add a second poll
    const pending = await t.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.name, 'mail.imap_sync'), eq(jobs.status, 'pending')));
    expect(pending).toHaveLength(1);
  });

  it('ingests every message once, then only new ones, and nothing on a sync with nothing new', async () => {
    await append(3);
    expect(await sync()).toMatchObject({ status: 'synced', fetched: 3, ingested: 3, duplicates: 0 });
    expect(await stored()).toBe(3);
    await append(2);
    expect(await sync()).toMatchObject({ status: 'synced', fetched: 2, ingested: 2 });
    expect(await sync()).toMatchObject({ status: 'synced', fetched: 0, ingested: 0 });
    expect(await stored()).toBe(5);
    const row = await account();
    expect(row).toMatchObject({ lastUid: '5', lastError: null });
    expect(row?.uidValidity).toMatch(/^\d+$/);
    expect(row?.lastSyncAt).toEqual(t.clock.now());
    const uids = await t.db.select({ uid: mailMessages.uid }).from(mailMessages).where(eq(mailMessages.mailboxId, world.mailbox.id));
    expect(uids.map((entry) => entry.uid).sort()).toEqual(['1', '2', '3', '4', '5']);
  });

  it('after a crash between ingestion and checkpoint, reading again only finds duplicates', async () => {
    await append(1);
    await t.db.update(mailboxImap).set({ lastUid: '2' }).where(eq(mailboxImap.mailboxId, world.mailbox.id));
    expect(await sync()).toMatchObject({ status: 'synced', fetched: 4, ingested: 1, duplicates: 3 });
    expect(await stored()).toBe(6);
    // A lost UIDVALIDITY (another server numbering) reads everything again: all duplicates.
    await t.db.update(mailboxImap).set({ uidValidity: '1', lastUid: '6' }).where(eq(mailboxImap.mailboxId, world.mailbox.id));
    expect(await sync()).toMatchObject({ fetched: 6, ingested: 0, duplicates: 6 });
    expect(await stored()).toBe(6);
  });

  it('the polling job syncs and re-enqueues itself; exactly one poll stays pending per mailbox', async () => {
    await append(1);
    expect(await t.runJobs()).toBeGreaterThan(0);
    expect(await stored()).toBe(7);
    const pending = await t.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.name, 'mail.imap_sync'), eq(jobs.status, 'pending')));
    expect(pending).toHaveLength(1);
    expect(pending[0]?.runAt.getTime()).toBe(t.clock.now().getTime() + 60_000);
    await t.deps.mail.imap.ensurePolling();
    expect(
      await t.db
        .select()
        .from(jobs)
        .where(and(eq(jobs.name, 'mail.imap_sync'), eq(jobs.status, 'pending'))),
    ).toHaveLength(1);
  });

  it('a wrong password is recorded as the last error, shown by the mailbox API, and nothing crashes', async () => {
    await configure('wrong');
    const result = await sync();
    expect(result.status).toBe('failed');
    expect(result.error).toMatch(/authentication failed/i);
    expect((await account())?.lastError).toMatch(/authentication failed/i);
    const admin = await t.signIn(world.admin.email);
    const response = await admin.request('GET', '/api/mail/mailboxes');
    expect(response.statusCode).toBe(200);
    const mailbox = response.json().find((entry: { id: string }) => entry.id === world.mailbox.id);
    expect(mailbox).toMatchObject({ kind: 'imap', imap: { host: '127.0.0.1', username: IMAP_USER, folder: 'INBOX' } });
    expect(mailbox.imap.lastError).toMatch(/authentication failed/i);
    expect(response.body).not.toContain('wrong');
    expect(response.body).not.toContain('password');
    // Fixed again: the same checkpoint, nothing read twice.
    await configure();
    expect(await sync()).toMatchObject({ status: 'synced', fetched: 0 });
    expect((await account())?.lastError).toBeNull();
  });

  it('a server that does not answer is a recorded error too', async () => {
    await t.deps.mail.imap.configureImap(
      world.workspace.id,
      world.mailbox.id,
      { host: '127.0.0.1', port: 1, secure: false, username: IMAP_USER, password: IMAP_PASSWORD },
      null,
    );
    expect(await sync()).toMatchObject({ status: 'failed' });
    expect((await account())?.lastError).toMatch(/cannot reach 127.0.0.1:1 \(ECONNREFUSED\)/);
  });
});

describe('IMAP without BATON_SECRET_KEY', () => {
  let t: TestBaton;
  let world: MailWorld;
  beforeAll(async () => {
    t = await createTestBaton();
    world = await seedMailWorld(t);
  });
  afterAll(() => t.close());

  it('refuses to configure an IMAP mailbox with a clear error', async () => {
    await expect(
      t.deps.mail.imap.configureImap(
        world.workspace.id,
        world.mailbox.id,
        { host: '127.0.0.1', port: 143, secure: false, username: 'x', password: 'y' },
        null,
      ),
    ).rejects.toThrow(/BATON_SECRET_KEY/);
  });
});
