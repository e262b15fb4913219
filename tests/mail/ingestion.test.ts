import { and, count, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { absences } from '../../src/domains/absences/absences.schema';
import { autoReplies, mailMessages, mailRaw } from '../../src/domains/mail/mail.schema';
import { outboxMessages } from '../../src/domains/outbox/outbox.schema';
import { jobs } from '../../src/platform/jobs/jobs.schema';
import { createTestBaton, type TestBaton } from '../support/test-baton';
import { clientMail, ingestionWithFaults, type MailWorld, seedMailWorld } from './mail-fixtures';

describe('the ingestion pipeline', () => {
  let t: TestBaton;
  let world: MailWorld;

  beforeAll(async () => {
    t = await createTestBaton();
    world = await seedMailWorld(t);
  });
  afterAll(() => t.close());

  const ingest = (raw: Buffer, extra: { mailboxUid?: { uidValidity: number; uid: number }; envelopeFrom?: string } = {}) =>
    t.deps.mail.ingestion.ingestRawMessage({
      workspaceId: world.workspace.id,
      mailboxId: world.mailbox.id,
      raw,
      receivedAt: t.clock.now(),
      ...extra,
    });
  const messageRow = async (id: string) => (await t.db.select().from(mailMessages).where(eq(mailMessages.id, id)))[0];

  it('matches a known contact by exact address, a colleague of the client by domain (subdomains too), anyone else as unknown', async () => {
    const contact = await ingest(clientMail({ from: 'MARIO@Acme.Example' }));
    const domain = await ingest(clientMail({ from: 'Giulia <giulia@sales.acme.example>' }));
    const unknown = await ingest(clientMail({ from: 'someone@elsewhere.example' }));
    expect(await messageRow(contact.messageId)).toMatchObject({ clientId: world.acme.id, contactId: world.mario.id, matchedBy: 'contact' });
    expect(await messageRow(domain.messageId)).toMatchObject({ clientId: world.acme.id, contactId: null, matchedBy: 'domain' });
    expect(await messageRow(unknown.messageId)).toMatchObject({ clientId: null, matchedBy: null });
  });

  it('links the message to the owner’s absence in force when it arrived', async () => {
    const result = await ingest(clientMail());
    expect((await messageRow(result.messageId))?.absenceId).toBe(world.absence.id);
  });

  it('threads a reply with the message it answers (In-Reply-To, or References)', async () => {
    const first = await ingest(clientMail({ messageId: '<thread-1@acme.example>' }));
    const reply = await ingest(
      clientMail({ messageId: '<thread-2@acme.example>', extraHeaders: ['In-Reply-To: <thread-1@acme.example>'] }),
    );
    const later = await ingest(
      clientMail({ messageId: '<thread-3@acme.example>', extraHeaders: ['References: <thread-1@acme.example> <unknown@x.example>'] }),
    );
    const other = await ingest(clientMail());
    const threadOf = async (id: string) => (await messageRow(id))?.threadId;
    expect(await threadOf(first.messageId)).toBe(first.messageId);
    expect(await threadOf(reply.messageId)).toBe(first.messageId);
    expect(await threadOf(later.messageId)).toBe(first.messageId);
    expect(await threadOf(other.messageId)).toBe(other.messageId);
  });

  it('de-duplicates by Message-ID within a mailbox, by mailbox UID, and by raw hash when there is no Message-ID', async () => {
    const raw = clientMail({ messageId: '<dedupe-1@acme.example>' });
    const first = await ingest(raw, { mailboxUid: { uidValidity: 7, uid: 1 } });
    expect(first.outcome).toBe('ingested');
    // Same Message-ID, other bytes, other UID: still the same message.
    expect(
      await ingest(clientMail({ messageId: '<dedupe-1@acme.example>', subject: 'changed' }), { mailboxUid: { uidValidity: 7, uid: 2 } }),
    ).toEqual({
      outcome: 'duplicate',
      messageId: first.messageId,
    });
    // Same UID, whatever the content: the mailbox already gave us this one.
    expect(await ingest(clientMail(), { mailboxUid: { uidValidity: 7, uid: 1 } })).toMatchObject({
      outcome: 'duplicate',
      messageId: first.messageId,
    });
    // The same UID under a new UIDVALIDITY is another message.
    expect((await ingest(clientMail(), { mailboxUid: { uidValidity: 8, uid: 1 } })).outcome).toBe('ingested');

    const withoutId = clientMail({ messageId: null, body: 'No Message-ID here, but a real question about the invoice please.' });
    const a = await ingest(withoutId);
    expect(a.outcome).toBe('ingested');
    expect(await ingest(withoutId)).toEqual({ outcome: 'duplicate', messageId: a.messageId });
    expect((await ingest(clientMail({ messageId: null, body: 'A different message without an identifier at all.' }))).outcome).toBe(
      'ingested',
    );
  });

  it('quarantines what cannot be read, with a reason, and an admin can retry it', async () => {
    const garbage = Buffer.from('\r\n\r\njust a body without any header\r\n');
    const result = await ingest(garbage);
    expect(result).toMatchObject({ outcome: 'quarantined', reason: 'no header fields could be read' });
    const admin = await t.signIn(world.admin.email);
    const listed = (await admin.request('GET', '/api/mail/messages?filter=quarantined')).json();
    expect(listed.map((row: { id: string }) => row.id)).toContain(result.messageId);
    const retried = await admin.request('POST', `/api/mail/messages/${result.messageId}/retry`, {});
    expect(retried.json()).toMatchObject({ outcome: 'quarantined', reason: 'no header fields could be read' });
    expect((await ingest(garbage)).outcome).toBe('duplicate');
  });

  it('leaves nothing behind when the transaction dies after the message insert, and ingests the message once on retry', async () => {
    const faulty = ingestionWithFaults(t, {
      afterMessageInsert: () => {
        throw new Error('simulated crash');
      },
    });
    const raw = clientMail({ messageId: '<crash-1@acme.example>' });
    const input = { workspaceId: world.workspace.id, mailboxId: world.mailbox.id, raw, receivedAt: t.clock.now() };
    const tally = async () => ({
      messages: (await t.db.select({ n: count() }).from(mailMessages))[0]?.n,
      raw: (await t.db.select({ n: count() }).from(mailRaw))[0]?.n,
      jobs: (await t.db.select({ n: count() }).from(jobs))[0]?.n,
    });
    const before = await tally();
    await expect(faulty.ingestRawMessage(input)).rejects.toThrow('simulated crash');
    expect(await tally()).toEqual(before);
    const retried = await t.deps.mail.ingestion.ingestRawMessage(input);
    expect(retried.outcome).toBe('ingested');
    expect((await t.deps.mail.ingestion.ingestRawMessage(input)).outcome).toBe('duplicate');
    const after = await tally();
    expect(after.messages).toBe((before.messages ?? 0) + 1);
  });
});

describe('auto-replies to ingested messages', () => {
  let t: TestBaton;
  let world: MailWorld;

  beforeAll(async () => {
    t = await createTestBaton();
    world = await seedMailWorld(t);
  });
  afterAll(() => t.close());

  const ingest = (raw: Buffer) =>
    t.deps.mail.ingestion.ingestRawMessage({
      workspaceId: world.workspace.id,
      mailboxId: world.mailbox.id,
      raw,
      receivedAt: t.clock.now(),
    });
  const repliesTo = (address: string) =>
    t.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.kind, 'mail.auto_reply'), like(outboxMessages.toAddress, `%${address}%`)));
  const decisionOf = async (id: string) => {
    const [row] = await t.db
      .select({ decision: mailMessages.autoReplyDecision, reason: mailMessages.autoReplyReason })
      .from(mailMessages)
      .where(eq(mailMessages.id, id));
    return row;
  };

  it('answers a client during an active absence once, in the client’s language, threaded, with the RFC 3834 headers and the null sender', async () => {
    const first = await ingest(clientMail({ messageId: '<ask-1@acme.example>' }));
    await t.runJobs();
    expect(await decisionOf(first.messageId)).toEqual({ decision: 'reply', reason: 'personal-message' });
    const outbox = await t.db.select().from(outboxMessages).where(eq(outboxMessages.kind, 'mail.auto_reply'));
    expect(outbox).toHaveLength(1);
    const [reply] = outbox;
    expect(reply).toMatchObject({
      toAddress: '"Mario Bianchi" <mario@acme.example>',
      fromAddress: expect.stringContaining('anna@agency.example'),
      subject: 'Auto: Preventivo per il sito',
      envelopeFrom: '',
      language: 'it',
    });
    expect(reply?.headers).toMatchObject({
      'In-Reply-To': '<ask-1@acme.example>',
      'Auto-Submitted': 'auto-replied',
      Precedence: 'bulk',
      'X-Auto-Response-Suppress': 'All',
    });
    expect(reply?.textBody).toContain('Sono assente fino a lunedì 16 marzo 2026');
    expect(reply?.textBody).toContain('Luca Verdi');

    // A second message from the same sender within 7 days: no second reply.
    const second = await ingest(clientMail({ messageId: '<ask-2@acme.example>' }));
    await t.runJobs();
    expect(await decisionOf(second.messageId)).toEqual({ decision: 'no-reply', reason: 'already-replied' });
    expect(await repliesTo('"Mario Bianchi" <mario@acme.example>')).toHaveLength(1);
  });

  it('does not answer a mailing list, and says why', async () => {
    const list = await ingest(clientMail({ from: 'news@globex.example', extraHeaders: ['List-Id: <news.globex.example>'] }));
    await t.runJobs();
    expect(await decisionOf(list.messageId)).toEqual({ decision: 'no-reply', reason: 'list-header' });
    expect(await repliesTo('news@globex.example')).toHaveLength(0);
  });

  it('answers an English client in English', async () => {
    await ingest(
      clientMail({
        from: 'ceo@globex.example',
        subject: 'Invoice',
        body: 'Hello Anna, could you please send me the invoice for last month? Thanks.',
      }),
    );
    await t.runJobs();
    const [reply] = await repliesTo('ceo@globex.example');
    expect(reply?.language).toBe('en');
    expect(reply?.textBody).toContain('I am away until Monday, 16 March 2026');
  });

  it('never queues two replies when the step runs twice', async () => {
    const result = await ingest(clientMail({ from: 'twice@acme.example' }));
    await t.deps.mail.autoReplies.autoReplyTo(world.workspace.id, result.messageId);
    await t.deps.mail.autoReplies.autoReplyTo(world.workspace.id, result.messageId);
    await t.db.update(mailMessages).set({ autoReplyDecision: null }).where(eq(mailMessages.id, result.messageId));
    // Even with its decision lost, the message's sender is already marked: no second reply.
    await t.deps.mail.autoReplies.autoReplyTo(world.workspace.id, result.messageId);
    await t.runJobs();
    expect(await repliesTo('twice@acme.example')).toHaveLength(1);
    expect(await t.db.select().from(autoReplies).where(eq(autoReplies.messageId, result.messageId))).toHaveLength(1);
  });

  it('does not answer outside an active absence', async () => {
    t.clock.set('2026-03-20T09:00:00Z');
    const late = await ingest(clientMail({ from: 'late@acme.example' }));
    await t.runJobs();
    expect(await decisionOf(late.messageId)).toEqual({ decision: 'no-reply', reason: 'no-absence' });
  });
});

