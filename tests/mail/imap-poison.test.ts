import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/domains/audit/audit.schema';
import { createImapSync } from '../../src/domains/mail/imap.usecases';
import { mailMessages } from '../../src/domains/mail/mail.schema';
import { type Dovecot, startDovecot } from '../support/dovecot';
import { createTestBaton, type TestBaton } from '../support/test-baton';
import { appendMessages, imapAccountOf, imapSettings, SECRET_KEY } from './imap-support';
import { clientMail, type MailWorld, seedMailWorld } from './mail-fixtures';

/** A message over the 25 MiB ingestion limit: 26 MiB of ordinary text lines. */
function hugeMail(): Buffer {
  const line = `${'x'.repeat(76)}\r\n`;
  const body = line.repeat(Math.ceil((26 * 1024 * 1024) / line.length));
  return Buffer.concat([
    Buffer.from(
      [
        'From: Mario Bianchi <mario@acme.example>',
        'To: anna@agency.example',
        'Subject: The whole archive',
        'Message-ID: <huge-1@acme.example>',
        'Content-Type: text/plain',
        '',
        '',
      ].join('\r\n'),
    ),
    Buffer.from(body),
  ]);
}

describe('poison messages in an IMAP mailbox (a real Dovecot)', () => {
  let dovecot: Dovecot;
  let t: TestBaton;
  let world: MailWorld;
  /** Ingestion throws for the message with this subject, as a bug in the pipeline would. */
  let poisonSubject: string | null = 'Poison';

  beforeAll(async () => {
    dovecot = await startDovecot();
    t = await createTestBaton(
      { BATON_SECRET_KEY: SECRET_KEY, IMAP_POLL_SECONDS: '60' },
      {
        ingestionFaults: {
          afterMessageInsert: ({ subject }) => {
            if (subject === poisonSubject) throw new Error('the pipeline broke on this message');
          },
        },
      },
    );
    world = await seedMailWorld(t);
    await t.deps.mail.imap.configureImap(world.workspace.id, world.mailbox.id, imapSettings(dovecot), null);
  });
  afterAll(async () => {
    await t?.close();
    await dovecot?.stop();
  });

  const sync = () => t.deps.mail.imap.syncImapMailbox(world.workspace.id, world.mailbox.id);
  const messages = () => t.db.select().from(mailMessages).where(eq(mailMessages.mailboxId, world.mailbox.id));

  it('skips a message over the size limit at once, retries one whose ingestion throws a bounded number of times, then quarantines it and moves on', async () => {
    await appendMessages(dovecot, [
      clientMail({ messageId: '<before@acme.example>', subject: 'Before' }),
      hugeMail(),
      clientMail({ messageId: '<poison@acme.example>', subject: 'Poison' }),
      clientMail({ messageId: '<after@acme.example>', subject: 'After' }),
    ]);

    // Attempts 1 and 2: the checkpoint waits before the poison message; the admin sees why.
    for (const attempt of [1, 2]) {
      const result = await sync();
      expect(result).toMatchObject({ status: 'failed' });
      expect(result.error).toContain(`message UID 3 could not be ingested (attempt ${attempt} of 3): the pipeline broke on this message`);
      expect((await imapAccountOf(t, world.mailbox.id))?.lastUid).toBe('2');
      expect((await imapAccountOf(t, world.mailbox.id))?.lastError).toContain(`attempt ${attempt} of 3`);
    }
    expect((await messages()).map((message) => message.subject)).toEqual(['Before']);

    // Attempt 3: given up on, quarantined with its raw copy; the message after it is read in the same sync.
    expect(await sync()).toMatchObject({ status: 'synced', ingested: 1, quarantined: 1, skipped: 0 });
    const account = await imapAccountOf(t, world.mailbox.id);
    expect(account).toMatchObject({ lastUid: '4', lastError: null });
    const stored = await messages();
    expect(stored.map((message) => [message.subject, message.status]).sort()).toEqual([
      ['After', 'ingested'],
      ['Before', 'ingested'],
      ['Poison', 'quarantined'],
    ]);
    const poison = stored.find((message) => message.subject === 'Poison');
    expect(poison?.quarantineReason).toBe('ingestion failed 3 times: the pipeline broke on this message');
    expect(poison?.uid).toBe('3');

    // Nothing is read again, and nothing loops.
    expect(await sync()).toMatchObject({ status: 'synced', fetched: 0 });
  });

  it('shows the skipped and quarantined messages, with their reasons and counts, to the mailbox’s admin', async () => {
    const admin = await t.signIn(world.admin.email);
    const problems = await admin.request('GET', `/api/mail/mailboxes/${world.mailbox.id}/problems`);
    expect(problems.statusCode).toBe(200);
    const byUid = Object.fromEntries(problems.json().map((problem: { uid: string }) => [problem.uid, problem]));
    expect(byUid['2']).toMatchObject({
      outcome: 'skipped',
      subject: 'The whole archive',
      fromAddress: 'mario@acme.example',
      messageId: null,
      reason: expect.stringMatching(/^larger than the 25\.0 MiB limit \(26\.0 MiB\): left on the IMAP server/),
    });
    expect(byUid['2'].size).toBeGreaterThan(25 * 1024 * 1024);
    expect(byUid['3']).toMatchObject({ outcome: 'quarantined', subject: 'Poison', messageId: expect.any(String) });
    expect(Object.keys(byUid)).toHaveLength(2);

    const listed = (await admin.request('GET', '/api/mail/mailboxes'))
      .json()
      .find((entry: { id: string }) => entry.id === world.mailbox.id);
    expect(listed.counts).toEqual({ ingested: 2, quarantined: 1, skipped: 1 });

    const skippedEvents = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.workspaceId, world.workspace.id), eq(auditEvents.action, 'mail.imap_message_skipped')));
    expect(skippedEvents).toHaveLength(1);
    expect(skippedEvents[0]?.data).toMatchObject({ uid: '2', reason: expect.stringContaining('larger than') });
  });

  it('once the fault is fixed, an admin reads the quarantined message again and it is ingested', async () => {
    poisonSubject = null;
    const poison = (await messages()).find((message) => message.subject === 'Poison');
    const admin = await t.signIn(world.admin.email);
    const retried = await admin.request('POST', `/api/mail/messages/${poison?.id}/retry`, {});
    expect(retried.json()).toMatchObject({ outcome: 'ingested', messageId: poison?.id });
    expect((await messages()).every((message) => message.status === 'ingested')).toBe(true);
  });

  it('when even quarantining fails, the message is recorded as skipped with both reasons, and the mailbox moves on', async () => {
    const other = await seedMailWorld(t);
    await t.deps.mail.imap.configureImap(other.workspace.id, other.mailbox.id, imapSettings(dovecot), null);
    const real = t.deps.mail.ingestion;
    const isPoison = (raw: Buffer) => raw.includes('Subject: Poison');
    // Another sync over the same database, whose storage fails for the poison message whatever Baton tries.
    const imap = createImapSync({
      db: t.db,
      dbKind: t.deps.database.kind,
      clock: t.clock,
      auditLog: t.deps.auditLog,
      mailRepository: t.deps.mail.mailRepository,
      imapRepository: t.deps.mail.imapRepository,
      secretKey: t.config.secretKey,
      pollSeconds: 60,
      ingestion: {
        ...real,
        storeBatch: async (batch, options) =>
          batch.items.some((item) => isPoison(item.input.raw))
            ? Promise.reject(new Error('storage broke'))
            : real.storeBatch(batch, options),
        ingestRawMessage: async (input) =>
          isPoison(input.raw) ? Promise.reject(new Error('storage broke')) : real.ingestRawMessage(input),
        quarantineUnreadable: async (input) =>
          isPoison(input.raw) ? Promise.reject(new Error('storage still broken')) : real.quarantineUnreadable(input),
      },
    });
    const syncOther = () => imap.syncImapMailbox(other.workspace.id, other.mailbox.id);
    expect((await syncOther()).error).toContain('attempt 1 of 3');
    expect((await syncOther()).error).toContain('attempt 2 of 3');
    expect(await syncOther()).toMatchObject({ status: 'synced', ingested: 1, skipped: 1 });
    expect((await imapAccountOf(t, other.mailbox.id))?.lastUid).toBe('4');
    const [problem] = (await t.deps.mail.imapRepository.settledFailures(other.workspace.id, other.mailbox.id)).filter(
      (entry) => entry.uid === '3',
    );
    expect(problem).toMatchObject({ outcome: 'skipped', messageId: null });
    expect(problem?.lastError).toBe(
      'ingestion failed 3 times: storage broke; it could not be quarantined either (storage still broken): left on the IMAP server',
    );
  });

  it('a member does not see the problems of someone else’s mailbox', async () => {
    const member = await t.signIn(world.delegate.email);
    const response = await member.request('GET', `/api/mail/mailboxes/${world.mailbox.id}/problems`);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('mail.mailbox_not_found');
  });
});
