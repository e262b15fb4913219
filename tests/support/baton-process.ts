// Baton as a real server process, for tests that kill it (SIGKILL) and start it again on the same database.
// The server is bundled once per test file with esbuild, as `npm start` runs it (about a second; each start then
// skips the seconds tsx spends transpiling), into tmp/ under the repository so that its packages resolve.
// The `baton` CLI is bundled the same way, once per test run (global-setup.ts), as bin/baton.js runs it.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
// @ts-expect-error scripts/build.mjs is plain JavaScript without declarations (node runs it before any build)
import { bundleServer } from '../../scripts/build.mjs';
import { freePort } from './free-port';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Bundles `entry` as `dist/<name>.js` with the mail parse worker beside it (scripts/build.mjs, as for dist/), into a
 * fresh folder under tmp/ (where the packages resolve) that finds the migrations at ../drizzle as dist/baton.js does.
 */
export async function bundleForTests(name: string, entry: string) {
  await mkdir(path.join(root, 'tmp'), { recursive: true });
  const dir = await mkdtemp(path.join(root, 'tmp', `${name}-`));
  await symlink(path.join(root, 'drizzle'), path.join(dir, 'drizzle'));
  await bundleServer({ name, entry, outdir: path.join(dir, 'dist'), sourcemap: false });
  return { file: path.join(dir, 'dist', `${name}.js`), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** tests/support/baton-server.ts (`baton start` with test timings), bundled once per test file. */
export const bundleBatonServer = () => bundleForTests('baton-server', 'tests/support/baton-server.ts');

export type BatonProcess = {
  pid: number;
  url: string;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<string>;
  /** SIGKILL: no shutdown code runs, as in a crash or an OOM kill. */
  kill: () => Promise<string>;
  /** SIGTERM: the orderly shutdown (`baton start` closes listeners, jobs and the database). */
  stop: () => Promise<string>;
  /** The last output lines, for a failure message. */
  output: () => string;
};

/** The parent's environment without what Vitest adds or what would point Baton at another database. */
function inheritedEnv() {
  const { DATABASE_URL: _db, DATA_DIR: _dir, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, PUBLIC_URL: _url, ...rest } = process.env;
  return rest;
}

/** Starts the bundled server with `env` (database, ports, keys) and resolves once it serves HTTP. */
export async function startBatonProcess(bundle: string, env: Record<string, string>): Promise<BatonProcess> {
  const port = env.PORT ?? String(await freePort());
  const child: ChildProcess = spawn(process.execPath, [bundle], {
    env: { ...inheritedEnv(), LOG_LEVEL: 'warn', BATON_DEMO: 'false', HOST: '127.0.0.1', ...env, PORT: port },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`)));
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Baton did not start within 60 s:\n${output}`));
    }, 60_000);
    const onData = () => {
      if (!output.includes('is running at')) return;
      clearTimeout(timer);
      resolve();
    };
    child.stdout?.on('data', onData);
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`Baton exited (${how}) before it was ready:\n${output}`));
    });
  });
  const signal = (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    return exited;
  };
  return {
    pid: child.pid ?? 0,
    url,
    exited,
    kill: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
    output: () => output,
  };
}

/** A signed-in admin talking to a Baton process over HTTP (its session survives restarts: it is in the database). */
export async function signInOverHttp(url: string, email: string, password: string) {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const cookie = /baton_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  if (!cookie) throw new Error('no session cookie');
  return async <T>(baseUrl: string, method: 'GET' | 'POST', pathname: string): Promise<T> => {
    const reply = await fetch(`${baseUrl}${pathname}`, {
      method,
      headers: { cookie: `baton_session=${cookie}`, 'x-csrf-token': csrfToken },
    });
    if (!reply.ok) throw new Error(`${method} ${pathname}: ${reply.status} ${await reply.text()}`);
    return (await reply.json()) as T;
  };
}
