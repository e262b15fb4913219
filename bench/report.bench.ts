// The report at scale: one returned absence with 10,000 client contacts over 2,000 clients (12,000 stored emails with
// their originals, auto-replies, escalations, a brief and its acknowledgement per client, a recovery call per client,
// and the audit events routing and the console write). Measured, each in a fresh process so the figures are its own:
//   - the return briefing (`returnBriefing.build`), beside a plain SELECT count(*) over the same contacts;
//   - the PDF export of the report (`reports.exportForCli`, as `baton report ID --format pdf` runs it): seconds and
//     peak RSS, beside the peak RSS of the same process before the export (database open, nothing rendered).
// On PGlite, then on PostgreSQL when one is reachable.
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { createDependencies, type Dependencies } from '../src/app/dependencies';
import { briefContentSchema } from '../src/contracts/briefs.contracts';
import { absenceCoverage, absences, briefAcknowledgements, briefs, briefVersions } from '../src/domains/absences/absences.schema';
import { briefContentHash } from '../src/domains/absences/briefs.models';
import { hashAuditEvent } from '../src/domains/audit/audit.models';
import { auditEvents, auditHeads } from '../src/domains/audit/audit.schema';
import { clientDomains, clients } from '../src/domains/clients/clients.schema';
import { conversations, coverageContacts, coverageMessages, escalations } from '../src/domains/coverage/coverage.schema';
import { autoReplies, mailboxes, mailMessages, mailRaw } from '../src/domains/mail/mail.schema';
import { recoveryCalls, recoveryTasks } from '../src/domains/recovery/recovery.schema';
import { systemClock } from '../src/platform/clock/clock';
import { loadConfig } from '../src/platform/config/config';
import { type DatabaseTarget, openDatabase, queryRows } from '../src/platform/db/database';
import { createLogger } from '../src/platform/logger/logger';
// @ts-expect-error the bench helpers are plain JavaScript without declarations
import { runBench, trackChild } from './lib/cleanup.mjs';
// @ts-expect-error the bench helpers are plain JavaScript without declarations
import { createBenchDatabase } from './lib/postgres.mjs';
// @ts-expect-error the bench helpers are plain JavaScript without declarations
import { fixed, median, printTable, ratio } from './lib/report.mjs';
// @ts-expect-error the bench helpers are plain JavaScript without declarations
import { makeTempDir } from './lib/server.mjs';

const CLIENTS = Number(process.env.BENCH_REPORT_CLIENTS ?? 2_000);
const CONTACTS_PER_CLIENT = 5;
const RUNS = 5;
const CHUNK = 500;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const config = loadConfig({ LOG_LEVEL: 'silent', BATON_DEMO: 'false' });

async function withDependencies<T>(target: DatabaseTarget, work: (deps: Dependencies) => Promise<T>): Promise<T> {
  const database = await openDatabase(target);
  try {
    await database.migrate();
    return await work(createDependencies({ config, clock: systemClock, logger: createLogger('silent'), database }));
  } finally {
    await database.close();
  }
}

