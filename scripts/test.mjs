// `npm test`: the whole suite — unit and API tests on embedded PGlite, again on PostgreSQL when
// BATON_TEST_POSTGRES_URL is set (CI sets it), and the browser tests in Chromium.
// The browser tests spend most of their time waiting on pages, not on the CPU, so they run alongside the database
// stages (their output goes to tmp/browser-tests.log and is printed once they end); with arguments, only the
// database stages run, with the arguments passed to Vitest.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const e2eOnly = args.includes('--e2e-only');
const passthrough = args.filter((arg) => arg !== '--e2e-only');
const results = [];

function run(label, command, commandArgs, env = {}) {
  console.log(`\n=== ${label} ===`);
  const outcome = spawnSync(command, commandArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  results.push({ label, ok: outcome.status === 0 });
}

/** Starts the browser stage in the background, its output into a log file; resolves with its result when it ends. */
async function startBrowserStage() {
  const label = 'browser tests (Chromium)';
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    console.error(`\nBrowser tests need Chromium at ${chromium} (apt-get install -y chromium, or set CHROMIUM_PATH).`);
    return async () => ({ label, ok: false });
  }
  await buildIfStale();
  mkdirSync(path.join(root, 'tmp'), { recursive: true });
  const log = path.join(root, 'tmp', 'browser-tests.log');
  const fd = openSync(log, 'w');
  console.log(`\n=== ${label}: started alongside, output in ${path.relative(process.cwd(), log)} ===`);
  const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'vitest.e2e.config.ts'], {
    cwd: root,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const ended = new Promise((resolve) => child.once('exit', (code) => resolve(code === 0)));
  return async () => {
    const ok = await ended;
    console.log(`\n=== ${label} ===`);
    process.stdout.write(readFileSync(log, 'utf8'));
    return { label, ok };
  };
}

const browserStage = passthrough.length === 0 ? await startBrowserStage() : null;
const vitest = ['node_modules/vitest/vitest.mjs', 'run', ...passthrough];
if (!e2eOnly) {
  run('tests on PGlite (embedded)', process.execPath, vitest, { BATON_TEST_DB: 'pglite' });
  if (process.env.BATON_TEST_POSTGRES_URL) {
    run('tests on PostgreSQL', process.execPath, vitest, { BATON_TEST_DB: 'postgresql' });
  } else {
    console.log('\n(BATON_TEST_POSTGRES_URL is not set: the PostgreSQL pass is skipped; CI runs it.)');
  }
}
if (browserStage) results.push(await browserStage());

console.log('\n=== summary ===');
for (const result of results) console.log(`${result.ok ? 'passed' : 'FAILED'}  ${result.label}`);
const failed = results.filter((result) => !result.ok).length;
console.log(`stages: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
