import { readFileSync } from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailMessages } from '../../src/domains/mail/mail.schema';
import { createSmtpIntake } from '../../src/domains/mail/smtp-intake';
import { createLogger } from '../../src/platform/logger/logger';
import { createTestBaton, type TestBaton } from '../support/test-baton';
import { clientMail, type MailWorld, mimeCorpusDir, seedMailWorld } from './mail-fixtures';

const MAX_BYTES = 256 * 1024;

/** A few corpus messages of various shapes (plain, multipart, broken headers, odd encodings); all below MAX_BYTES. */
const CORPUS_SAMPLE = [
  'cpython__data__msg_01.eml',
  'rubymail__rfc2822__example13.eml',
  'mime4j__testmsgs__multipartnopart.eml',
  'rubymail__error_emails__multiple_invalid_content_dispositions.eml',
  'mime4j__testmsgs__basic-plain-with-bad-header-separator.eml',
  'mimekit__messages__empty-multipart.eml',
  'rubymail__plain_emails__raw_email_double_at_in_header.eml',
  'mailparser__fixtures__base64encodedroot.eml',
  'rubymail__error_emails__bad_encoded_subject.eml',
  'mime4j__testmsgs__malformedHeader-nocrlfcrlf.eml',
  'cpython__data__msg_11.eml',
  'cpython__data__msg_18.eml', // quarantined: no sender and no content
];

type SmtpError = Error & { responseCode?: number; response?: string };

