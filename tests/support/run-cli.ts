import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Database, openDatabase } from '../../src/platform/db/database';
import { createTestDatabase, testBackend } from './test-database';

const root = path.resolve(import.meta.dirname, '../..');

/** The parent's environment without what Vitest adds to it or what would point the CLI at another database. */
function inheritedEnv() {
  const { DATABASE_URL: _db, DATA_DIR: _dir, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, PUBLIC_URL: _url, ...rest } = process.env;
  return rest;
}

/**
 * Runs the `baton` CLI in a child process (with `input` on its standard input), as bin/baton.js does: the bundle that
 * global-setup.ts built from this checkout's sources. Resolves with its exit code and output.
 */
export function runCli(
  args: string[],
  env: Record<string, string | undefined> = {},
  input?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const bundle = process.env.BATON_TEST_CLI_BUNDLE;
    if (!bundle) throw new Error('BATON_TEST_CLI_BUNDLE is not set: run the tests through vitest (tests/support/global-setup.ts)');
    const child = spawn(process.execPath, [bundle, ...args], {
      cwd: root,
      env: { ...inheritedEnv(), LOG_LEVEL: 'warn', BATON_DEMO: 'false', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    // Without `input` the CLI sees an empty standard input (end of file at once).
    child.stdin.end(input);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * A database the CLI (its own process) and the test can both open, on the backend under test: an
 * on-disk PGlite directory (opened by one process at a time) or a PostgreSQL test database.
 * `env` points the CLI at it; `dir` is a scratch folder removed by `cleanup`.
 */
export async function createCliDatabase(): Promise<{
  env: Record<string, string>;
  dir: string;
  openSameDatabase: () => Promise<Database>;
  cleanup: () => Promise<void>;
}> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'baton-cli-'));
  if (testBackend === 'pglite') {
    const dataDir = path.join(dir, 'data');
    return {
      env: { DATA_DIR: dataDir },
      dir,
      openSameDatabase: () => openDatabase({ kind: 'pglite', dataDir }),
      cleanup: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const database = await createTestDatabase();
  const url = database.url ?? '';
  return {
    env: { DATABASE_URL: url },
    dir,
    openSameDatabase: () => openDatabase({ kind: 'postgresql', url }),
    cleanup: async () => {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