async function insertChunks<Row>(rows: Row[], insert: (chunk: Row[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += CHUNK) await insert(rows.slice(start, start + CHUNK));
}

const sha256 = (value: string | Buffer) => createHash('sha256').update(value).digest('hex');

/** Direct inserts in chunks: rows as routing, the console and recovery write them, without running them 10,000 times. */
async function seed(deps: Dependencies) {
  const { db } = deps;
  const now = Date.now();
  const workspace = await deps.members.createWorkspace({ name: 'Report bench', slug: 'report-bench', timezone: 'Europe/Rome' });
  const workspaceId = workspace.id;
  const user = (name: string, role: 'manager' | 'member') =>
    deps.members.createUser({
      workspaceId,
      email: `${name}@bench.example`,
      name,
      role,
      language: 'en',
      password: 'bench password long enough',
    });
  const owner = await user('owner', 'member');
  const primary = await user('primary', 'member');
  const backup = await user('backup', 'member');
  const manager = await user('manager', 'manager');
  const [mailbox] = await db.insert(mailboxes).values({ workspaceId, ownerId: owner.id, address: 'owner@agency.example' }).returning();
  const startsAt = new Date(now - 20 * DAY);
  const [absence] = await db
    .insert(absences)
    .values({
      workspaceId,
      ownerId: owner.id,
      startsAt,
      endsAt: new Date(now - DAY),
      primaryDelegateId: primary.id,
      backupDelegateId: backup.id,
      managerId: manager.id,
      state: 'returned',
      startedAt: startsAt,
      returnedAt: new Date(now - DAY),
      autoReply: { en: { subject: 'Away', body: 'I am away.' }, it: { subject: 'Assente', body: 'Sono assente.' } },
      createdAt: new Date(now - 30 * DAY),
    })
    .returning();
  if (!mailbox || !absence) throw new Error('seed failed');

  const clientIds = Array.from({ length: CLIENTS }, () => randomUUID());
  await insertChunks(
    clientIds.map((id, i) => ({
      id,
      workspaceId,
      name: `Client ${i}`,
      tier: i % 10 === 0 ? ('key' as const) : ('standard' as const),
      status: i % 50 === 1 ? ('lost' as const) : i % 50 === 2 ? ('won_back' as const) : ('active' as const),
      language: 'en' as const,
      ownerId: owner.id,
    })),
    (chunk) => db.insert(clients).values(chunk),
  );
  await insertChunks(
    clientIds.map((id, i) => ({ workspaceId, clientId: id, domain: `client${i}.example` })),
    (chunk) => db.insert(clientDomains).values(chunk),
  );
  await insertChunks(
    clientIds.map((id) => ({ workspaceId, absenceId: absence.id, clientId: id, projectId: null })),
    (chunk) => db.insert(absenceCoverage).values(chunk),
  );
  const conversationIds = clientIds.map(() => randomUUID());
  await insertChunks(
    clientIds.map((id, i) => ({ id: conversationIds[i] as string, workspaceId, absenceId: absence.id, clientId: id, createdAt: startsAt })),
    (chunk) => db.insert(conversations).values(chunk),
  );

  // A brief per client, version 1, acknowledged by the primary delegate (key accounts with a read-back).
  const briefIds = clientIds.map(() => randomUUID());
  const versionIds = clientIds.map(() => randomUUID());
  const content = briefContentSchema.parse({ situation: 'Steady account; the relaunch is planned for January.' });
  const contentHash = briefContentHash(content);
  await insertChunks(
    clientIds.map((id, i) => ({
      id: briefIds[i] as string,
      workspaceId,
      absenceId: absence.id,
      clientId: id,
      draft: content,
      currentVersion: 1,
    })),
    (chunk) => db.insert(briefs).values(chunk),
  );
  await insertChunks(
    clientIds.map((_, i) => ({
      id: versionIds[i] as string,
      workspaceId,
      briefId: briefIds[i] as string,
      version: 1,
      content,
      contentHash,
      createdBy: owner.id,
      createdAt: new Date(now - 22 * DAY),
    })),
    (chunk) => db.insert(briefVersions).values(chunk),
  );
  await insertChunks(
    clientIds.map((_, i) => ({
      workspaceId,
      briefId: briefIds[i] as string,
      versionId: versionIds[i] as string,
      version: 1,
      contentHash,
      delegateId: primary.id,
      delegateRole: 'primary' as const,
      readBack: i % 10 === 0 ? 'The relaunch moved to January; I confirm the new date with the client.' : null,
      readBackStatus: i % 10 === 0 ? ('accepted' as const) : ('not_required' as const),
      acknowledgedAt: new Date(now - 21 * DAY),
    })),
    (chunk) => db.insert(briefAcknowledgements).values(chunk),
  );

  // Contacts, their messages (with the stored originals), auto-replies, escalations, and the audit trail.
  const contactRows: (typeof coverageContacts.$inferInsert)[] = [];
  const messageRows: (typeof mailMessages.$inferInsert)[] = [];
  const rawRows: (typeof mailRaw.$inferInsert)[] = [];
  const linkRows: (typeof coverageMessages.$inferInsert)[] = [];
  const replyRows: (typeof autoReplies.$inferInsert)[] = [];
  const escalationRows: (typeof escalations.$inferInsert)[] = [];
  const events: {
    at: Date;
    actorId: string | null;
    action: string;
    subjectType: string;
    subjectId: string;
    data: Record<string, unknown>;
  }[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    for (let j = 0; j < CONTACTS_PER_CLIENT; j++) {
      const c = i * CONTACTS_PER_CLIENT + j;
      const id = randomUUID();
      const receivedAt = new Date(startsAt.getTime() + (c % 18) * DAY + (c % 480) * 60_000);
      const open = c % 8 === 0;
      const answered = !open;
      const slaMs = i % 10 === 0 ? 4 * HOUR : DAY;
      const messages = c % 5 === 0 ? 2 : 1;
      const messageIds = Array.from({ length: messages }, () => randomUUID());
      const from = `person${j}@client${i}.example`;
      contactRows.push({
        id,
        workspaceId,
        absenceId: absence.id,
        conversationId: conversationIds[i] as string,
        ownerId: owner.id,
        clientId: clientIds[i] as string,
        kind: 'email',
        messageId: messageIds[0] ?? null,
        threadId: randomUUID(),
        fromAddress: from,
        fromName: `Person ${j} of client ${i}`,
        subject: `Question ${c}`,
        excerpt: 'Could you tell me when the March invoice will be sent?',
        language: 'en',
        receivedAt,
        assigneeId: open ? owner.id : primary.id,
        assigneeRole: open ? 'owner' : 'primary',
        state: open ? 'open' : 'closed',
        dueAt: new Date(receivedAt.getTime() + slaMs),
        firstResponseAt: answered ? new Date(receivedAt.getTime() + (c % 7) * HOUR) : null,
        firstResponderId: answered ? primary.id : null,
        outcome: open ? null : c % 40 === 1 ? 'no_information' : 'answered',
        outcomeNote: c % 40 === 1 ? 'The brief did not say when the invoice goes out.' : null,
        closedAt: open ? null : new Date(receivedAt.getTime() + 8 * HOUR),
        closedBy: open ? null : primary.id,
        createdAt: receivedAt,
      });
      events.push({
        at: receivedAt,
        actorId: null,
        action: 'coverage.contact_routed',
        subjectType: 'coverage_contact',
        subjectId: id,
        data: { messageId: messageIds[0], delegateId: primary.id, role: 'primary' },
      });
      messageIds.forEach((messageId, k) => {
        const at = new Date(receivedAt.getTime() + k * HOUR);
        const header = `<bench-${c}-${k}@client${i}.example>`;
        const body = `Hello,\n\ncould you tell me when the March invoice will be sent? We need it for the quarterly closing (${c}/${k}).\n\nBest regards,\nPerson ${j}\nClient ${i}`;
        const raw = Buffer.from(
          [
            `From: Person ${j} <${from}>`,
            'To: Owner <owner@agency.example>',
            `Subject: Question ${c}`,
            `Date: ${at.toUTCString()}`,
            `Message-ID: ${header}`,
            'MIME-Version: 1.0',
            'Content-Type: text/plain; charset=utf-8',
            '',
            body,
            '',
          ].join('\r\n'),
        );
        const rawSha256 = sha256(raw);
        rawRows.push({ workspaceId, sha256: rawSha256, size: raw.length, content: raw, storedAt: at });
        messageRows.push({
          id: messageId,
          workspaceId,
          mailboxId: mailbox.id,
          dedupeKey: `mid:${header}`,
          rawSha256,
          size: raw.length,
          status: 'ingested',
          messageIdHeader: header,
          fromAddress: from,
          fromName: `Person ${j} of client ${i}`,
          to: [{ name: 'Owner', address: 'owner@agency.example' }],
          subject: `Question ${c}`,
          receivedAt: at,
          textBody: body,
          language: 'en',
          clientId: clientIds[i] as string,
          matchedBy: 'domain',
          absenceId: absence.id,
          autoReplyDecision: k === 0 ? 'reply' : 'no-reply',
          ingestedAt: at,
        });
        linkRows.push({ messageId, workspaceId, contactId: id, routedAt: at });
        if (k === 0) {
          replyRows.push({
            workspaceId,
            mailboxId: mailbox.id,
            messageId,
            sender: from,
            textId: 'en',
            outboxId: randomUUID(),
            queuedAt: at,
          });
          events.push({
            at,
            actorId: null,
            action: 'mail.auto_replied',
            subjectType: 'mail_message',
            subjectId: messageId,
            data: { to: from },
          });
        } else {
          events.push({
            at,
            actorId: null,
            action: 'coverage.message_joined',
            subjectType: 'coverage_contact',
            subjectId: id,
            data: { messageId },
          });
        }
      });
      if (answered) {
        events.push({
          at: new Date(receivedAt.getTime() + (c % 7) * HOUR),
          actorId: primary.id,
          action: 'coverage.replied',
          subjectType: 'coverage_contact',
          subjectId: id,
          data: { to: from },
        });
        events.push({
          at: new Date(receivedAt.getTime() + 8 * HOUR),
          actorId: primary.id,
          action: 'coverage.outcome_recorded',
          subjectType: 'coverage_contact',
          subjectId: id,
          data: {},
        });
      }
      if (c % 10 === 3) {
        escalationRows.push({
          workspaceId,
          absenceId: absence.id,
          contactId: id,
          clientId: clientIds[i] as string,
          rule: 'sla_breach',
          target: 'backup',
          recipientId: backup.id,
          state: open ? 'open' : 'resolved',
          evidence: {},
          createdAt: new Date(receivedAt.getTime() + slaMs),
          ...(open
            ? {}
            : {
                acknowledgedAt: new Date(receivedAt.getTime() + 9 * HOUR),
                acknowledgedBy: backup.id,
                resolvedAt: new Date(receivedAt.getTime() + 9 * HOUR),
                resolvedBy: backup.id,
              }),
        });
      }
    }
  }
  await insertChunks(contactRows, (chunk) => db.insert(coverageContacts).values(chunk));
  await insertChunks(rawRows, (chunk) => db.insert(mailRaw).values(chunk).onConflictDoNothing());
  await insertChunks(messageRows, (chunk) => db.insert(mailMessages).values(chunk));
  await insertChunks(linkRows, (chunk) => db.insert(coverageMessages).values(chunk));
  await insertChunks(replyRows, (chunk) => db.insert(autoReplies).values(chunk));
  await insertChunks(escalationRows, (chunk) => db.insert(escalations).values(chunk));

  // A recovery task and one call per client.
  const taskIds = clientIds.map(() => randomUUID());
  await insertChunks(
    clientIds.map((id, i) => ({
      id: taskIds[i] as string,
      workspaceId,
      absenceId: absence.id,
      clientId: id,
      ownerId: owner.id,
      rank: i + 1,
      score: 1,
      reasons: [],
      state: 'done' as const,
      attempts: 1,
      createdAt: new Date(now - DAY),
      doneAt: new Date(now),
    })),
    (chunk) => db.insert(recoveryTasks).values(chunk),
  );
  await insertChunks(
    clientIds.map((_, i) => ({
      workspaceId,
      taskId: taskIds[i] as string,
      outcome: i % 50 === 1 ? ('lost' as const) : ('recovered' as const),
      notes: 'Apologised; they need the invoice by Friday.',
      lostReason: i % 50 === 1 ? 'Moved to a competitor' : null,
      calledBy: owner.id,
      calledAt: new Date(now - DAY / 2),
    })),
    (chunk) => db.insert(recoveryCalls).values(chunk),
  );

  // The audit chain, as the use cases would have appended it (hash-chained, in time order).
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  const head = (await db.select().from(auditHeads).where(sql`${auditHeads.workspaceId} = ${workspaceId}`))[0];
  let prevHash = head?.hash ?? '0'.repeat(64);
  let seq = head?.seq ?? 0;
  const auditRows = events.map((event) => {
    seq += 1;
    const content = {
      workspaceId,
      seq,
      occurredAt: event.at.toISOString(),
      actorId: event.actorId,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      data: event.data,
    };
    const hash = hashAuditEvent(prevHash, content);
    const row = { ...content, prevHash, hash };
    prevHash = hash;
    return row;
  });
  await insertChunks(auditRows, (chunk) => db.insert(auditEvents).values(chunk));
  await db
    .insert(auditHeads)
    .values({ workspaceId, seq, hash: prevHash })
    .onConflictDoUpdate({ target: auditHeads.workspaceId, set: { seq, hash: prevHash } });
  return {
    workspaceId,
    absenceId: absence.id,
    counts: {
      clients: CLIENTS,
      contacts: contactRows.length,
      messages: messageRows.length,
      escalations: escalationRows.length,
      auditEvents: auditRows.length,
    },
  };
}

// ---- measurements, each in a child process started from this file ----

type Target = { target: DatabaseTarget; workspaceId: string; absenceId: string };
type BriefingResult = { briefing: number[]; briefingCpu: number[]; count: number[]; contacts: number };
type PdfResult = { seconds: number; cpuSeconds: number; bytes: number; rows: number; rssBeforeMb: number; peakRssMb: number };

const maxRssMb = () => process.resourceUsage().maxRSS / 1024;
/** CPU time of this process: on a busy machine, closer to what the work costs than the wall clock (PGlite runs in it too). */
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

async function measureInChild(kind: 'briefing' | 'pdf', job: Target) {
  const { target, workspaceId, absenceId } = job;
  const database = await openDatabase(target);
  try {
    const deps = createDependencies({ config, clock: systemClock, logger: createLogger('silent'), database });
    if (kind === 'briefing') {
      const absence = await deps.mail.absenceLookup.byId(workspaceId, absenceId);
      if (!absence) throw new Error('absence missing');
      const countContacts = async () =>
        Number(
          (await queryRows<{ n: number }>(deps.db, sql`select count(*) as n from coverage_contacts where absence_id = ${absenceId}`))[0]?.n,
        );
      await deps.returnBriefing.build(absence);
      await countContacts();
      const result: BriefingResult = { briefing: [], briefingCpu: [], count: [], contacts: 0 };
      for (let run = 0; run < RUNS; run++) {
        let startedAt = performance.now();
        const cpu = process.cpuUsage();
        const briefing = await deps.returnBriefing.build(absence);
        result.briefing.push(performance.now() - startedAt);
        result.briefingCpu.push(cpuMs(process.cpuUsage(cpu)));
        result.contacts = briefing.totals.contacts;
        startedAt = performance.now();
        await countContacts();
        result.count.push(performance.now() - startedAt);
      }
      return result;
    }
    const rssBeforeMb = maxRssMb();
    const startedAt = performance.now();
    const cpu = process.cpuUsage();
    const exported = await deps.reports.exportForCli(absenceId, 'pdf');
    const result: PdfResult = {
      seconds: (performance.now() - startedAt) / 1000,
      cpuSeconds: cpuMs(process.cpuUsage(cpu)) / 1000,
      bytes: exported.bytes.length,
      rows: exported.rows,
      rssBeforeMb,
      peakRssMb: maxRssMb(),
    };
    return result;
  } finally {
    await database.close();
  }
}

const self = fileURLToPath(import.meta.url);

function runChild<T>(kind: 'briefing' | 'pdf', job: Target): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', self, '--measure', kind, JSON.stringify(job)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    trackChild(child);
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.once('exit', (code) => {
      const line = output.trim().split('\n').at(-1) ?? '';
      if (code !== 0) reject(new Error(`${kind} measurement exited with ${code}: ${output}`));
      else resolve(JSON.parse(line) as T);
    });
  });
}

