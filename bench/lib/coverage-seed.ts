// A coverage workspace at scale for the coverage bench: 10,000 clients over three active absences (one owner and
// one primary delegate each, the next one's delegate as backup, one manager), 50,000 contacts (a quarter open,
// some escalated, 1–3 messages each with their activity), briefs with FAQ entries for 30 % of the clients.
// Direct Drizzle inserts in chunks: the rows look like what routing writes, without routing 50,000 messages.
import { randomUUID } from 'node:crypto';
import type { Dependencies } from '../../src/app/dependencies';
import { briefContentSchema } from '../../src/contracts/briefs.contracts';
import { absenceCoverage, absences, briefAcknowledgements, briefs, briefVersions } from '../../src/domains/absences/absences.schema';
import { briefContentHash } from '../../src/domains/absences/briefs.models';
import { clientDomains, clients } from '../../src/domains/clients/clients.schema';
import {
  conversations,
  coverageActivities,
  coverageContacts,
  coverageMessages,
  escalations,
} from '../../src/domains/coverage/coverage.schema';
import { mailboxes, mailMessages } from '../../src/domains/mail/mail.schema';
import type { Db } from '../../src/platform/db/database';

export const CLIENTS = 10_000;
export const CONTACTS_PER_CLIENT = 5;
export const PASSWORD = 'bench password long enough';
const CHUNK = 500;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** What a client writes about, and the FAQ entry of the brief that answers it. */
export const TOPICS = [
  {
    subject: 'March invoice',
    text: 'Hello, could you tell me when the March invoice will be sent? We need it for the quarterly closing.',
    question: 'When is the March invoice sent?',
    answer: 'It goes out on the 5th with the usual payment terms; resend it from the shared folder if asked.',
  },
  {
    subject: 'Label delivery',
    text: 'Good morning, when is the delivery of the new labels planned? The bottling starts next week.',
    question: 'When is the delivery of the new labels?',
    answer: 'The printer confirmed delivery for the 18th; tracking is in the project folder.',
  },
  {
    subject: 'Project meeting',
    text: 'Hi, can we move the project meeting to Friday afternoon? Thursday does not work for our team.',
    question: 'Can the project meeting be moved?',
    answer: 'Yes, any afternoon this month; book the small meeting room and tell Sara.',
  },
  {
    subject: 'Price list',
    text: 'Dear all, are the new price lists ready? Our sales team would like to share them with distributors.',
    question: 'Are the new price lists ready?',
    answer: 'The draft is approved; the final PDF is ready on Monday.',
  },
  {
    subject: 'Contract renewal',
    text: 'Hello, when does the contract renewal start, and who signs it on your side this time?',
    question: 'When does the contract renewal start?',
    answer: 'On 1 April; the manager signs it, the draft is in the contract folder.',
  },
] as const;

const topicOf = (n: number) => TOPICS[n % TOPICS.length] as (typeof TOPICS)[number];