describe('the auto-reply names who covers at that moment', () => {
  let t: TestBaton;
  let world: MailWorld;

  beforeAll(async () => {
    t = await createTestBaton();
    world = await seedMailWorld(t);
    // The primary delegate is away too: with no backup on the absence, the manager covers.
    await t.db.insert(absences).values({
      workspaceId: world.workspace.id,
      ownerId: world.delegate.id,
      startsAt: new Date('2026-03-01T00:00:00+01:00'),
      endsAt: new Date('2026-03-10T00:00:00+01:00'),
      primaryDelegateId: world.manager.id,
      managerId: world.manager.id,
      state: 'active',
      autoReply: { en: { subject: 'Away', body: 'Away' }, it: { subject: 'Assente', body: 'Assente' } },
    });
  });
  afterAll(() => t.close());

  it('sends clients to the manager while the primary delegate is away and there is no backup', async () => {
    await t.deps.mail.ingestion.ingestRawMessage({
      workspaceId: world.workspace.id,
      mailboxId: world.mailbox.id,
      raw: clientMail({ messageId: '<cover-1@acme.example>' }),
      receivedAt: t.clock.now(),
    });
    await t.runJobs();
    const [reply] = await t.db.select().from(outboxMessages).where(eq(outboxMessages.kind, 'mail.auto_reply'));
    expect(reply?.textBody).toContain(world.manager.name);
    expect(reply?.textBody).not.toContain('Luca Verdi');
  });
});
