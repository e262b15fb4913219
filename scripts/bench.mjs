// `npm run bench`: builds the server bundle, then runs every bench/*.bench.mjs|ts one after the other, each in
// its own Node process (TypeScript ones through tsx). Benches print figures beside a baseline measured in
// the same run; they never assert on timing. The exit code is non-zero only when a bench crashed.
//   npm run bench                  all benches
//   npm run bench -- http memory   only the benches whose file name contains one of the words
//   npm run bench -- --no-build    use dist/baton.js as it is
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'bench');
const args = process.argv.slice(2);
const filters = args.filter((arg) => !arg.startsWith('--'));

const files = readdirSync(benchDir)
  .filter((name) => /\.bench\.(mjs|ts)$/.test(name))
  .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
  .sort();
if (files.length === 0) {
  console.error(`No bench/*.bench.mjs|ts file matches ${filters.join(', ')}`);
  process.exit(1);
}

if (!args.includes('--no-build')) {
  // The API benches need the server bundle only, not the web UI.
  const { buildServer } = await import('./build.mjs');
  console.log('Building the Baton server bundle (dist/baton.js)…');
  await buildServer();
} else if (!existsSync(path.join(root, 'dist', 'baton.js'))) {
  console.error('dist/baton.js is missing: run without --no-build');
  process.exit(1);
}

console.log(`Node ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ''}, ${os.platform()} ${os.release()}`);

// Ctrl-C reaches the running bench too (same process group): it cleans up, and no further bench starts.
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    interrupted = true;
  });
}

const failed = [];
const startedAt = performance.now();
for (const file of files) {
  if (interrupted) break;
  const entry = path.join(benchDir, file);
  const nodeArgs = file.endsWith('.ts') ? ['--import', 'tsx', entry] : [entry];
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, nodeArgs, { cwd: root, stdio: 'inherit' });
    child.once('error', (error) => {
      console.error(`Could not run ${file}: ${error.message}`);
      resolve(1);
    });
    child.once('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
  });
  if (code !== 0) failed.push(file);
}

console.log(`\nBenchmarks done in ${((performance.now() - startedAt) / 1000).toFixed(0)} s${interrupted ? ' (interrupted)' : ''}.`);
if (failed.length > 0) {
  console.error(`Crashed: ${failed.join(', ')}`);
  process.exitCode = 1;
} else if (interrupted) process.exitCode = 130;
