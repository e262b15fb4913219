import { count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createImapIdle, type ImapIdle, type ImapIdleTiming } from '../../src/domains/mail/imap-idle.usecases';
import { mailMessages } from '../../src/domains/mail/mail.schema';
import { createLogger } from '../../src/platform/logger/logger';
import { type ImapWatcher, watchImapFolder } from '../../src/platform/mail/imap-watcher';
import { type Dovecot, startDovecot } from '../support/dovecot';
import { createTestBaton, type TestBaton } from '../support/test-baton';
import { waitFor } from '../support/wait-for';
import { appendMessages, imapAccountOf, imapSettings, SECRET_KEY } from './imap-support';
import { clientMail, type MailWorld, seedMailWorld } from './mail-fixtures';

/** Short backoff and rescans so reconnects happen within the test; the poll interval is an hour, so only IDLE reads. */
const FAST: Partial<ImapIdleTiming> = { baseMs: 50, maxMs: 400, rescanMs: 200, busyRetryMs: 50 };

let sequence = 0;
const nextMail = () => {
  sequence += 1;
  return clientMail({ messageId: `<idle-${sequence}@acme.example>`, subject: `IDLE ${sequence}` });
};

describe('IMAP IDLE watchers (a real Dovecot)', () => {
  let dovecot: Dovecot;
  let t: TestBaton;
  let world: MailWorld;
  const managers: ImapIdle[] = [];

  beforeAll(async () => {
    dovecot = await startDovecot();
    t = await createTestBaton({ BATON_SECRET_KEY: SECRET_KEY, IMAP_POLL_SECONDS: '3600' }, { imapIdleTiming: FAST });
    world = await seedMailWorld(t);
    await t.deps.mail.imap.configureImap(world.workspace.id, world.mailbox.id, imapSettings(dovecot), null);
  });
  afterEach(async () => {
    for (const manager of managers.splice(0)) await manager.stop();
  });
  afterAll(async () => {
    await t?.close();
    await dovecot?.stop();
  });

  /** Another Baton instance's watchers on the same database, with a watcher that counts connections and drops. */
  function instance(instanceId: string) {
    const tally = { connects: 0, drops: 0 };
    const watch: ImapWatcher = async (settings, handlers, signal) => {
      const watching = await watchImapFolder(
        settings,
        {
          onNewMail: handlers.onNewMail,
          onClosed: (reason) => {
            tally.drops += 1;
            handlers.onClosed(reason);
          },
        },
        signal,
      );
      tally.connects += 1;
      return watching;
    };
    const manager = createImapIdle({
      clock: t.clock,
      logger: createLogger('silent'),
      imapRepository: t.deps.mail.imapRepository,
      imapSync: t.deps.mail.imap,
      watch,
      instanceId,
      timing: FAST,
    });
    managers.push(manager);
    return { manager, tally };
  }

  const account = () => imapAccountOf(t, world.mailbox.id);
  const stored = async () =>
    (await t.db.select({ n: count() }).from(mailMessages).where(eq(mailMessages.mailboxId, world.mailbox.id)))[0]?.n ?? 0;

  it('stores a message APPENDed while the app watches, without the polling job, and leaves no connection when stopped', async () => {
    t.deps.mail.idle.start();
    await waitFor(async () => (await account())?.watchState === 'idle', 'the IDLE connection');
    expect(t.deps.mail.idle.watching()).toEqual([world.mailbox.id]);
    await appendMessages(dovecot, [nextMail()]);
    // No job ran (the runner is not started and the poll is an hour away): IDLE read it.
    await waitFor(async () => (await stored()) === 1, 'the appended message');
    await t.deps.mail.idle.stop();
    expect(t.deps.mail.idle.watching()).toEqual([]);
    expect(await account()).toMatchObject({ watchState: null, watchOwner: null, watchLeaseUntil: null });
    await waitFor(async () => (await dovecot.connections()) === 0, 'Dovecot to see no connection left');
  });

  it('reconnects after the server drops the IDLE connection, and nothing is lost or read twice', async () => {
    const { manager, tally } = instance('instance-a');
    manager.start();
    await waitFor(() => tally.connects === 1 && manager.watching().length === 1, 'the first IDLE connection');
    await appendMessages(dovecot, [nextMail()]);
    await waitFor(async () => (await stored()) === 2, 'the message before the drop');

    await dovecot.kick();
    await appendMessages(dovecot, [nextMail(), nextMail()]);
    await waitFor(() => tally.drops >= 1 && tally.connects >= 2 && manager.watching().length === 1, 'the reconnected watcher');
    await waitFor(async () => (await stored()) === 4, 'the messages that arrived around the drop');
    await appendMessages(dovecot, [nextMail()]);
    await waitFor(async () => (await stored()) === 5, 'a message after the reconnect');
    // The checkpoint moves just after each message is committed: wait for it too.
    await waitFor(async () => {
      const row = await account();
      return row?.lastUid === '5' && row.lastError === null && row.watchState === 'idle';
    }, 'the checkpoint past the last message, and a clean status');

    const rows = await t.db.select({ uid: mailMessages.uid }).from(mailMessages).where(eq(mailMessages.mailboxId, world.mailbox.id));
    expect(rows.map((row) => Number(row.uid)).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    await manager.stop();
    await waitFor(async () => (await dovecot.connections()) === 0, 'no connection left');
  });

  it('lets one instance at a time hold the IDLE connection of a mailbox; another takes over when it stops', async () => {
    const a = instance('instance-a');
    const b = instance('instance-b');
    a.manager.start();
    await waitFor(() => a.manager.watching().length === 1, 'instance A watching');
    b.manager.start();
    await b.manager.refresh();
    expect(b.manager.watching()).toEqual([]);
    expect(b.tally.connects).toBe(0);
    expect((await account())?.watchOwner).toBe('instance-a');
    // The watcher's catch-up sync uses a short-lived second connection: once it is done, only the IDLE one stays.
    await waitFor(async () => (await dovecot.connections()) === 1, 'only the IDLE connection left');

    await a.manager.stop();
    await b.manager.refresh();
    await waitFor(() => b.manager.watching().length === 1, 'instance B taking over');
    expect((await account())?.watchOwner).toBe('instance-b');
    await b.manager.stop();
  });

  it('the polling job leaves a mailbox with a live watcher to IDLE, and reads it when none is live', async () => {
    const { manager } = instance('instance-a');
    t.clock.advance(1_000);
    manager.start();
    // The watcher's catch-up sync done (it stamps the new time), so lastSyncAt only moves again if the job reads.
    await waitFor(
      async () =>
        manager.watching().length === 1 &&
        (await account())?.watchState === 'idle' &&
        (await account())?.lastSyncAt?.getTime() === t.clock.now().getTime(),
      'the watcher and its catch-up sync',
    );
    const before = (await account())?.lastSyncAt;
    t.clock.advance(3_600_000);
    // The lease was taken at the old time: renew it, as the next rescan would.
    await manager.refresh();
    await t.runJobs();
    expect((await account())?.lastSyncAt).toEqual(before);

    await manager.stop();
    t.clock.advance(3_600_000);
    await appendMessages(dovecot, [nextMail()]);
    await t.runJobs();
    expect((await account())?.lastSyncAt).toEqual(t.clock.now());
    expect(await stored()).toBe(6);
  });

  it('an unreachable server: the mailbox shows the error and the next retry, and the watcher keeps trying', async () => {
    await t.deps.mail.imap.configureImap(world.workspace.id, world.mailbox.id, { ...imapSettings(dovecot), port: 1 }, null);
    const { manager } = instance('instance-a');
    manager.start();
    await waitFor(async () => (await account())?.watchState === 'reconnecting', 'the reconnecting state');
    const row = await account();
    expect(row?.watchError).toMatch(/cannot reach 127\.0\.0\.1:1/);
    expect(row?.nextRetryAt?.getTime()).toBeGreaterThan(t.clock.now().getTime());
    expect(row?.nextRetryAt?.getTime()).toBeLessThanOrEqual(t.clock.now().getTime() + 400);
    const admin = await t.signIn(world.admin.email);
    const listed = (await admin.request('GET', '/api/mail/mailboxes'))
      .json()
      .find((entry: { id: string }) => entry.id === world.mailbox.id);
    expect(listed.imap.watch).toMatchObject({ state: 'reconnecting', error: expect.stringMatching(/cannot reach/) });
    expect(listed.imap.watch.nextRetryAt).toEqual(expect.any(String));
    await manager.stop();
    await t.deps.mail.imap.configureImap(world.workspace.id, world.mailbox.id, imapSettings(dovecot), null);
  });
});

describe('IMAP IDLE with a server that does not offer it', () => {
  let dovecot: Dovecot;
  let t: TestBaton;
  let world: MailWorld;

  beforeAll(async () => {
    dovecot = await startDovecot({ withoutIdle: true });
    t = await createTestBaton({ BATON_SECRET_KEY: SECRET_KEY, IMAP_POLL_SECONDS: '60' }, { imapIdleTiming: FAST });
    world = await seedMailWorld(t);
    await t.deps.mail.imap.configureImap(world.workspace.id, world.mailbox.id, imapSettings(dovecot), null);
  });
  afterAll(async () => {
    await t?.close();
    await dovecot?.stop();
  });

  it('records that IDLE is unsupported and leaves the mailbox to the polling job', async () => {
    t.deps.mail.idle.start();
    await waitFor(async () => (await imapAccountOf(t, world.mailbox.id))?.watchState === 'unsupported', 'the unsupported state');
    expect((await imapAccountOf(t, world.mailbox.id))?.watchError).toMatch(/does not offer IDLE/);
    expect(t.deps.mail.idle.watching()).toEqual([]);
    await appendMessages(dovecot, [clientMail({ messageId: '<no-idle-1@acme.example>' })]);
    await t.runJobs();
    const messages = await t.db.select().from(mailMessages).where(eq(mailMessages.mailboxId, world.mailbox.id));
    expect(messages).toHaveLength(1);
    const admin = await t.signIn(world.admin.email);
    const listed = (await admin.request('GET', '/api/mail/mailboxes'))
      .json()
      .find((entry: { id: string }) => entry.id === world.mailbox.id);
    expect(listed.imap.watch.state).toBe('unsupported');
    // Closing the app stops the watchers: no connection stays open.
    await t.deps.mail.idle.stop();
    await waitFor(async () => (await dovecot.connections()) === 0, 'no connection left');
  });
});
