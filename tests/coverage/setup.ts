import { eq } from 'drizzle-orm';
import { scheduleAbsenceJobs } from '../../src/domains/absences/absences.usecases';
import { coverageMessages, escalations } from '../../src/domains/coverage/coverage.schema';
import { outboxMessages } from '../../src/domains/outbox/outbox.schema';
import { GOOD_READ_BACK, type HandoverFixture, handoverFixture, sampleContent } from '../briefs/setup';
import type { TestBaton } from '../support/test-baton';

/** Monday 23 March 2026, 09:00 in Rome (CET, UTC+1): the first working hour of Anna's absence. */
export const MONDAY_9 = '2026-03-23T08:00:00Z';

/** `beforeStart`: runs once the handover is done, before the absence starts (a test sets up what must see the start). */
export type CoverageFixtureOptions = { beforeStart?: (f: HandoverFixture) => Promise<void> };

/**
 * The handover fixture carried into its absence: briefs written, shared and acknowledged by the primary delegate
 * (the key account with a read-back), client domains and contacts known, the owner's mailbox, and the clock at the
 * first working hour of the absence, which the start job has made active.
 */
export async function coverageFixture(t: TestBaton, { beforeStart }: CoverageFixtureOptions = {}) {
  const f = await handoverFixture(t);
  const { owner, primary } = f.sessions;
  const briefs = (await owner.request('POST', `/api/absences/${f.absence.id}/briefs/all`, {})).json();
  if (briefs.created !== 2) throw new Error(`briefs not created: ${JSON.stringify(briefs)}`);
  const list = (await owner.request('GET', `/api/absences/${f.absence.id}/briefs`)).json().briefs as { id: string; clientId: string }[];
  const briefOf = (clientId: string) => list.find((brief) => brief.clientId === clientId)?.id ?? '';
  const keyBriefId = briefOf(f.keyClient.id);
  const standardBriefId = briefOf(f.standardClient.id);
  await owner.request('PATCH', `/api/briefs/${keyBriefId}`, { content: sampleContent });
  await owner.request('PATCH', `/api/briefs/${standardBriefId}`, {
    content: {
      situation: 'Quarterly invoice sent on 1 March; payment terms 60 days.',
      faq: [
        { question: 'Where is the invoice for the first quarter?', answer: 'It was sent on 1 March; I resend it from the shared folder.' },
      ],
    },
  });
  const shared = await owner.request('POST', `/api/absences/${f.absence.id}/briefs/share`, {});
  if (shared.statusCode !== 200) throw new Error(`share failed: ${shared.body}`);
  const acknowledge = async (briefId: string, readBack?: string) => {
    const current = (await primary.request('GET', `/api/briefs/${briefId}`)).json().current;
    const response = await primary.request('POST', `/api/briefs/${briefId}/acknowledgements`, {
      version: current.version,
      contentHash: current.contentHash,
      ...(readBack ? { readBack } : {}),
    });
    if (response.statusCode !== 201) throw new Error(`acknowledge failed: ${response.body}`);
    return current.contentHash as string;
  };
  const keyBriefHash = await acknowledge(keyBriefId, GOOD_READ_BACK);
  const standardBriefHash = await acknowledge(standardBriefId);

  const workspaceId = f.workspace.id;
  await t.db.transaction(async (tx) => {
    const directory = t.deps.mail.clientDirectory;
    await directory.addDomain(tx, { workspaceId, clientId: f.keyClient.id, domain: 'orsini.example' });
    await directory.addContactEmail(tx, { workspaceId, clientId: f.keyClient.id, name: 'Giulia Orsini', email: 'giulia@orsini.example' });
    await directory.addDomain(tx, { workspaceId, clientId: f.standardClient.id, domain: 'vinilucchesi.example' });
  });
  const mailbox = await t.deps.mail.mailboxes.create(
    { user: f.people.admin, workspace: f.workspace, session: null },
    { address: `anna-${f.workspace.slug}@agency.example`, aliases: [], ownerId: f.people.owner.id },
  );

  await beforeStart?.(f);
  // The fixture inserted the absence directly: queue its start and end as planning does, then let it start.
  await t.db.transaction((tx) => scheduleAbsenceJobs(tx, t.clock, { ...f.absence, state: 'handover' }));
  t.clock.set(MONDAY_9);
  await t.runJobs();
  // Weeks passed since sign-in: sessions expired, sign everybody in again.
  const people = f.people;
  const sessions = {
    admin: await t.signIn(people.admin.email),
    manager: await t.signIn(people.manager.email),
    owner: await t.signIn(people.owner.email),
    primary: await t.signIn(people.primary.email),
    backup: await t.signIn(people.backup.email),
    outsider: await t.signIn(people.outsider.email),
  };

  let counter = 0;
  /** A client email to Anna, ingested now and handed on (auto-reply, then routing) by running the due jobs. */
  async function receive(input: {
    from: string;
    subject: string;
    body: string;
    inReplyTo?: string;
    messageId?: string;
    headers?: string[];
  }) {
    counter += 1;
    const messageId = input.messageId ?? `<c${counter}.${Date.now()}@client.example>`;
    const raw = Buffer.from(
      [
        `From: ${input.from}`,
        `To: Anna <${mailbox.address}>`,
        `Subject: ${input.subject}`,
        `Date: ${t.clock.now().toUTCString()}`,
        `Message-ID: ${messageId}`,
        ...(input.inReplyTo ? [`In-Reply-To: ${input.inReplyTo}`, `References: ${input.inReplyTo}`] : []),
        ...(input.headers ?? []),
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        '',
        input.body,
        '',
      ].join('\r\n'),
    );
    const outcome = await t.deps.mail.ingestion.ingestRawMessage({ workspaceId, mailboxId: mailbox.id, raw, receivedAt: t.clock.now() });
    await t.runJobs();
    const [link] = await t.db.select().from(coverageMessages).where(eq(coverageMessages.messageId, outcome.messageId));
    return { messageId, mailMessageId: outcome.messageId, contactId: link?.contactId ?? null };
  }

  const escalationsOf = async (contactId: string) =>
    (await t.db.select().from(escalations).where(eq(escalations.contactId, contactId))).map((row) => `${row.rule}:${row.recipientId}`);
  const outboxTo = async (address: string) => await t.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, address));

  return { ...f, sessions, mailbox, receive, escalationsOf, outboxTo, keyBriefId, standardBriefId, keyBriefHash, standardBriefHash };
}
export type CoverageFixture = Awaited<ReturnType<typeof coverageFixture>>;