type Row = { backend: string; seed: Awaited<ReturnType<typeof seed>>; briefing: BriefingResult; pdf: PdfResult };

async function measureBackend(backend: string, target: DatabaseTarget, rows: Row[]) {
  const startedAt = performance.now();
  const seeded = await withDependencies(target, async (deps) => {
    const result = await seed(deps);
    if (target.kind === 'postgresql') await deps.db.execute(sql`ANALYZE`);
    return result;
  });
  console.log(`  ${backend}: seeded ${JSON.stringify(seeded.counts)} in ${fixed((performance.now() - startedAt) / 1000, 1)} s`);
  const job = { target, workspaceId: seeded.workspaceId, absenceId: seeded.absenceId };
  const briefing = await runChild<BriefingResult>('briefing', job);
  const pdf = await runChild<PdfResult>('pdf', job);
  rows.push({ backend, seed: seeded, briefing, pdf });
}

if (process.argv[2] === '--measure') {
  const kind = process.argv[3] as 'briefing' | 'pdf';
  const result = await measureInChild(kind, JSON.parse(process.argv[4] ?? '{}') as Target);
  console.log(JSON.stringify(result));
  process.exit(0);
}

await runBench(
  `Report of one absence: ${CLIENTS * CONTACTS_PER_CLIENT} contacts over ${CLIENTS} clients (return briefing, PDF export)`,
  async () => {
    const rows: Row[] = [];
    const dir = makeTempDir('report');
    await measureBackend('PGlite', { kind: 'pglite', dataDir: path.join(dir, 'data') }, rows);
    const database = await createBenchDatabase();
    if (database.skipped) console.log(`  PostgreSQL rows skipped: ${database.skipped}`);
    else await measureBackend('PostgreSQL', { kind: 'postgresql', url: database.url }, rows);

    console.log(
      `\n  median of ${RUNS} runs after one warm-up, in a fresh process; load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} CPU(s)`,
    );
    printTable(
      ['database', 'what', 'median ms', 'CPU ms (this process)', 'vs baseline'],
      rows.flatMap((row) => [
        [
          row.backend,
          `baseline: SELECT count(*) over the absence's ${row.briefing.contacts} contacts`,
          fixed(median(row.briefing.count), 1),
          '',
          '×1.00',
        ],
        [
          row.backend,
          'return briefing (build, target < 1000 ms on PGlite)',
          fixed(median(row.briefing.briefing), 1),
          fixed(median(row.briefing.briefingCpu), 1),
          ratio(median(row.briefing.briefing), median(row.briefing.count)),
        ],
      ]),
    );
    console.log('');
    printTable(
      ['database', 'PDF export', 'seconds', 'CPU seconds', 'rows', 'size MB', 'peak RSS MB', 'RSS before export MB (baseline)'],
      rows.map((row) => [
        row.backend,
        'baton report ID --format pdf (in-process)',
        fixed(row.pdf.seconds, 1),
        fixed(row.pdf.cpuSeconds, 1),
        String(row.pdf.rows),
        fixed(row.pdf.bytes / 1_048_576, 1),
        fixed(row.pdf.peakRssMb, 0),
        fixed(row.pdf.rssBeforeMb, 0),
      ]),
    );
  },
);
