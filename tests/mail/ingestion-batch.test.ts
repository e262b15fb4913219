import { count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRawMessage } from '../../src/domains/mail/ingestion.parse';
import { createParsePool } from '../../src/domains/mail/ingestion.parse-pool';
import { mailAttachments, mailMessages } from '../../src/domains/mail/mail.schema';
import { jobs } from '../../src/platform/jobs/jobs.schema';
import { createLogger } from '../../src/platform/logger/logger';
import { sha256Hex } from '../../src/platform/security/tokens';
import { createTestBaton, type TestBaton } from '../support/test-baton';
import { clientMail, ingestionWithFaults, type MailWorld, seedMailWorld } from './mail-fixtures';

/** A client message with a PDF attachment. */
function withAttachment(messageId: string, bytes: Buffer) {
  return Buffer.from(
    [
      'From: Mario Rossi <mario@acme.example>',
      'To: Anna <anna@agency.example>',
      'Subject: Offerta firmata',
      `Message-ID: ${messageId}`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Buongiorno Anna, in allegato trova l’offerta firmata per il nuovo sito.',
      '--b',
      'Content-Type: application/pdf; name="offerta.pdf"',
      'Content-Transfer-Encoding: base64',
      'Content-Disposition: attachment; filename="offerta.pdf"',
      '',
      bytes.toString('base64'),
      '--b--',
      '',
    ].join('\r\n'),
  );
}

describe('ingestion in batches (as one IMAP fetch brings them)', () => {
  let t: TestBaton;
  let world: MailWorld;

  beforeAll(async () => {
    t = await createTestBaton();
    world = await seedMailWorld(t);
  });
  afterAll(() => t.close());

  const inputsOf = (raws: Buffer[], firstUid = 1) =>
    raws.map((raw, index) => ({
      workspaceId: world.workspace.id,
      mailboxId: world.mailbox.id,
      raw,
      receivedAt: t.clock.now(),
      mailboxUid: { uidValidity: 7, uid: firstUid + index },
    }));
  const rowsOf = (ids: string[]) => t.db.select().from(mailMessages).where(inArray(mailMessages.id, ids));

  it('stores every message of a batch once, recognising a duplicate inside the batch, and threads a reply to an earlier message of the same batch', async () => {
    const pdf = Buffer.from('%PDF-1.4 signed offer', 'latin1');
    const batch = [
      clientMail({ messageId: '<batch-a@acme.example>' }),
      clientMail({ messageId: '<batch-b@acme.example>', extraHeaders: ['In-Reply-To: <batch-a@acme.example>'] }),
      clientMail({ messageId: '<batch-a@acme.example>' }),
      clientMail({ from: 'someone@elsewhere.example', messageId: '<batch-c@elsewhere.example>' }),
      withAttachment('<batch-d@acme.example>', pdf),
    ];
    const results = await t.deps.mail.ingestion.ingestRawMessages(inputsOf(batch, 100));
    expect(results.map((result) => result.outcome)).toEqual(['ingested', 'ingested', 'duplicate', 'ingested', 'ingested']);
    const [a, b, again, c, d] = results.map((result) => result.messageId);
    expect(again).toBe(a);
    const rows = new Map((await rowsOf([a, b, c, d] as string[])).map((row) => [row.id, row]));
    expect(rows.get(b as string)).toMatchObject({ threadId: a, clientId: world.acme.id, absenceId: world.absence.id });
    expect(rows.get(c as string)).toMatchObject({ clientId: null, threadId: c });
    const [attachment] = await t.db
      .select()
      .from(mailAttachments)
      .where(eq(mailAttachments.messageId, d as string));
    expect(attachment).toMatchObject({ filename: 'offerta.pdf', size: pdf.length, sha256: sha256Hex(pdf), skippedReason: null });
    const routed = await t.db
      .select({ n: count() })
      .from(jobs)
      .where(
        inArray(
          jobs.uniqueKey,
          [a, b, c, d].map((id) => `mail.route:${id}`),
        ),
      );
    expect(routed[0]?.n).toBe(4);
    // The same fetch read again (a crash before the checkpoint moved): all duplicates, nothing stored twice.
    const reread = await t.deps.mail.ingestion.ingestRawMessages(inputsOf(batch, 100));
    expect(reread.map((result) => result.outcome)).toEqual(Array(5).fill('duplicate'));
    expect(reread.map((result) => result.messageId)).toEqual([a, b, a, c, d]);
  });

  it('stores nothing of a batch when it fails part way, then all of it on the next try', async () => {
    const poisoned = '<batch-poison@acme.example>';
    const faulty = ingestionWithFaults(t, {
      afterMessageInsert: (message) => {
        if (message.messageIdHeader === poisoned) throw new Error('simulated crash');
      },
    });
    const batch = inputsOf([clientMail({ messageId: '<batch-ok@acme.example>' }), clientMail({ messageId: poisoned })], 200);
    const stored = async () => (await t.db.select({ n: count() }).from(mailMessages))[0]?.n ?? 0;
    const before = await stored();
    await expect(faulty.ingestRawMessages(batch)).rejects.toThrow('simulated crash');
    expect(await stored()).toBe(before);
    const results = await t.deps.mail.ingestion.ingestRawMessages(batch);
    expect(results.map((result) => result.outcome)).toEqual(['ingested', 'ingested']);
    expect(await stored()).toBe(before + 2);
  });

  it('keeps the audit chain intact across a batch of events', async () => {
    await t.deps.mail.ingestion.ingestRawMessages(inputsOf([clientMail(), clientMail(), clientMail()], 300));
    expect(await t.deps.audit.verifyWorkspace(world.workspace.id)).toMatchObject({ ok: true, firstBad: null });
  });

  it('refuses a batch mixing mailboxes, storing nothing', async () => {
    const [first] = inputsOf([clientMail()], 400);
    const other = { ...(first as NonNullable<typeof first>), mailboxId: world.workspace.id };
    await expect(t.deps.mail.ingestion.ingestRawMessages([first as NonNullable<typeof first>, other])).rejects.toThrow('one mailbox');
  });
});

