// `npm test`: the whole suite — unit and API tests on embedded PGlite, again on PostgreSQL when
// BATON_TEST_POSTGRES_URL is set (CI sets it), then the browser tests in Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { buildIfStale } from './build.mjs';

const args = process.argv.slice(2);
const e2eOnly = args.includes('--e2e-only');
const passthrough = args.filter((arg) => arg !== '--e2e-only');
const results = [];

function run(label, command, commandArgs, env = {}) {
  console.log(`\n=== ${label} ===`);
  const outcome = spawnSync(command, commandArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  results.push({ label, ok: outcome.status === 0 });
}

const vitest = ['node_modules/vitest/vitest.mjs', 'run', ...passthrough];
if (!e2eOnly) {
  run('tests on PGlite (embedded)', process.execPath, vitest, { BATON_TEST_DB: 'pglite' });
  if (process.env.BATON_TEST_POSTGRES_URL) {
    run('tests on PostgreSQL', process.execPath, vitest, { BATON_TEST_DB: 'postgresql' });
  } else {
    console.log('\n(BATON_TEST_POSTGRES_URL is not set: the PostgreSQL pass is skipped; CI runs it.)');
  }
}
if (passthrough.length === 0) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    console.error(`\nBrowser tests need Chromium at ${chromium} (apt-get install -y chromium, or set CHROMIUM_PATH).`);
    results.push({ label: 'browser tests', ok: false });
  } else {
    await buildIfStale();
    run('browser tests (Chromium)', process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'vitest.e2e.config.ts']);
  }
}

console.log('\n=== summary ===');
for (const result of results) console.log(`${result.ok ? 'passed' : 'FAILED'}  ${result.label}`);
const failed = results.filter((result) => !result.ok).length;
console.log(`stages: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
