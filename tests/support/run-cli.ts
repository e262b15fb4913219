import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** The parent's environment without what Vitest adds to it or what would point the CLI at another database. */
function inheritedEnv() {
  const { DATABASE_URL: _db, DATA_DIR: _dir, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, PUBLIC_URL: _url, ...rest } = process.env;
  return rest;
}

/** Runs the `baton` CLI from source in a child process; resolves with its exit code and output. */
export function runCli(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/baton.ts'), ...args], {
      cwd: root,
      env: { ...inheritedEnv(), LOG_LEVEL: 'warn', BATON_DEMO: 'false', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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
