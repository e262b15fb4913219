// The delegate console at scale (10,000 clients, 50,000 contacts over three active absences): GET
// /api/coverage/queue (a delegate's open queue) and GET /api/coverage/contacts/:id (a contact with its brief and
// FAQ matches) through the built server at a fixed open-loop rate, beside a bare Fastify hello-world at the same
// rate in the same run; then routing + notification of one inbound message (ingest + the mail.route job) beside the
// same messages ingested into a mailbox whose owner is not away (routing skips). On PGlite and on PostgreSQL.
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { createDependencies, type Dependencies } from '../src/app/dependencies';
import { coverageMessages } from '../src/domains/coverage/coverage.schema';
import { systemClock } from '../src/platform/clock/clock';
import { loadConfig } from '../src/platform/config/config';
import { type DatabaseTarget, openDatabase } from '../src/platform/db/database';
import { createJobRunner } from '../src/platform/jobs/jobs';
import { createLogger } from '../src/platform/logger/logger';
// @ts-expect-error the bench helpers are plain JavaScript without declarations
import { runBench } from './lib/cleanup.mjs';
import { type CoverageSeed, seedCoverage, TOPICS } from './lib/coverage-seed';
// @ts-expect-error the bench helpers are plain JavaScript without declarations
import { oneAtATime, openLoop, percentile, settle } from './lib/open-loop.mjs';
// @ts-expect-error the bench helpers are plain JavaScript without declarations
import { createBenchDatabase } from './lib/postgres.mjs';
// @ts-expect-error the bench helpers are plain JavaScript without declarations
import { fixed, median, printTable, ratio } from './lib/report.mjs';
// @ts-expect-error the bench helpers are plain JavaScript without declarations
import { login, makeTempDir, readCpuMs, request, startBaton, startHello, stopProcess, waitForHealth } from './lib/server.mjs';

const RATE = Number(process.env.BENCH_COVERAGE_RATE ?? 50);
const SECONDS = Number(process.env.BENCH_COVERAGE_SECONDS ?? 20);
const MESSAGES = Number(process.env.BENCH_COVERAGE_MESSAGES ?? 200);
const WARMUP_MESSAGES = 10;

type Load = { requests: number; failed: number; p50: number; p99: number; max: number };
/** `cpuPerRequest`: CPU the server process (Node, with PGlite inside it; not a PostgreSQL server) used per request under load. */
type ApiRow = { backend: string; route: string; load: Load; hello: Load; alone: { p50: number }; cpuPerRequest: number };
type RoutingRow = { backend: string; what: string; samples: number[]; baseline: number[] };

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

type Server = { url: string; name: string; pid: number };

async function measureApi(backend: string, server: Server, seed: CoverageSeed, rows: ApiRow[]) {
  const cookie = await login(server, { email: seed.delegate.email, password: seed.delegate.password });
  const headers = { cookie };
  const queue = await request(`${server.url}/api/coverage/queue`, { headers });
  const detail = await request(`${server.url}/api/coverage/contacts/${seed.detailIds[0]}`, { headers });
  if (queue.status !== 200 || detail.status !== 200)
    throw new Error(`console API answered ${queue.status}/${detail.status}: ${detail.body}`);
  const contact = JSON.parse(detail.body);
  console.log(
    `  ${backend}: the queue lists ${JSON.parse(queue.body).contacts.length} contacts; a contact shows ${contact.messages.length} message(s), ` +
      `a brief with ${contact.brief?.content.faq.length ?? 0} FAQ entries, ${contact.faqMatches.length} FAQ match(es)`,
  );

  const measure = async (pid: number, urlAt: (n: number) => string, withHeaders: Record<string, string>) => {
    const alone = await oneAtATime({ urlAt, headers: withHeaders });
    const cpuBefore = readCpuMs(pid);
    const load: Load = await openLoop({ urlAt, headers: withHeaders, rate: RATE, seconds: SECONDS });
    await settle({ url: urlAt(0).replace(/\/api\/.*$/, '/api/health') });
    // The warm-up requests and the settling health checks count too: a slight overestimate, alike for every route.
    return { alone, load, cpuPerRequest: (readCpuMs(pid) - cpuBefore) / load.requests };
  };
  const hello = await startHello();
  await waitForHealth(hello);
  const helloRun = await measure(hello.pid, () => `${hello.url}/api/health`, {});
  await stopProcess(hello);
  const queueRun = await measure(server.pid, () => `${server.url}/api/coverage/queue`, headers);
  const detailRun = await measure(
    server.pid,
    (n) => `${server.url}/api/coverage/contacts/${seed.detailIds[n % seed.detailIds.length]}`,
    headers,
  );
  rows.push({ backend, route: 'hello-world GET /api/health', ...helloRun, hello: helloRun.load });
  rows.push({ backend, route: 'GET /api/coverage/queue (open, mine, first 50)', ...queueRun, hello: helloRun.load });
  rows.push({ backend, route: 'GET /api/coverage/contacts/:id', ...detailRun, hello: helloRun.load });
}