describe('the parse pool (a worker thread)', () => {
  it('parses on the worker exactly as in place, and falls back in place once closed', async () => {
    const pool = createParsePool({ logger: createLogger('silent') });
    const pdf = Buffer.alloc(50_000, 37);
    const raws = [withAttachment('<pool-1@acme.example>', pdf), clientMail({ messageId: '<pool-2@acme.example>' })];
    try {
      const onWorker = await pool.parseAll(raws);
      const inPlace = await Promise.all(raws.map((raw) => parseRawMessage(raw)));
      expect(onWorker).toEqual(inPlace);
      expect(onWorker[0]?.attachments).toEqual([
        { filename: 'offerta.pdf', contentType: 'application/pdf', size: pdf.length, sha256: sha256Hex(pdf), skippedReason: null },
      ]);
    } finally {
      await pool.close();
    }
    expect((await pool.parseAll(raws)).map((parsed) => parsed.messageIdHeader)).toEqual(['<pool-1@acme.example>', '<pool-2@acme.example>']);
  });

  it('deals a batch out among several workers and hands the results back in the order given', async () => {
    const pool = createParsePool({ logger: createLogger('silent'), threads: 3 });
    const raws = Array.from({ length: 7 }, (_, k) =>
      k % 2
        ? withAttachment(`<deal-${k}@acme.example>`, Buffer.alloc(5_000 + k, k))
        : clientMail({ messageId: `<deal-${k}@acme.example>` }),
    );
    try {
      const parsed = await pool.parseAll(raws);
      expect(parsed.map((message) => message.messageIdHeader)).toEqual(raws.map((_, k) => `<deal-${k}@acme.example>`));
      expect(parsed).toEqual(await Promise.all(raws.map((raw) => parseRawMessage(raw))));
    } finally {
      await pool.close();
    }
  });
});
