// Throughput and tail latency with autocannon: a bare Fastify hello-world (child process, like Baton),
// then Baton's public /api/health and authenticated GET /api/clients, on PGlite and on PostgreSQL.
// One server runs at a time; autocannon runs in this process, so it shares the CPU with the server alike.
import path from 'node:path';
import autocannon from 'autocannon';
import { runBench } from './lib/cleanup.mjs';
import { createBenchDatabase } from './lib/postgres.mjs';
import { fixed, printTable, ratio } from './lib/report.mjs';
import { login, makeTempDir, startBaton, startHello, stopProcess, waitForHealth } from './lib/server.mjs';

const CONNECTIONS = 10;
const WARMUP_SECONDS = 1;
const DURATION_SECONDS = 5;

function percentile(samples, fraction) {
  if (samples.length === 0) return Number.NaN;
  const sorted = Float64Array.from(samples).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

async function load(url, headers = {}) {
  const options = { url, connections: CONNECTIONS, headers, timeout: 5 };
  await autocannon({ ...options, duration: WARMUP_SECONDS });
  // autocannon's own histogram keeps whole milliseconds, too coarse for sub-millisecond routes:
  // the latency percentiles come from its per-response timings (float ms) instead.
  const latencies = [];
  const instance = autocannon({ ...options, duration: DURATION_SECONDS });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
  const result = await instance;
  return {
    rps: result.requests.average,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    total: result.requests.total,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

await runBench(`HTTP: ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up then ${DURATION_SECONDS} s per route`, async () => {
  const rows = [];
  const skipped = [];

  const hello = await startHello();
  await waitForHealth(hello);
  rows.push({ route: 'hello-world GET /api/health', db: '-', ...(await load(`${hello.url}/api/health`)) });
  await stopProcess(hello);

  const benchBaton = async (db, options) => {
    const baton = await startBaton({ name: `baton (${db})`, ...options });
    await waitForHealth(baton);
    const cookie = await login(baton);
    rows.push({ route: 'Baton GET /api/health', db, ...(await load(`${baton.url}/api/health`)) });
    rows.push({ route: 'Baton GET /api/clients (session)', db, ...(await load(`${baton.url}/api/clients`, { cookie })) });
    await stopProcess(baton);
  };

  const cwd = makeTempDir('http');
  await benchBaton('PGlite', { cwd, dataDir: path.join(cwd, 'data') });
  const database = await createBenchDatabase();
  if (database.skipped) skipped.push(database.skipped);
  else await benchBaton('PostgreSQL', { cwd, databaseUrl: database.url });

  const [baseline] = rows;
  printTable(
    ['route', 'database', 'req/s', 'p50 ms', 'p99 ms', 'req/s vs hello', 'p99 vs hello', 'requests', 'non-2xx/errors'],
    rows.map((row) => [
      row.route,
      row.db,
      fixed(row.rps),
      fixed(row.p50, 2),
      fixed(row.p99, 2),
      ratio(row.rps, baseline.rps),
      ratio(row.p99, baseline.p99),
      String(row.total),
      String(row.failed),
    ]),
  );
  for (const reason of skipped) console.log(`  PostgreSQL rows skipped: ${reason}`);
});