/** A client's email (every fourth one answers the previous one, so it joins that contact). */
function rawMessage(seed: CoverageSeed, tag: string, k: number) {
  const client = seed.routedClients[k % seed.routedClients.length];
  const thread = k % 4 === 3 ? k - 1 : k;
  const topic = TOPICS[k % TOPICS.length] as (typeof TOPICS)[number];
  const id = (n: number) => `<route-${tag}-${n}@client${client}.example>`;
  return Buffer.from(
    [
      `From: Buyer ${thread} <buyer${thread}@client${client}.example>`,
      'To: Owner <owner0@agency.example>',
      `Subject: ${k === thread ? '' : 'Re: '}${topic.subject}`,
      `Date: ${new Date().toUTCString()}`,
      `Message-ID: ${id(k)}`,
      ...(k === thread ? [] : [`In-Reply-To: ${id(thread)}`, `References: ${id(thread)}`]),
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      topic.text,
      '',
    ].join('\r\n'),
  );
}

async function measureRouting(backend: string, target: DatabaseTarget, seed: CoverageSeed, rows: RoutingRow[]) {
  await withDependencies(target, async (deps) => {
    const mailRoute = deps.jobDefinitions.filter((definition) => definition.name === 'mail.route');
    const runner = createJobRunner({ db: deps.db, clock: systemClock, logger: createLogger('silent'), definitions: mailRoute });
    const once = async (mailboxId: string, raw: Buffer) => {
      const startedAt = performance.now();
      const result = await deps.mail.ingestion.ingestRawMessage({ workspaceId: seed.workspaceId, mailboxId, raw, receivedAt: new Date() });
      await runner.runDue();
      if (result.outcome !== 'ingested') throw new Error(`message not ingested: ${result.outcome}`);
      return performance.now() - startedAt;
    };
    const routedBefore = (await deps.db.select({ id: coverageMessages.messageId }).from(coverageMessages)).length;
    const routed: number[] = [];
    const baseline: number[] = [];
    // Alternating, so both sides meet the same warm caches and the same database size.
    for (let k = 0; k < WARMUP_MESSAGES + MESSAGES; k++) {
      const present = await once(seed.presentMailboxId, rawMessage(seed, `present-${backend}`, k));
      const absent = await once(seed.absentMailboxId, rawMessage(seed, `absent-${backend}`, k));
      if (k < WARMUP_MESSAGES) continue;
      baseline.push(present);
      routed.push(absent);
    }
    const routedNow = (await deps.db.select({ id: coverageMessages.messageId }).from(coverageMessages)).length - routedBefore;
    if (routedNow !== WARMUP_MESSAGES + MESSAGES) throw new Error(`${routedNow} messages routed, expected ${WARMUP_MESSAGES + MESSAGES}`);
    rows.push({ backend, what: 'ingest + mail.route (auto-reply, routing, notification)', samples: routed, baseline });
  });
}

