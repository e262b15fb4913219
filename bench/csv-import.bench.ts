// CSV import of 10,000 clients (one contact and one domain each), rows/s, through the same use cases
// as the API job and the CLI (parse → check → match → one transaction of batched inserts), on PGlite
// and on PostgreSQL, beside a same-run baseline: bare csv-parse parsing of the same file.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { createDependencies } from '../src/app/dependencies';
import { systemClock } from '../src/platform/clock/clock';
import { loadConfig } from '../src/platform/config/config';
import { type Database, openDatabase } from '../src/platform/db/database';
import { createLogger } from '../src/platform/logger/logger';
import { generateClientsCsv } from '../tests/clients/clients-csv';
// @ts-expect-error the bench helpers are plain JavaScript without declarations
import { onCleanup, runBench } from './lib/cleanup.mjs';
// @ts-expect-error the bench helpers are plain JavaScript without declarations
import { createBenchDatabase } from './lib/postgres.mjs';
// @ts-expect-error the bench helpers are plain JavaScript without declarations
import { fixed, median, printTable, ratio } from './lib/report.mjs';

const ROWS = 10_000;
const RUNS = 3;

async function timeImport(database: Database, csv: string) {
  await database.migrate();
  const deps = createDependencies({
    config: loadConfig({ LOG_LEVEL: 'silent', BATON_DEMO: 'false' }),
    clock: systemClock,
    logger: createLogger('silent'),
    database,
  });
  const seconds: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const workspace = await deps.members.createWorkspace({ name: `Bench ${run}`, slug: `bench-${run}-${Date.now()}` });
    const started = performance.now();
    const prepared = await deps.clientImports.prepare({ workspaceId: workspace.id, csv, actor: null });
    await deps.clientImports.importPrepared({ workspaceId: workspace.id, actorId: null, prepared, fileName: 'bench.csv' });
    seconds.push((performance.now() - started) / 1000);
  }
  return median(seconds);
}

await runBench('CSV import: 10,000 clients, rows/s', async () => {
  const csv = generateClientsCsv(ROWS);
  const parseSeconds: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    parse(csv, { bom: true });
    parseSeconds.push((performance.now() - started) / 1000);
  }
  const baseline = ROWS / median(parseSeconds);

  const rows: string[][] = [['csv-parse only (baseline)', fixed(baseline), '×1.00', fixed(median(parseSeconds) * 1000)]];

  const dir = await mkdtemp(path.join(os.tmpdir(), 'baton-bench-import-'));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  const pglite = await openDatabase({ kind: 'pglite', dataDir: dir });
  onCleanup(() => pglite.close());
  const pgliteSeconds = await timeImport(pglite, csv);
  rows.push(['Baton import, PGlite', fixed(ROWS / pgliteSeconds), ratio(ROWS / pgliteSeconds, baseline), fixed(pgliteSeconds * 1000)]);

  const target = await createBenchDatabase();
  if ('skipped' in target) {
    console.log(`  ${target.skipped}`);
  } else {
    const postgres = await openDatabase({ kind: 'postgresql', url: target.url });
    onCleanup(() => postgres.close());
    const postgresSeconds = await timeImport(postgres, csv);
    rows.push([
      'Baton import, PostgreSQL',
      fixed(ROWS / postgresSeconds),
      ratio(ROWS / postgresSeconds, baseline),
      fixed(postgresSeconds * 1000),
    ]);
  }
  console.log(`\nCSV import of ${ROWS.toLocaleString('en')} clients (median of ${RUNS} runs; a new workspace each run)`);
  printTable(['', 'rows/s', 'vs baseline', 'ms'], rows);
});
