// Resident memory (VmRSS of the server child, Linux /proc) after start, demo loaded and warm-up requests
// across read routes, embedded (PGlite runs in-process, so its memory counts) vs PostgreSQL (a separate
// server, not counted), beside a bare Fastify hello-world after the same number of requests.
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { runBench } from './lib/cleanup.mjs';
import { createBenchDatabase } from './lib/postgres.mjs';
import { fixed, printTable, ratio } from './lib/report.mjs';
import {
  login,
  makeTempDir,
  readMemory,
  request,
  startBaton,
  startHello,
  startPgliteAlone,
  stopProcess,
  waitForHealth,
} from './lib/server.mjs';

const WARMUP_REQUESTS = 200;
const CONCURRENCY = 4;
const SETTLE_MS = 1000;
const MB = 1_000_000;
// Routes a member (the demo login) may read.
const BATON_ROUTES = ['/api/health', '/api/auth/session', '/api/clients', '/api/users', '/api/workspace'];

/** `count` GETs spread round-robin over `routes`, `CONCURRENCY` at a time; returns how many were not 2xx. */
async function warmUp(server, routes, headers = {}) {
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < WARMUP_REQUESTS) {
      const route = routes[next++ % routes.length];
      const response = await request(`${server.url}${route}`, { headers });
      if (response.status < 200 || response.status >= 300) failed++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return failed;
}

async function measure(server, routes, headers) {
  const failed = await warmUp(server, routes, headers);
  await sleep(SETTLE_MS);
  return { ...readMemory(server.pid), failed };
}

await runBench(`Memory: RSS after start + demo + ${WARMUP_REQUESTS} warm-up requests`, async () => {
  const rows = [];
  const skipped = [];

  const hello = await startHello();
  await waitForHealth(hello);
  const baseline = await measure(hello, ['/api/health']);
  await stopProcess(hello);
  rows.push({ server: 'hello-world (bare Fastify)', target: '', ...baseline });

  const measureBaton = async (label, target, options) => {
    const baton = await startBaton({ name: `baton (${label})`, ...options });
    await waitForHealth(baton);
    const cookie = await login(baton);
    rows.push({ server: `Baton, ${label}`, target, ...(await measure(baton, BATON_ROUTES, { cookie })) });
    await stopProcess(baton);
  };

  const cwd = makeTempDir('memory');
  const dataDir = path.join(cwd, 'data');
  // The first start creates the data dir (initdb inside PGlite) and loads the demo in the same process;
  // the restart is the steady state of an installed Baton.
  await measureBaton('PGlite, first start (empty dir)', '≤ 600 MB', { cwd, dataDir });
  await measureBaton('PGlite, restart (initialised dir)', '≤ 600 MB', { cwd, dataDir });
  const pglite = await startPgliteAlone({ dataDir });
  await waitForHealth(pglite);
  rows.push({ server: 'PGlite alone, same dir (no Baton)', target: '', ...(await measure(pglite, ['/api/health'])) });
  await stopProcess(pglite);
  const database = await createBenchDatabase();
  if (database.skipped) skipped.push(database.skipped);
  else {
    await measureBaton('PostgreSQL, first start', '≤ 250 MB', { cwd, databaseUrl: database.url });
    await measureBaton('PostgreSQL, restart', '≤ 250 MB', { cwd, databaseUrl: database.url });
  }

  printTable(
    ['server', 'RSS MB', 'peak RSS MB', 'target', 'RSS vs hello', 'non-2xx warm-up'],
    rows.map((row) => [
      row.server,
      fixed(row.rss / MB),
      fixed(row.peak / MB),
      row.target,
      ratio(row.rss, baseline.rss),
      String(row.failed),
    ]),
  );
  console.log('  MB = 10^6 bytes; peak = VmHWM. The PostgreSQL server process itself is not counted.');
  for (const reason of skipped) console.log(`  PostgreSQL row skipped: ${reason}`);
});
