// The load tests' mailbox: 1,000 client messages from 200 senders to an owner who is away, the workspace that
// reads it (seeded as the other mail tests seed theirs, on the system clock: a separate Baton process reads it
// now), and the counts every crash and load test asserts at the end.
import { count, eq, sql } from 'drizzle-orm';
import { absences } from '../../src/domains/absences/absences.schema';
import { clientDomains, clients, contactEmails, contacts } from '../../src/domains/clients/clients.schema';
import { autoReplies, mailMessages } from '../../src/domains/mail/mail.schema';
import { outboxMessages } from '../../src/domains/outbox/outbox.schema';
import type { Db } from '../../src/platform/db/database';
import type { TestBaton } from '../support/test-baton';
import { AUTO_REPLY_TEXTS, seedOwnerWithMailbox } from './mail-fixtures';

export const MESSAGES = 1000;
export const SENDERS = 200;
const CLIENTS = 40;
export const OWNER_ADDRESS = 'anna@agency.example';

const senderOf = (index: number) => {
  const n = index % SENDERS;
  return { address: `sender${n}@client${n % CLIENTS}.example`, name: `Sender ${n}` };
};
export const messageIdOf = (index: number) => `<load-${index}@client${(index % SENDERS) % CLIENTS}.example>`;

const ENGLISH = [
  'Could you send me the updated quote for the new website by Friday? Thanks a lot.',
  'The invoice for last month is attached as agreed; please confirm you received it.',
  'We would like to move Thursday’s meeting to next week: which day suits you best?',
];
const ITALIAN = [
  'Buongiorno Anna, potrebbe mandarmi il preventivo aggiornato per il nuovo sito entro venerdì? Grazie mille.',
  'Le scrivo per confermare la riunione di giovedì: ci vediamo alle dieci nel nostro ufficio di Milano.',
  'Abbiamo ricevuto la fattura, ma manca il dettaglio delle ore: potrebbe inviarcelo appena possibile?',
];

/**
 * Message `index` (0…999): sender `index % 200`, so each sender writes five messages spread over the mailbox.
 * `returnPath` adds the Return-Path a delivering server writes (the envelope sender of a mailbox copy).
 */
