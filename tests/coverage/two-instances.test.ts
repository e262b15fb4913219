import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/domains/audit/audit.schema';
import { coverageContacts, coverageMessages, escalations } from '../../src/domains/coverage/coverage.schema';
import { mailMessages } from '../../src/domains/mail/mail.schema';
import { notifications } from '../../src/domains/notifications/notifications.schema';
import { outboxMessages } from '../../src/domains/outbox/outbox.schema';
import { type Baton, createBaton } from '../../src/main';
import { type Database, openDatabase } from '../../src/platform/db/database';
import { jobs } from '../../src/platform/jobs/jobs.schema';
import { createLogger } from '../../src/platform/logger/logger';
import { createTestBaton, type TestBaton } from '../support/test-baton';
import { testBackend } from '../support/test-database';
import { type CoverageFixture, coverageFixture, MONDAY_9 } from './setup';

// Two Batons on one database, each ingesting mail and running its job runner while the other does: every
// message becomes work exactly once, every notice and timer fires once. PGlite is one process by design, so
// this exists only on PostgreSQL.
describe.skipIf(testBackend !== 'postgresql')('two Baton instances on one PostgreSQL database', () => {
  let t: TestBaton;
  let f: CoverageFixture;
  let poolB: Database;
  let b: Baton;
  beforeAll(async () => {
    t = await createTestBaton();
    f = await coverageFixture(t);
    if (!t.databaseUrl) throw new Error('the PostgreSQL test database has no URL');
    poolB = await openDatabase({ kind: 'postgresql', url: t.databaseUrl, poolSize: 5 });
    b = await createBaton({
      config: t.config,
      logger: createLogger('silent'),
      clock: t.clock,
      database: poolB,
      webDir: null,
      startJobs: false,
    });
  });
  afterAll(async () => {
    await b?.close();
    await poolB?.close();
    await t?.close();
  });

  type Lane = 'A' | 'B';
  type Planned = { lane: Lane; from: string; subject: string; messageId: string; inReplyTo?: string; root: string };
  const ingested: { mailMessageId: string; root: string }[] = [];
  const ran = { A: 0, B: 0 };

  const raw = (message: Planned) =>
    Buffer.from(
      [
        `From: ${message.from}`,
        `To: Anna <${f.mailbox.address}>`,
        `Subject: ${message.subject}`,
        `Date: ${t.clock.now().toUTCString()}`,
        `Message-ID: ${message.messageId}`,
        ...(message.inReplyTo ? [`In-Reply-To: ${message.inReplyTo}`, `References: ${message.inReplyTo}`] : []),
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        '',
        `Hello, a question about ${message.subject.toLowerCase()}: could you let me know this week? Thank you.`,
        '',
      ].join('\r\n'),
    );

  const instance = (lane: Lane) => (lane === 'A' ? t.baton : b);

  /** Both job runners, at once, until neither finds anything due. */
  async function runBoth() {
    for (;;) {
      const [a, bb] = await Promise.all([t.baton.jobRunner.runDue(), b.jobRunner.runDue()]);
      ran.A += a;
      ran.B += bb;
      if (a + bb === 0) return;
    }
  }

  /** Each lane ingests its messages one after another through its instance while both runners keep running. */
  async function runRound(planned: Planned[]) {
    let ingesting = true;
    const lane = async (which: Lane) => {
      for (const message of planned.filter((entry) => entry.lane === which)) {
        const outcome = await instance(which).deps.mail.ingestion.ingestRawMessage({
          workspaceId: f.workspace.id,
          mailboxId: f.mailbox.id,
          raw: raw(message),
          receivedAt: t.clock.now(),
        });
        expect(outcome.outcome).toBe('ingested');
        ingested.push({ mailMessageId: outcome.messageId, root: message.root });
      }
    };
    const pump = async (which: Lane) => {
      while (ingesting) {
        // A pause between polls lets several messages queue up, so both runners claim batches that overlap.
        await new Promise((resolve) => setTimeout(resolve, 25));
        ran[which] += await instance(which).jobRunner.runDue();
      }
    };
    const pumps = [pump('A'), pump('B')];
    await Promise.all([lane('A'), lane('B')]);
    ingesting = false;
    await Promise.all(pumps);
    await runBoth();
  }

  /**
   * 50 messages in 5 rounds of 10: new threads from a key account's two senders, a standard client's two senders and
   * unknown senders (the same client several times in one round, so repeat contacts race), replies to the previous
   * round's threads through both instances at once, and a new thread answered by its own sender straight away.
   */
  function plan(round: number, previous: { key: string[]; standard: string[]; unknown: { from: string; id: string }[] }) {
    let n = 0;
    const id = () => `<r${round}m${++n}@two-instances.example>`;
    const thread = (lane: Lane, from: string, subject: string): Planned => {
      const messageId = id();
      return { lane, from, subject: `${subject} ${round}.${n}`, messageId, root: messageId };
    };
    const reply = (lane: Lane, from: string, parent: string, root: string): Planned => ({
      lane,
      from,
      subject: `Re: follow-up ${round}`,
      messageId: id(),
      inReplyTo: parent,
      root,
    });
    const unknown = (k: number) => `Someone ${round}.${k} <someone${round}${k}@elsewhere${round}${k}.example>`;
    if (round === 0) {
      return [
        thread('A', 'giulia@orsini.example', 'Go-live approval'),
        thread('B', 'Paolo Orsini <paolo@orsini.example>', 'Invoice'),
        thread('A', 'luca@vinilucchesi.example', 'Labels'),
        thread('B', 'marta@vinilucchesi.example', 'Wine list'),
        thread('A', unknown(0), 'Partnership'),
        thread('B', 'giulia@orsini.example', 'Meeting notes'),
        thread('B', 'luca@vinilucchesi.example', 'Shipping'),
        thread('B', unknown(1), 'Quote'),
        thread('A', 'Paolo Orsini <paolo@orsini.example>', 'Budget'),
        thread('A', 'marta@vinilucchesi.example', 'Tasting'),
      ];
    }
    const [key] = previous.key;
    const [standard] = previous.standard;
    const [stranger] = previous.unknown;
    if (!key || !standard || !stranger) throw new Error('the previous round left no threads');
    const opened = thread('A', 'giulia@orsini.example', 'Contract');
    return [
      reply('A', 'giulia@orsini.example', key, key),
      reply('B', 'Paolo Orsini <paolo@orsini.example>', key, key),
      reply('A', 'luca@vinilucchesi.example', standard, standard),
      reply('B', stranger.from, stranger.id, stranger.id),
      opened,
      reply('A', 'giulia@orsini.example', opened.messageId, opened.messageId),
      thread('B', 'giulia@orsini.example', 'Press release'),
      thread('A', 'marta@vinilucchesi.example', 'Price list'),
      thread('B', unknown(0), 'Introduction'),
      thread('B', 'luca@vinilucchesi.example', 'Pallets'),
    ];
  }

  const contactsOfWorkspace = () => t.db.select().from(coverageContacts).where(eq(coverageContacts.workspaceId, f.workspace.id));

  async function answer(contactId: string) {
    const response = await b.app.inject({
      method: 'POST',
      url: `/api/coverage/contacts/${contactId}/replies`,
      headers: { cookie: `baton_session=${f.sessions.primary.cookie}`, 'x-csrf-token': f.sessions.primary.csrfToken },
      payload: { body: 'Thank you, I am on it.' },
    });
    expect(response.statusCode).toBe(200);
  }

  it('route each message once, notify once and fire each SLA timer once while both run their jobs', async () => {
    let previous = { key: [] as string[], standard: [] as string[], unknown: [] as { from: string; id: string }[] };
    for (let round = 0; round < 4; round++) {
      t.clock.set(new Date(new Date(MONDAY_9).getTime() + round * 60_000));
      const planned = plan(round, previous);
      await runRound(planned);
      const roots = planned.filter((message) => !message.inReplyTo);
      previous = {
        key: roots.filter((message) => message.from.includes('orsini')).map((message) => message.messageId),
        standard: roots.filter((message) => message.from.includes('vinilucchesi')).map((message) => message.messageId),
        unknown: roots
          .filter((message) => message.from.includes('elsewhere'))
          .map((message) => ({ from: message.from, id: message.messageId })),
      };
    }

    // The delegate answers (through instance B) every contact of the standard client, one of the key account's and
    // one unknown sender's; then the standard client writes ten new threads at once: exactly the first of them to
    // be routed finds no other unanswered contact, every later one is a repeat contact.
    const beforeBurst = await contactsOfWorkspace();
    const answered = [
      ...beforeBurst.filter((contact) => contact.clientId === f.standardClient.id),
      beforeBurst.find((contact) => contact.fromAddress === 'giulia@orsini.example'),
      beforeBurst.find((contact) => contact.clientId === null),
    ].map((contact) => contact?.id ?? '');
    for (const contactId of answered) await answer(contactId);
    t.clock.set(new Date(new Date(MONDAY_9).getTime() + 5 * 60_000));
    await runRound(
      Array.from({ length: 10 }, (_, k) => ({
        lane: k % 2 === 0 ? ('A' as const) : ('B' as const),
        from: `Staff ${k} <staff${k}@vinilucchesi.example>`,
        subject: `Order ${k}`,
        messageId: `<burst${k}@two-instances.example>`,
        root: `<burst${k}@two-instances.example>`,
      })),
    );
    expect(ingested).toHaveLength(50);

    // Routing: every message in exactly one contact, one contact per thread.
    const links = await t.db.select().from(coverageMessages).where(eq(coverageMessages.workspaceId, f.workspace.id));
    expect(links).toHaveLength(50);
    expect(new Set(links.map((link) => link.messageId))).toEqual(new Set(ingested.map((entry) => entry.mailMessageId)));
    const contacts = await contactsOfWorkspace();
    const roots = new Set(ingested.map((entry) => entry.root));
    expect(contacts).toHaveLength(roots.size);
    expect(new Set(contacts.map((contact) => contact.threadId)).size).toBe(roots.size);
    const threadOf = new Map(
      (await t.db.select({ id: mailMessages.id, threadId: mailMessages.threadId }).from(mailMessages)).map((row) => [row.id, row.threadId]),
    );
    const contactOf = new Map(contacts.map((contact) => [contact.id, contact]));
    for (const link of links) expect(threadOf.get(link.messageId)).toBe(contactOf.get(link.contactId)?.threadId);
    const messageCount = new Map<string, number>();
    for (const link of links) messageCount.set(link.contactId, (messageCount.get(link.contactId) ?? 0) + 1);

    // Time passes beyond every timer (key accounts: 4 business hours, then a second window; others: a business day,
    // then a second one), each step run by both runners at once, and a last pass that finds nothing left.
    for (const instant of ['2026-03-23T10:00:00Z', '2026-03-23T11:30:00Z', '2026-03-23T12:30:00Z', '2026-03-23T16:30:00Z']) {
      t.clock.set(instant);
      await runBoth();
    }
    for (const instant of ['2026-03-24T08:30:00Z', '2026-03-25T09:00:00Z', '2026-03-25T12:00:00Z']) {
      t.clock.set(instant);
      await runBoth();
    }
    await runBoth();
    expect(ran.A).toBeGreaterThan(0);
    expect(ran.B).toBeGreaterThan(0);

    // Notifications: in-app rows and their mails, per contact and kind.
    const contactIdIn = (text: string) => /\/coverage\/contacts\/([0-9a-f-]{36})/.exec(text)?.[1] ?? '';
    const tally = (entries: { kind: string; contactId: string }[]) => {
      const counts = new Map<string, number>();
      for (const entry of entries)
        counts.set(`${entry.contactId} ${entry.kind}`, (counts.get(`${entry.contactId} ${entry.kind}`) ?? 0) + 1);
      return counts;
    };
    const inApp = tally(
      (await t.db.select().from(notifications).where(eq(notifications.workspaceId, f.workspace.id)))
        .filter((row) => row.kind.startsWith('coverage.'))
        .map((row) => ({ kind: row.kind, contactId: contactIdIn(row.link) })),
    );
    const mailed = tally(
      (await t.db.select().from(outboxMessages).where(eq(outboxMessages.workspaceId, f.workspace.id)))
        .filter((row) => row.kind.startsWith('notification.coverage.'))
        .map((row) => ({ kind: row.kind.slice('notification.'.length), contactId: contactIdIn(row.textBody) })),
    );
    expect(mailed).toEqual(inApp);

    // Escalations: the order contacts were routed in says which ones are a client's repeat contact.
    const allEscalations = await t.db.select().from(escalations).where(eq(escalations.workspaceId, f.workspace.id));
    const routedOrder = (await t.db.select().from(auditEvents).where(eq(auditEvents.workspaceId, f.workspace.id)))
      .filter((event) => event.action === 'coverage.contact_routed')
      .sort((x, y) => x.seq - y.seq)
      .map((event) => event.subjectId);
    expect(routedOrder).toHaveLength(contacts.length);
    const waiting = new Map<string, Set<string>>(); // per client: its contacts without a response when the next arrived
    for (const contactId of routedOrder) {
      const contact = contactOf.get(contactId);
      if (!contact) throw new Error(`routed contact ${contactId} not found`);
      const messages = messageCount.get(contactId) ?? 0;
      const unanswered = !answered.includes(contactId);
      const burst = contact.subject.startsWith('Order ');
      const others = contact.clientId ? [...(waiting.get(contact.clientId) ?? [])] : [];
      const repeat = messages > 1 || others.some((other) => !burst || !answered.includes(other));
      if (contact.clientId) waiting.set(contact.clientId, new Set([...others, contactId]));
      const rules = [...(repeat ? ['repeat_contact:backup'] : []), ...(unanswered ? ['sla_breach:backup', 'sla_breach:manager'] : [])];
      const ofContact = allEscalations
        .filter((row) => row.contactId === contactId)
        .map((row) => `${row.rule}:${row.target}`)
        .sort();
      expect({ contactId, escalations: ofContact }).toEqual({ contactId, escalations: rules.sort() });

      expect({ contactId, notices: inApp.get(`${contactId} coverage.contact_assigned`) }).toEqual({ contactId, notices: messages });
      expect({ contactId, warnings: inApp.get(`${contactId} coverage.sla_warning`) ?? 0 }).toEqual({
        contactId,
        warnings: unanswered ? 1 : 0,
      });
      expect({ contactId, escalated: inApp.get(`${contactId} coverage.escalated`) ?? 0 }).toEqual({ contactId, escalated: rules.length });
    }
    expect([...inApp.keys()].every((key) => /^[0-9a-f-]{36} coverage\.(contact_assigned|sla_warning|escalated)$/.test(key))).toBe(true);

    // Jobs: each ran once and none failed or was retried.
    const allJobs = await t.db.select().from(jobs);
    expect(allJobs.filter((job) => job.status === 'failed' || job.lastError !== null)).toEqual([]);
    const routeJobs = allJobs.filter((job) => job.name === 'mail.route');
    expect(routeJobs).toHaveLength(50);
    const timers = allJobs.filter((job) => job.name === 'coverage.sla');
    expect(timers).toHaveLength(contacts.length * 3);
    expect([...routeJobs, ...timers].every((job) => job.status === 'done' && job.attempts === 1)).toBe(true);
  });
});