describe('the SMTP inbound endpoint', () => {
  let t: TestBaton;
  let world: MailWorld;
  let port: number;
  let transport: Transporter;

  beforeAll(async () => {
    t = await createTestBaton({ SMTP_INBOUND_PORT: '0', SMTP_INBOUND_MAX_BYTES: String(MAX_BYTES) });
    world = await seedMailWorld(t);
    const intake = t.baton.smtpIntake;
    if (!intake) throw new Error('SMTP intake not configured');
    ({ port } = await intake.listen());
    transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  });
  afterAll(async () => {
    transport.close();
    await t.close();
  });

  const send = (raw: Buffer, envelope: { from: string; to: string[] } = { from: 'mario@acme.example', to: ['anna@agency.example'] }) =>
    transport.sendMail({ raw, envelope });
  const messageCount = async (workspaceId = world.workspace.id) =>
    (await t.db.select({ n: count() }).from(mailMessages).where(eq(mailMessages.workspaceId, workspaceId)))[0]?.n ?? 0;
  const messagesOf = (workspaceId = world.workspace.id) =>
    t.db.select().from(mailMessages).where(eq(mailMessages.workspaceId, workspaceId));
  const byMessageId = async (messageIdHeader: string) => (await messagesOf()).filter((row) => row.messageIdHeader === messageIdHeader);

  it('greets as Baton, advertises the size limit and offers neither STARTTLS nor AUTH', async () => {
    const { createConnection } = await import('node:net');
    const lines = await new Promise<string>((resolve, reject) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString();
        if (text.includes('250 ') && text.includes('EHLO') === false && /\r\n250 [^\r]*\r\n$/.test(text)) {
          socket.end('QUIT\r\n');
          resolve(text);
        } else if (/^220 /m.test(text) && !text.includes('250')) socket.write('EHLO client.test\r\n');
      });
      socket.on('error', reject);
    });
    expect(lines).toMatch(/^220 .*Baton/);
    expect(lines).toContain(`SIZE ${MAX_BYTES}`);
    expect(lines).not.toContain('STARTTLS');
    expect(lines).not.toContain('AUTH');
  });

  it('ingests a client message and matches the client; replies 250 once stored', async () => {
    const raw = clientMail({ messageId: '<smtp-1@acme.example>' });
    const info = await send(raw);
    expect(info.response).toMatch(/^250 2\.6\.0/);
    const [row] = await byMessageId('<smtp-1@acme.example>');
    expect(row?.status).toBe('ingested');
    expect(row?.clientId).toBe(world.acme.id);
    expect(row?.contactId).toBe(world.mario.id);
    expect(row?.envelopeFrom).toBe('mario@acme.example');
    expect(row?.absenceId).toBe(world.absence.id);
  });

  it('stores a message sent twice once (de-duplicated by Message-ID)', async () => {
    const raw = clientMail({ messageId: '<smtp-twice@acme.example>' });
    await send(raw);
    await send(raw);
    expect(await byMessageId('<smtp-twice@acme.example>')).toHaveLength(1);
  });

  it('refuses an unknown recipient with 550 5.1.1 and stores nothing', async () => {
    const before = await messageCount();
    const error = (await send(clientMail({ messageId: '<smtp-unknown@acme.example>' }), {
      from: 'mario@acme.example',
      to: ['nobody@agency.example'],
    }).catch((caught: unknown) => caught)) as SmtpError;
    expect(error).toBeInstanceOf(Error);
    expect(error.responseCode).toBe(550);
    expect(error.response).toMatch(/^550 5\.1\.1 no such mailbox here/);
    expect(await messageCount()).toBe(before);
  });

  it('delivers to the known recipients of a message that also names an unknown one', async () => {
    const info = await send(clientMail({ messageId: '<smtp-mixed@acme.example>' }), {
      from: 'mario@acme.example',
      to: ['nobody@agency.example', 'anna@agency.example'],
    });
    expect(info.rejected).toEqual(['nobody@agency.example']);
    expect(await byMessageId('<smtp-mixed@acme.example>')).toHaveLength(1);
  });

  it('refuses a message over the size limit with 552 5.3.4 and stores nothing', async () => {
    const before = await messageCount();
    const body = 'x'
      .repeat(76)
      .concat('\r\n')
      .repeat(Math.ceil((MAX_BYTES + 10_000) / 78));
    const error = (await send(clientMail({ messageId: '<smtp-big@acme.example>', body })).catch((caught: unknown) => caught)) as SmtpError;
    expect(error).toBeInstanceOf(Error);
    expect(error.responseCode).toBe(552);
    expect(error.response).toMatch(/^552 5\.3\.4/);
    expect(await messageCount()).toBe(before);
  });

  it('also refuses an oversized message when the client does not announce its size', async () => {
    const before = await messageCount();
    const body = 'y'
      .repeat(76)
      .concat('\r\n')
      .repeat(Math.ceil((MAX_BYTES + 10_000) / 78));
    const { Readable } = await import('node:stream');
    const raw = Readable.from([clientMail({ messageId: '<smtp-big-stream@acme.example>', body })]);
    const error = (await transport
      .sendMail({ raw, envelope: { from: 'mario@acme.example', to: ['anna@agency.example'] } })
      .catch((caught: unknown) => caught)) as SmtpError;
    expect(error).toBeInstanceOf(Error);
    expect(error.responseCode).toBe(552);
    expect(await messageCount()).toBe(before);
  });

  it('accepts the null envelope sender <> and records it', async () => {
    const raw = clientMail({ from: 'MAILER-DAEMON <mailer-daemon@acme.example>', messageId: '<smtp-bounce@acme.example>' });
    await send(raw, { from: '', to: ['anna@agency.example'] });
    const [row] = await byMessageId('<smtp-bounce@acme.example>');
    expect(row?.envelopeFrom).toBe('');
  });

  it('delivers a message to a mailbox alias into the mailbox, once even when both addresses are recipients', async () => {
    await send(clientMail({ to: 'a.rossi@agency.example', messageId: '<smtp-alias@acme.example>' }), {
      from: 'mario@acme.example',
      to: ['a.rossi@agency.example'],
    });
    const [row] = await byMessageId('<smtp-alias@acme.example>');
    expect(row?.mailboxId).toBe(world.mailbox.id);

    await send(clientMail({ messageId: '<smtp-both@acme.example>' }), {
      from: 'mario@acme.example',
      to: ['A.Rossi@agency.example', 'anna@agency.example'],
    });
    expect(await byMessageId('<smtp-both@acme.example>')).toHaveLength(1);
  });

  it('gives corpus messages the same outcome as the raw upload path', async () => {
    const reference = await createTestBaton();
    try {
      const referenceWorld = await seedMailWorld(reference);
      const outcomes = new Set<string>();
      for (const file of CORPUS_SAMPLE) {
        const raw = readFileSync(path.join(mimeCorpusDir, file));
        const expected = await reference.deps.mail.ingestion.ingestRawMessage({
          workspaceId: referenceWorld.workspace.id,
          mailboxId: referenceWorld.mailbox.id,
          raw,
          receivedAt: reference.clock.now(),
        });
        const seen = new Set((await messagesOf()).map((row) => row.id));
        await send(raw, { from: 'sender@corpus.example', to: ['anna@agency.example'] });
        const added = (await messagesOf()).filter((row) => !seen.has(row.id));
        expect(added, file).toHaveLength(1);
        expect(added[0]?.status, file).toBe(expected.outcome);
        outcomes.add(expected.outcome);
        expect(added[0]?.envelopeFrom, file).toBe('sender@corpus.example');
      }
      expect([...outcomes].sort()).toEqual(['ingested', 'quarantined']);
    } finally {
      await reference.close();
    }
  }, 60_000);

  it('delivers to every workspace whose mailbox has the recipient address', async () => {
    const other = await seedMailWorld(t);
    await send(clientMail({ messageId: '<smtp-two-workspaces@acme.example>' }));
    for (const workspaceId of [world.workspace.id, other.workspace.id]) {
      const rows = (await messagesOf(workspaceId)).filter((row) => row.messageIdHeader === '<smtp-two-workspaces@acme.example>');
      expect(rows, workspaceId).toHaveLength(1);
    }
  });
});

describe('the SMTP inbound endpoint when ingestion fails', () => {
  it('answers 451 4.3.0 (the sender retries later) and never 250', async () => {
    const intake = createSmtpIntake(
      {
        mailRepository: { mailboxesByAddress: async () => [{ id: 'm1', workspaceId: 'w1' } as never] },
        ingestion: {
          ingestRawMessage: async () => {
            throw new Error('database went away');
          },
        },
        clock: { now: () => new Date('2026-03-02T09:00:00Z') } as never,
        logger: createLogger('silent'),
      },
      { host: '127.0.0.1', port: 0, maxBytes: MAX_BYTES },
    );
    const { port } = await intake.listen();
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    try {
      const error = (await transport
        .sendMail({ raw: clientMail(), envelope: { from: 'mario@acme.example', to: ['anna@agency.example'] } })
        .catch((caught: unknown) => caught)) as SmtpError;
      expect(error).toBeInstanceOf(Error);
      expect(error.responseCode).toBe(451);
      expect(error.response).toMatch(/^451 4\.3\.0/);
    } finally {
      transport.close();
      await intake.close();
    }
  });
});
