import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outboxMessages } from '../../src/domains/outbox/outbox.schema';
import type { QueuedMail } from '../../src/domains/outbox/outbox.usecases';
import { retryDelayMs } from '../../src/platform/jobs/jobs';
import { jobs } from '../../src/platform/jobs/jobs.schema';
import { createTestBaton, type TestBaton } from '../support/test-baton';

const mail = (workspaceId: string, overrides: Partial<QueuedMail> = {}): QueuedMail => ({
  workspaceId,
  kind: 'test',
  to: 'client@example.test',
  subject: 'Your project update',
  text: 'Hello, Marta covers for Luca until Friday.',
  language: 'en',
  ...overrides,
});

async function queue(t: TestBaton, queued: QueuedMail): Promise<string> {
  return t.db.transaction((tx) => t.deps.outbox.queue(tx as unknown as TestBaton['db'], queued));
}

const outboxRow = async (t: TestBaton, id: string) => (await t.db.select().from(outboxMessages).where(eq(outboxMessages.id, id)))[0];

describe('the outbox with the internal driver', () => {
  let t: TestBaton;
  let workspaceId: string;
  let admin: Awaited<ReturnType<TestBaton['signIn']>>;
  let member: Awaited<ReturnType<TestBaton['signIn']>>;

  beforeAll(async () => {
    t = await createTestBaton();
    const { workspace, users } = await t.createWorkspaceWithUsers(['admin', 'member']);
    workspaceId = workspace.id;
    admin = await t.signIn(users[0]?.email ?? '');
    member = await t.signIn(users[1]?.email ?? '');
  });
  afterAll(() => t.close());

  it('stores a queued message once its delivery job ran, and shows it to an admin', async () => {
    const id = await queue(t, mail(workspaceId));
    expect(await outboxRow(t, id)).toMatchObject({ status: 'queued', transport: 'outbox', attempts: 0 });

    await t.runJobs();

    const response = await admin.request('GET', '/api/outbox');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toContainEqual(
      expect.objectContaining({
        id,
        status: 'stored',
        to: 'client@example.test',
        subject: 'Your project update',
        text: 'Hello, Marta covers for Luca until Friday.',
        attempts: 1,
        lastError: null,
        sentAt: t.clock.now().toISOString(),
        messageId: expect.stringMatching(/^<[^@>]+@[^>]+>$/),
      }),
    );
    expect((await admin.request('GET', `/api/outbox/${id}`)).json()).toMatchObject({ id, status: 'stored' });
  });

  it('refuses the outbox to a member', async () => {
    expect((await member.request('GET', '/api/outbox')).statusCode).toBe(403);
  });

  it('queues nothing when the transaction around the message rolls back', async () => {
    const before = (await t.db.select().from(jobs)).length;
    await expect(
      t.db.transaction(async (tx) => {
        await t.deps.outbox.queue(tx as unknown as TestBaton['db'], mail(workspaceId, { subject: 'Rolled back' }));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await t.db.select().from(outboxMessages).where(eq(outboxMessages.subject, 'Rolled back'))).toEqual([]);
    expect(await t.db.select().from(jobs)).toHaveLength(before);
  });
});

type Received = { from: string; to: string[]; raw: string };

/** A real SMTP server on a local port (a free one by default); `reject` makes it refuse recipients with 550. */
async function startSmtpServer(port = 0) {
  const received: Received[] = [];
  const state = { reject: false };
  const server = new SMTPServer({
    authOptional: true,
    hideSTARTTLS: true,
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (state.reject) {
        const error = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const header = (raw: string, name: string) =>
  raw
    .split(/\r\n\r\n/)[0]
    ?.replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n')
    .find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
    ?.slice(name.length + 1)
    .trim();

describe('the outbox with an SMTP server', () => {
  let t: TestBaton;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let workspaceId: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestBaton({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
    workspaceId = (await t.createWorkspaceWithUsers(['admin'])).workspace.id;
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });
  beforeEach(() => {
    smtp.received.length = 0;
    smtp.state.reject = false;
  });

  /** Runs due jobs, then moves the clock past any backoff so the next call finds retries due. */
  async function runJobsAndWait() {
    await t.runJobs();
    t.clock.advance(3_600_000);
  }

  it('sends a queued message once, with the subject, text and Message-ID of its outbox row', async () => {
    const id = await queue(t, mail(workspaceId, { subject: 'Coverage while Luca is away' }));
    await runJobsAndWait();
    await runJobsAndWait();

    const row = await outboxRow(t, id);
    expect(row).toMatchObject({ status: 'sent', transport: 'smtp', attempts: 1, lastError: null, sentAt: expect.any(Date) });
    expect(smtp.received).toHaveLength(1);
    const [message] = smtp.received;
    expect(message?.to).toEqual(['client@example.test']);
    expect(header(message?.raw ?? '', 'Subject')).toBe('Coverage while Luca is away');
    expect(header(message?.raw ?? '', 'Message-ID')).toBe(row?.messageId);
    expect(message?.raw).toContain('Hello, Marta covers for Luca until Friday.');
  });

  it('puts a rejected message back in the queue with the error and sends it on a later attempt', async () => {
    smtp.state.reject = true;
    const id = await queue(t, mail(workspaceId, { subject: 'Retry me' }));

    await t.runJobs();
    let row = await outboxRow(t, id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1, lastError: expect.stringMatching(/550/) });
    const [job] = await t.db.select().from(jobs).where(sql`${jobs.payload}->>'outboxId' = ${id}`);
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    expect(job?.runAt).toEqual(new Date(t.clock.now().getTime() + retryDelayMs(1)));

    // Nothing happens before the backoff ends, even if the server would accept now.
    smtp.state.reject = false;
    t.clock.advance(retryDelayMs(1) - 1);
    expect(await t.runJobs()).toBe(0);
    t.clock.advance(1);
    await t.runJobs();

    row = await outboxRow(t, id);
    expect(row).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(smtp.received).toHaveLength(1);
    expect(header(smtp.received[0]?.raw ?? '', 'Subject')).toBe('Retry me');
  });

  it('retries while the server is down and marks the message failed after the last attempt', async () => {
    await smtp.close();
    try {
      const id = await queue(t, mail(workspaceId, { subject: 'Nobody listens' }));
      await t.runJobs();
      expect(await outboxRow(t, id)).toMatchObject({ status: 'queued', attempts: 1, lastError: expect.stringMatching(/ECONNREFUSED/) });

      for (let attempt = 2; attempt <= 8; attempt++) {
        t.clock.advance(retryDelayMs(attempt - 1));
        expect(await t.runJobs()).toBe(1);
      }

      expect(await outboxRow(t, id)).toMatchObject({ status: 'failed', attempts: 8, lastError: expect.stringMatching(/ECONNREFUSED/) });
      const [job] = await t.db.select().from(jobs).where(sql`${jobs.payload}->>'outboxId' = ${id}`);
      expect(job).toMatchObject({ status: 'failed', attempts: 8 });
    } finally {
      // Back up on the port the baton was configured with, for the tests that follow.
      smtp = await startSmtpServer(smtp.port);
    }
    await runJobsAndWait();
    expect(smtp.received).toEqual([]);
  });

  it('marks a message left in sending by a crashed worker uncertain and never sends it again', async () => {
    const id = await queue(t, mail(workspaceId, { subject: 'Maybe sent' }));
    // The worker set the row to `sending`, handed it to SMTP and died before recording the outcome.
    await t.db.update(outboxMessages).set({ status: 'sending', attempts: 1 }).where(eq(outboxMessages.id, id));
    await t.db
      .update(jobs)
      .set({ status: 'running', attempts: 1, lockedBy: 'dead-worker', lockedUntil: t.clock.now() })
      .where(sql`${jobs.payload}->>'outboxId' = ${id}`);
    t.clock.advance(1);

    await runJobsAndWait();
    await runJobsAndWait();

    expect(await outboxRow(t, id)).toMatchObject({ status: 'uncertain', attempts: 1, lastError: expect.stringMatching(/not sent again/) });
    expect(smtp.received).toEqual([]);
  });

  it('settles the message when its delivery job is given up after every worker died', async () => {
    const queuedId = await queue(t, mail(workspaceId, { subject: 'Never picked up' }));
    const sendingId = await queue(t, mail(workspaceId, { subject: 'Died mid-send' }));
    await t.db.update(outboxMessages).set({ status: 'sending' }).where(eq(outboxMessages.id, sendingId));
    await t.db
      .update(jobs)
      .set({ status: 'running', attempts: 8, lockedBy: 'dead-worker', lockedUntil: t.clock.now() })
      .where(sql`${jobs.payload}->>'outboxId' in (${queuedId}, ${sendingId})`);
    t.clock.advance(1);

    await runJobsAndWait();

    expect(await outboxRow(t, queuedId)).toMatchObject({ status: 'failed', lastError: 'delivery workers kept stopping' });
    expect(await outboxRow(t, sendingId)).toMatchObject({ status: 'uncertain' });
    expect(smtp.received).toEqual([]);
  });
});
