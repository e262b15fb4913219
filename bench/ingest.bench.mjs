// Ingestion throughput of the full pipeline (parse, sanitise, detect language, match, thread, raw copy,
// attachments, audit events and routing jobs), driven as the IMAP sync drives it: batches of INGEST_BATCH,
// each stored in one transaction while the next ones are parsed on the parse worker. On 5,000 generated messages
// (plain, HTML, attachments, Italian and English), beside bare mailparser `simpleParser` of the same corpus in
// the same run. On PGlite and on PostgreSQL. Peak memory (RSS) printed. Targets from issue 4 printed beside.
// CPU per message (Baton's process, all threads; the local PostgreSQL server's processes; bare parsing) is printed
// too: the ratio of rates moves with how busy the machine is, CPU per message moves with the work Baton does.
// MAIL_PARSE_THREADS in the environment sets the parse pool's threads, as it does for the server.

import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { tsImport } from 'tsx/esm/api';
import { onCleanup, runBench } from './lib/cleanup.mjs';
import { corpusMessage as message } from './lib/mail-corpus.mjs';
import { createBenchDatabase } from './lib/postgres.mjs';
import { fixed, printTable, ratio } from './lib/report.mjs';
import { postgresCpuMs } from './lib/server.mjs';

const COUNT = Number(process.env.BENCH_INGEST_COUNT ?? 5000);
const { createBaton } = await tsImport('../src/main.ts', import.meta.url);
const { loadConfig } = await tsImport('../src/platform/config/config.ts', import.meta.url);
const { createLogger } = await tsImport('../src/platform/logger/logger.ts', import.meta.url);
const { openDatabase } = await tsImport('../src/platform/db/database.ts', import.meta.url);
const { ingestBatches } = await tsImport('../src/domains/mail/ingestion.models.ts', import.meta.url);
const { PARSE_AHEAD_BATCHES } = await tsImport('../src/domains/mail/ingestion.parse-pool.ts', import.meta.url);

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);
sampler.unref();

async function seed(baton) {
  const { deps } = baton;
  const workspace = await deps.members.createWorkspace({ name: 'Bench', slug: 'bench', timezone: 'Europe/Rome' });
  const owner = await deps.members.createUser({
    workspaceId: workspace.id,
    email: 'anna@agency.example',
    name: 'Anna',
    role: 'admin',
    language: 'it',
    password: 'bench password long',
  });
  const mailbox = await deps.mail.mailboxes.create(
    { user: owner, workspace, session: null },
    { address: 'anna@agency.example', aliases: [] },
  );
  return { workspace, mailbox };
}

/** As the IMAP sync does: batches of INGEST_BATCH, each stored in one transaction while the next ones are parsed. */
async function ingestAll({ ingestion }, { workspace, mailbox }, raws) {
  const outcomes = {};
  const store = async (prepared) => {
    for (const result of await ingestion.storeBatch(await prepared)) outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
  };
  const parsing = [];
  for await (const batch of ingestBatches(raws, (raw) => raw.length)) {
    const inputs = batch.map((raw) => ({ workspaceId: workspace.id, mailboxId: mailbox.id, raw, receivedAt: new Date() }));
    parsing.push(ingestion.prepareBatch(inputs));
    if (parsing.length > PARSE_AHEAD_BATCHES) await store(parsing.shift());
  }
  for (const prepared of parsing) await store(prepared);
  return outcomes;
}

/**
 * Messages per second of the pipeline on `raws`, after a warm-up on `warmUp` (other messages), as the bare parser
 * gets one: a running Baton's parse worker and queries are warm after a mailbox's first batches, and a cold JIT
 * compiling on the second core would be counted against the pipeline only.
 */