export function loadMessage(index: number, { returnPath = false } = {}): Buffer {
  const sender = senderOf(index);
  const italian = (index % SENDERS) % 2 === 0;
  const bodies = italian ? ITALIAN : ENGLISH;
  const date = new Date(Date.UTC(2026, 10, 20, 8, 0, 0) + index * 60_000).toUTCString().replace('GMT', '+0000');
  const lines = [
    ...(returnPath ? [`Return-Path: <${sender.address}>`] : []),
    `From: ${sender.name} <${sender.address}>`,
    `To: Anna Rossi <${OWNER_ADDRESS}>`,
    `Subject: ${italian ? 'Richiesta' : 'Request'} ${index}`,
    `Date: ${date}`,
    `Message-ID: ${messageIdOf(index)}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    bodies[index % bodies.length] ?? '',
    '',
    `${sender.name}`,
    '',
  ];
  return Buffer.from(lines.join('\r\n'));
}

export const envelopeOf = (index: number) => ({ from: senderOf(index).address, to: [OWNER_ADDRESS] });

/**
 * A workspace whose member Anna owns the mailbox anna@agency.example and is away now (an active absence with an
 * auto-reply, Luca covering), with 40 client companies (the senders' domains; one contact each). The admin signs
 * in over HTTP to follow progress. Uses the system time: the Baton process that reads the mail runs on it.
 */
export async function seedAwayOwner(t: TestBaton) {
  t.clock.set(new Date());
  const { workspace, admin, manager, anna, delegate, mailbox } = await seedOwnerWithMailbox(t, { address: OWNER_ADDRESS, aliases: [] });
  for (let k = 0; k < CLIENTS; k += 1) {
    const [client] = await t.db
      .insert(clients)
      .values({ workspaceId: workspace.id, name: `Client ${k}`, language: k % 2 === 0 ? 'it' : 'en', ownerId: anna.id })
      .returning();
    if (!client) throw new Error('seed failed');
    await t.db.insert(clientDomains).values({ workspaceId: workspace.id, clientId: client.id, domain: `client${k}.example` });
    const [contact] = await t.db
      .insert(contacts)
      .values({ workspaceId: workspace.id, clientId: client.id, name: `Sender ${k}` })
      .returning();
    if (!contact) throw new Error('seed failed');
    await t.db.insert(contactEmails).values({ workspaceId: workspace.id, contactId: contact.id, email: senderOf(k).address });
  }
  const now = Date.now();
  await t.db.insert(absences).values({
    workspaceId: workspace.id,
    ownerId: anna.id,
    startsAt: new Date(now - 2 * 86_400_000),
    endsAt: new Date(now + 14 * 86_400_000),
    primaryDelegateId: delegate.id,
    managerId: manager.id,
    state: 'active',
    startedAt: new Date(now - 2 * 86_400_000),
    autoReply: AUTO_REPLY_TEXTS,
  });
  return { workspace, admin, anna, mailbox };
}
export type AwayOwner = Awaited<ReturnType<typeof seedAwayOwner>>;

/** How far the mailbox is: messages stored, and auto-replies decided. */
export async function storedAndDecided(db: Db, mailboxId: string) {
  const [row] = await db
    .select({ stored: count(), decided: count(mailMessages.autoReplyDecision) })
    .from(mailMessages)
    .where(eq(mailMessages.mailboxId, mailboxId));
  return { stored: row?.stored ?? 0, decided: row?.decided ?? 0 };
}

/** What the tests assert at the end, read straight from the database. */
export async function mailboxOutcome(db: Db, mailboxId: string) {
  const stored = await db
    .select({ messageIdHeader: mailMessages.messageIdHeader, uid: mailMessages.uid })
    .from(mailMessages)
    .where(eq(mailMessages.mailboxId, mailboxId));
  const repeated = (values: (string | null)[]) => {
    const seen = new Set<string>();
    return values.filter((value) => value !== null && (seen.has(value) || !seen.add(value)));
  };
  const repliesPerSender = await db
    .select({ sender: autoReplies.sender, n: count() })
    .from(autoReplies)
    .where(eq(autoReplies.mailboxId, mailboxId))
    .groupBy(autoReplies.sender);
  // What really left for each recipient (the outbox), beside the auto_replies records that drive the interval.
  const outboxPerRecipient = await db
    .select({ to: outboxMessages.toAddress, n: count() })
    .from(outboxMessages)
    .where(eq(outboxMessages.kind, 'mail.auto_reply'))
    .groupBy(outboxMessages.toAddress);
  const storedIds = new Set(stored.map((row) => row.messageIdHeader));
  return {
    stored: stored.length,
    missing: expectedMessageIds().filter((id) => !storedIds.has(id)).length,
    duplicateMessageIds: repeated(stored.map((row) => row.messageIdHeader)),
    duplicateUids: repeated(stored.map((row) => row.uid)),
    repliesPerSender: new Map(repliesPerSender.map((row) => [row.sender, Number(row.n)])),
    outboxPerRecipient: new Map(outboxPerRecipient.map((row) => [row.to.replace(/^.*<|>$/g, '').toLowerCase(), Number(row.n)])),
  };
}

export const expectedMessageIds = () => Array.from({ length: MESSAGES }, (_, index) => messageIdOf(index));
export const expectedSenders = () => Array.from({ length: SENDERS }, (_, index) => senderOf(index).address);

/**
 * Ingested messages whose `mail.route` job (auto-reply, then routing) has not run to the end, leaving out those
 * whose job a killed worker still holds: on PostgreSQL such a claim waits out the runner's lease (5 minutes) before
 * another instance takes it over, longer than a test waits.
 */
export async function unfinishedMessages(db: Db, mailboxId: string, killedPids: number[]) {
  const killed =
    killedPids.length === 0
      ? sql`NULL`
      : sql.join(
          killedPids.map((pid) => sql`${String(pid)}`),
          sql`, `,
        );
  const rows = (await db.execute(
    sql`SELECT count(*)::int AS n FROM mail_messages m
        WHERE m.mailbox_id = ${mailboxId} AND m.status = 'ingested' AND m.auto_reply_decision IS NULL
          AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.name = 'mail.route' AND j.status = 'running'
            AND j.payload->>'messageId' = m.id::text AND split_part(j.locked_by, '-', 1) IN (${killed}))`,
  )) as unknown as { rows: { n: number }[] };
  return rows.rows[0]?.n ?? 0;
}
