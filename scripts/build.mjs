// Builds what `npm start` serves: the server bundle (esbuild) and the web UI (Vite), each only when
// its sources changed since the last build, so a second start costs nothing.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(entries) {
  let newest = 0;
  for (const entry of entries) {
    const full = path.join(root, entry);
    if (!existsSync(full)) continue;
    const stat = statSync(full);
    if (stat.isDirectory()) {
      newest = Math.max(
        newest,
        newestMtime(
          readdirSync(full)
            .filter((name) => name !== 'node_modules')
            .map((name) => path.join(entry, name)),
        ),
      );
    } else newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}

const isStale = (output, inputs) => !existsSync(path.join(root, output)) || statSync(path.join(root, output)).mtimeMs < newestMtime(inputs);

/**
 * Bundles `entry` (a path under the repository) as `<outdir>/<name>.js`, with the mail parse worker beside it: a
 * worker thread starts from a file (see ingestion.parse-pool.ts). The tests bundle their servers with it too.
 */
export async function bundleServer({
  name = 'baton',
  entry = 'src/cli/baton.ts',
  outdir = path.join(root, 'dist'),
  sourcemap = true,
} = {}) {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: {
      [name]: path.join(root, entry),
      'ingestion.parse-worker': path.join(root, 'src/domains/mail/ingestion.parse-worker.ts'),
    },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap,
    logLevel: 'warning',
  });
}

export const buildServer = () => bundleServer();

export async function buildWeb() {
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'web/vite.config.ts'), logLevel: 'warn' });
}

export async function buildIfStale({ force = false } = {}) {
  if (force || isStale('dist/baton.js', ['src', 'package.json', 'drizzle'])) {
    console.log('Building the Baton server…');
    await buildServer();
  }
  if (force || isStale('dist/web/index.html', ['web', 'src/contracts'])) {
    console.log('Building the Baton web UI…');
    await buildWeb();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildIfStale({ force: process.argv.includes('--force') });
}