async function pipelineRate(label, database, raws, warmUp) {
  const config = loadConfig({ LOG_LEVEL: 'silent', BATON_DEMO: 'false', MAIL_PARSE_THREADS: process.env.MAIL_PARSE_THREADS });
  const baton = await createBaton({ config, logger: createLogger('silent'), database, webDir: null, startJobs: false });
  try {
    const seeded = await seed(baton);
    await ingestAll(baton.deps.mail, seeded, warmUp);
    const startedAt = performance.now();
    const cpuAtStart = process.cpuUsage();
    const postgresAtStart = postgresCpuMs();
    const outcomes = await ingestAll(baton.deps.mail, seeded, raws);
    const seconds = (performance.now() - startedAt) / 1000;
    const cpu = process.cpuUsage(cpuAtStart);
    const postgresAtEnd = postgresCpuMs();
    const perMessage = (ms) => `${fixed(ms / raws.length, 2)} ms`;
    const server = label === 'PostgreSQL' && postgresAtStart !== null ? `, PostgreSQL ${perMessage(postgresAtEnd - postgresAtStart)}` : '';
    console.log(
      `  ${label}: ${JSON.stringify(outcomes)} in ${fixed(seconds, 1)} s; CPU per message: Baton ${perMessage((cpu.user + cpu.system) / 1000)}${server}`,
    );
    return raws.length / seconds;
  } finally {
    await baton.close();
  }
}

/** CPU milliseconds per message of the last bare parsing run, printed beside the pipeline's. */
let bareCpuPerMessage = Number.NaN;

async function bareRate(raws) {
  const startedAt = performance.now();
  const cpuAtStart = process.cpuUsage();
  for (const raw of raws) await simpleParser(raw);
  const cpu = process.cpuUsage(cpuAtStart);
  bareCpuPerMessage = (cpu.user + cpu.system) / 1000 / raws.length;
  return raws.length / ((performance.now() - startedAt) / 1000);
}

/**
 * The pipeline's rate beside bare parsing measured right before and right after it: this machine's speed drifts by
 * a quarter from one minute to the next, so the ratio is taken against the mean of the two.
 */
async function besideBare(raws, pipeline) {
  const before = await bareRate(raws);
  const rate = await pipeline();
  const after = await bareRate(raws);
  const bare = (before + after) / 2;
  return [fixed(rate), `${fixed(bare)} (${fixed(before)} / ${fixed(after)})`, ratio(rate, bare)];
}

await runBench(`Ingestion throughput, ${COUNT} generated messages (full pipeline vs bare mailparser)`, async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'baton-ingest-bench-'));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  for (let i = 0; i < COUNT; i++) await writeFile(path.join(dir, `m${String(i).padStart(5, '0')}.eml`), message(i));
  const files = (await readdir(dir)).filter((name) => name.endsWith('.eml')).sort();
  const raws = await Promise.all(files.map((name) => readFile(path.join(dir, name))));
  const megabytes = raws.reduce((sum, raw) => sum + raw.length, 0) / 1e6;
  console.log(`  corpus: ${raws.length} messages, ${fixed(megabytes, 1)} MB in ${dir}`);

  const rows = [];
  // Warm-up passes first, so that neither side is measured on a cold JIT: the bare parser on the corpus's first 500
  // messages, each pipeline on 500 others (ingesting the corpus's own would make them duplicates).
  await bareRate(raws.slice(0, 500));
  const warmUp = Array.from({ length: 500 }, (_, i) => Buffer.from(message(COUNT + i)));
  const pgliteDir = path.join(dir, 'pglite');
  const pglite = await besideBare(raws, async () =>
    pipelineRate('PGlite', await openDatabase({ kind: 'pglite', dataDir: pgliteDir }), raws, warmUp),
  );
  rows.push(['PGlite', ...pglite, '≥ 0.3×']);

  const pg = await createBenchDatabase();
  if ('skipped' in pg) console.log(`  ${pg.skipped}`);
  else {
    const database = await openDatabase({ kind: 'postgresql', url: pg.url });
    rows.push(['PostgreSQL', ...(await besideBare(raws, () => pipelineRate('PostgreSQL', database, raws, warmUp))), '≥ 0.5×']);
    await database.close();
  }
  printTable(['backend', 'pipeline msg/s', 'bare simpleParser msg/s (before / after)', 'ratio', 'target'], rows);
  console.log(`  bare parsing's CPU per message: ${fixed(bareCpuPerMessage, 2)} ms`);
  console.log(`  peak RSS ${fixed(peakRss / 1024 / 1024)} MiB`);
});