async function measureBackend(
  backend: string,
  target: DatabaseTarget,
  server: { cwd: string; dataDir?: string; databaseUrl?: string },
  apiRows: ApiRow[],
  routingRows: RoutingRow[],
) {
  const startedAt = performance.now();
  const seed = await withDependencies(target, async (deps) => {
    const seeded = await seedCoverage(deps, new Date());
    // What would have happened by now to rows written over weeks: a PostgreSQL server's autovacuum analyses them (the
    // test server may run without it); on PGlite, which has none, Baton's maintenance job vacuums and analyses them.
    // (The server started next runs that job too, with nothing left to do.)
    if (target.kind === 'postgresql') await deps.db.execute(sql`ANALYZE`);
    else await deps.maintenance.runOnce();
    return seeded;
  });
  console.log(`  ${backend}: seeded ${JSON.stringify(seed.counts)} in ${fixed((performance.now() - startedAt) / 1000, 1)} s`);
  const baton = await startBaton({ name: `baton (${backend})`, demo: false, ...server });
  await waitForHealth(baton);
  await measureApi(backend, baton, seed, apiRows);
  await stopProcess(baton);
  await measureRouting(backend, target, seed, routingRows);
}

await runBench(
  `Coverage console at ${RATE} req/s for ${SECONDS} s per route (open loop), and routing of ${MESSAGES} messages`,
  async () => {
    const apiRows: ApiRow[] = [];
    const routingRows: RoutingRow[] = [];
    const cwd = makeTempDir('coverage');
    const dataDir = path.join(cwd, 'data');
    await measureBackend('PGlite', { kind: 'pglite', dataDir }, { cwd, dataDir }, apiRows, routingRows);
    const database = await createBenchDatabase();
    if (database.skipped) console.log(`  PostgreSQL rows skipped: ${database.skipped}`);
    else
      await measureBackend(
        'PostgreSQL',
        { kind: 'postgresql', url: database.url },
        { cwd, databaseUrl: database.url },
        apiRows,
        routingRows,
      );

    console.log(
      `\n  alone: one request at a time (the service time); p50/p99/max: ${RATE} req/s for ${SECONDS} s, each request sent on schedule;` +
        '\n  CPU/req: CPU time of the server process under that load per request (PGlite runs inside it; a PostgreSQL server does not)',
    );
    printTable(
      [
        'database',
        'route',
        'alone p50 ms',
        'p50 ms',
        'p99 ms',
        'max ms',
        'p99 vs hello (target ≤ ×3)',
        'CPU/req ms',
        'requests',
        'non-2xx/errors',
      ],
      apiRows.map((row) => [
        row.backend,
        row.route,
        fixed(row.alone.p50, 2),
        fixed(row.load.p50, 2),
        fixed(row.load.p99, 2),
        fixed(row.load.max, 1),
        ratio(row.load.p99, row.hello.p99),
        fixed(row.cpuPerRequest, 2),
        String(row.load.requests),
        String(row.load.failed),
      ]),
    );
    console.log('');
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    printTable(
      ['database', 'per message', 'mean ms', 'p50 ms', 'p95 ms', 'mean vs baseline'],
      routingRows.flatMap((row) => [
        [
          row.backend,
          'baseline: ingest, owner not away (routing skips)',
          fixed(mean(row.baseline), 2),
          fixed(median(row.baseline), 2),
          fixed(percentile(row.baseline, 0.95), 2),
          '×1.00',
        ],
        [
          row.backend,
          row.what,
          fixed(mean(row.samples), 2),
          fixed(median(row.samples), 2),
          fixed(percentile(row.samples, 0.95), 2),
          ratio(mean(row.samples), mean(row.baseline)),
        ],
      ]),
    );
  },
);