async function insertChunks<Row>(rows: Row[], insert: (chunk: Row[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += CHUNK) await insert(rows.slice(start, start + CHUNK));
}

export type CoverageSeed = Awaited<ReturnType<typeof seedCoverage>>;

export async function seedCoverage(deps: Dependencies, now: Date) {
  const db: Db = deps.db;
  const workspace = await deps.members.createWorkspace({ name: 'Coverage bench', slug: `coverage-bench`, timezone: 'Europe/Rome' });
  const workspaceId = workspace.id;
  const user = (name: string, role: 'admin' | 'manager' | 'member') =>
    deps.members.createUser({ workspaceId, email: `${name}@bench.example`, name, role, language: 'en', password: PASSWORD });
  const manager = await user('manager', 'manager');
  const owners = [await user('owner0', 'member'), await user('owner1', 'member'), await user('owner2', 'member')];
  const delegates = [await user('delegate0', 'member'), await user('delegate1', 'member'), await user('delegate2', 'member')];
  const present = await user('present', 'member');
  const mailboxRows = await db
    .insert(mailboxes)
    .values([...owners, present].map((owner) => ({ workspaceId, ownerId: owner.id, address: `${owner.name}@agency.example` })))
    .returning();
  const mailboxOf = (ownerId: string) => mailboxRows.find((row) => row.ownerId === ownerId)?.id ?? '';

  const absenceRows = await db
    .insert(absences)
    .values(
      owners.map((owner, a) => ({
        workspaceId,
        ownerId: owner.id,
        startsAt: new Date(now.getTime() - 7 * DAY),
        endsAt: new Date(now.getTime() + 14 * DAY),
        primaryDelegateId: delegates[a]?.id ?? '',
        backupDelegateId: delegates[(a + 1) % 3]?.id ?? '',
        managerId: manager.id,
        state: 'active' as const,
        startedAt: new Date(now.getTime() - 7 * DAY),
        autoReply: { en: { subject: 'Away', body: 'I am away; my colleague answers.' }, it: { subject: 'Assente', body: 'Sono assente.' } },
      })),
    )
    .returning();
  const absenceOf = (i: number) => absenceRows[i % 3] as (typeof absenceRows)[number];

  // Clients, their domains, what each absence covers, one conversation per client.
  const clientIds = Array.from({ length: CLIENTS }, () => randomUUID());
  const clientId = (i: number) => clientIds[i] as string;
  const isKey = (i: number) => i % 10 === 0;
  const hasBrief = (i: number) => i % 10 < 3;
  await insertChunks(
    clientIds.map((id, i) => ({
      id,
      workspaceId,
      name: `Client ${i}`,
      tier: isKey(i) ? ('key' as const) : ('standard' as const),
      status: i % 20 === 7 ? ('at_risk' as const) : ('active' as const),
      language: 'en' as const,
      ownerId: owners[i % 3]?.id ?? null,
    })),
    (chunk) => db.insert(clients).values(chunk),
  );
  await insertChunks(
    clientIds.map((id, i) => ({ workspaceId, clientId: id, domain: `client${i}.example` })),
    (chunk) => db.insert(clientDomains).values(chunk),
  );
  await insertChunks(
    clientIds.map((id, i) => ({ workspaceId, absenceId: absenceOf(i).id, clientId: id, projectId: null })),
    (chunk) => db.insert(absenceCoverage).values(chunk),
  );
  const conversationIds = clientIds.map(() => randomUUID());
  await insertChunks(
    clientIds.map((id, i) => ({ id: conversationIds[i] as string, workspaceId, absenceId: absenceOf(i).id, clientId: id, createdAt: now })),
    (chunk) => db.insert(conversations).values(chunk),
  );

  // Briefs with four FAQ entries, shared at version 1 and acknowledged by the primary delegate.
  const briefed = clientIds.map((id, i) => ({ id, i })).filter(({ i }) => hasBrief(i));
  const briefIds = briefed.map(() => randomUUID());
  const versionIds = briefed.map(() => randomUUID());
  const contentOf = (i: number) =>
    briefContentSchema.parse({
      situation: `Client ${i}: steady account, a relaunch in preparation.`,
      keyFacts: ['Pays at 60 days', 'Prefers email'],
      nextSteps: [{ text: 'Send the relaunch plan', due: null }],
      faq: [0, 1, 2, 3].map((k) => {
        const topic = topicOf(i + k);
        return { question: topic.question, answer: topic.answer };
      }),
    });
  await insertChunks(
    briefed.map(({ id, i }, n) => ({
      id: briefIds[n] as string,
      workspaceId,
      absenceId: absenceOf(i).id,
      clientId: id,
      draft: contentOf(i),
      currentVersion: 1,
    })),
    (chunk) => db.insert(briefs).values(chunk),
  );
  await insertChunks(
    briefed.map(({ i }, n) => {
      const content = contentOf(i);
      return {
        id: versionIds[n] as string,
        workspaceId,
        briefId: briefIds[n] as string,
        version: 1,
        content,
        contentHash: briefContentHash(content),
        createdBy: owners[i % 3]?.id ?? '',
        createdAt: new Date(now.getTime() - 8 * DAY),
      };
    }),
    (chunk) => db.insert(briefVersions).values(chunk),
  );
  await insertChunks(
    briefed.map(({ i }, n) => ({
      workspaceId,
      briefId: briefIds[n] as string,
      versionId: versionIds[n] as string,
      version: 1,
      contentHash: briefContentHash(contentOf(i)),
      delegateId: delegates[i % 3]?.id ?? '',
      delegateRole: 'primary' as const,
      readBackStatus: 'not_required' as const,
      acknowledgedAt: new Date(now.getTime() - 8 * DAY),
    })),
    (chunk) => db.insert(briefAcknowledgements).values(chunk),
  );

  // Contacts: five per client over the last five days, a quarter open, some handed to the backup.
  type ContactInsert = typeof coverageContacts.$inferInsert;
  type MessageInsert = typeof mailMessages.$inferInsert;
  const contactRows: ContactInsert[] = [];
  const messageRows: MessageInsert[] = [];
  const linkRows: (typeof coverageMessages.$inferInsert)[] = [];
  const activityRows: (typeof coverageActivities.$inferInsert)[] = [];
  const escalationRows: (typeof escalations.$inferInsert)[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const absence = absenceOf(i);
    const a = i % 3;
    for (let j = 0; j < CONTACTS_PER_CLIENT; j++) {
      const c = i * CONTACTS_PER_CLIENT + j;
      const id = randomUUID();
      const threadId = randomUUID();
      const topic = topicOf(c);
      const receivedAt = new Date(now.getTime() - (5 - j) * DAY - (c % 480) * 60_000);
      const slaMs = isKey(i) ? 4 * HOUR : DAY;
      const open = j === 4 || (j === 3 && i % 4 === 0);
      const answered = !open || c % 3 === 0;
      const backup = j >= 3 && i % 6 === 0;
      const assigneeId = (backup ? delegates[(a + 1) % 3] : delegates[a])?.id ?? '';
      const from = `person${j}@client${i}.example`;
      const messages = c % 10 === 0 ? 3 : c % 5 === 0 ? 2 : 1;
      const messageIds = Array.from({ length: messages }, () => randomUUID());
      contactRows.push({
        id,
        workspaceId,
        absenceId: absence.id,
        conversationId: conversationIds[i] as string,
        ownerId: absence.ownerId,
        clientId: clientId(i),
        kind: 'email',
        messageId: messageIds[0] ?? null,
        threadId,
        fromAddress: from,
        fromName: `Person ${j} of client ${i}`,
        subject: topic.subject,
        excerpt: topic.text,
        language: 'en',
        receivedAt,
        assigneeId,
        assigneeRole: backup ? 'backup' : 'primary',
        state: open ? 'open' : 'closed',
        warnAt: new Date(receivedAt.getTime() + slaMs * 0.75),
        dueAt: new Date(receivedAt.getTime() + slaMs),
        secondDueAt: new Date(receivedAt.getTime() + 2 * slaMs),
        slaWarnedAt: answered ? null : new Date(receivedAt.getTime() + slaMs * 0.75),
        firstResponseAt: answered ? new Date(receivedAt.getTime() + HOUR) : null,
        firstResponderId: answered ? assigneeId : null,
        outcome: open ? null : 'answered',
        closedAt: open ? null : new Date(receivedAt.getTime() + 2 * HOUR),
        closedBy: open ? null : assigneeId,
        signals: c % 11 === 0 ? { score: 0.6, angry: false, cancellationIntent: false, urgent: true, signals: [] } : null,
        createdAt: receivedAt,
      });
      messageIds.forEach((messageId, k) => {
        const at = new Date(receivedAt.getTime() + k * HOUR);
        const header = `<seed-${c}-${k}@client${i}.example>`;
        messageRows.push({
          id: messageId,
          workspaceId,
          mailboxId: mailboxOf(absence.ownerId),
          dedupeKey: `mid:${header}`,
          rawSha256: `seed-${c}-${k}`,
          size: 1200,
          status: 'ingested',
          messageIdHeader: header,
          inReplyTo: k > 0 ? `<seed-${c}-${k - 1}@client${i}.example>` : null,
          threadId,
          fromAddress: from,
          fromName: `Person ${j} of client ${i}`,
          to: [{ name: '', address: `owner${a}@agency.example` }],
          subject: k > 0 ? `Re: ${topic.subject}` : topic.subject,
          receivedAt: at,
          textBody: `${topic.text}\n\nBest regards,\nPerson ${j}`,
          language: 'en',
          clientId: clientId(i),
          matchedBy: 'domain',
          absenceId: absence.id,
          autoReplyDecision: k === 0 ? 'reply' : 'no-reply',
          ingestedAt: at,
        });
        linkRows.push({ messageId, workspaceId, contactId: id, routedAt: at });
        activityRows.push({ workspaceId, contactId: id, kind: 'message', at, data: { messageId, from, subject: topic.subject } });
      });
      if (!open) {
        activityRows.push({
          workspaceId,
          contactId: id,
          kind: 'outcome',
          actorId: assigneeId,
          at: new Date(receivedAt.getTime() + 2 * HOUR),
          data: { outcome: 'answered', note: null },
        });
      }
      const escalate = (rule: 'sla_breach' | 'repeat_contact', target: 'backup' | 'manager') =>
        escalationRows.push({
          workspaceId,
          absenceId: absence.id,
          contactId: id,
          clientId: clientId(i),
          rule,
          target,
          recipientId: target === 'manager' ? manager.id : (delegates[(a + 1) % 3]?.id ?? ''),
          state: open ? 'open' : 'resolved',
          evidence: { clientName: `Client ${i}`, subject: topic.subject, receivedAt: receivedAt.toISOString() },
          createdAt: new Date(receivedAt.getTime() + (target === 'manager' ? 2 * slaMs : slaMs)),
        });
      if (c % 10 === 3) escalate('sla_breach', 'backup');
      if (c % 30 === 3) escalate('sla_breach', 'manager');
      if (messages > 1 && c % 4 === 0) escalate('repeat_contact', 'backup');
    }
  }
  await insertChunks(contactRows, (chunk) => db.insert(coverageContacts).values(chunk));
  await insertChunks(messageRows, (chunk) => db.insert(mailMessages).values(chunk));
  await insertChunks(linkRows, (chunk) => db.insert(coverageMessages).values(chunk));
  await insertChunks(activityRows, (chunk) => db.insert(coverageActivities).values(chunk));
  await insertChunks(escalationRows, (chunk) => db.insert(escalations).values(chunk));

  // The contacts the detail route is read for: the first delegate's open contacts of clients with a brief.
  const detailIds = contactRows
    .filter((row, n) => row.state === 'open' && row.assigneeId === delegates[0]?.id && hasBrief(Math.floor(n / CONTACTS_PER_CLIENT)))
    .slice(0, 200)
    .map((row) => row.id as string);
  // Clients of the first absence with a brief: where the routing bench's mail comes from.
  const routedClients = Array.from({ length: CLIENTS }, (_, i) => i).filter((i) => i % 3 === 0 && hasBrief(i));

  return {
    workspaceId,
    delegate: { email: `${delegates[0]?.name}@bench.example`, password: PASSWORD, id: delegates[0]?.id ?? '' },
    absentMailboxId: mailboxOf(owners[0]?.id ?? ''),
    presentMailboxId: mailboxOf(present.id),
    detailIds,
    routedClients,
    counts: {
      clients: CLIENTS,
      contacts: contactRows.length,
      open: contactRows.filter((row) => row.state === 'open').length,
      messages: messageRows.length,
      escalations: escalationRows.length,
      briefs: briefed.length,
    },
  };
}
