// Spawning servers under test (Baton's bundle, the hello-world baseline) on 127.0.0.1 and talking to them.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { onCleanup, trackChild } from './cleanup.mjs';

export const HOST = '127.0.0.1';
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const batonBundle = path.join(root, 'dist', 'baton.js');
const helloServer = path.join(root, 'bench', 'lib', 'hello-server.mjs');
const pgliteServer = path.join(root, 'bench', 'lib', 'pglite-server.mjs');

export const DEMO_LOGIN = { email: 'anna@ferri-bellini.example', password: 'baton-demo-2026' };

// Every variable Baton reads: the bench sets what it needs, nothing leaks in from the caller's shell.
const BATON_ENV = [
  'PORT',
  'HOST',
  'BASE_URL',
  'DATABASE_URL',
  'DATA_DIR',
  'BATON_DEMO',
  'SMTP_URL',
  'MAIL_FROM',
  'SESSION_TTL_HOURS',
  'INVITATION_TTL_HOURS',
  'LOGIN_RATE_LIMIT',
  'JOB_POLL_MS',
  'TRUST_PROXY',
  'LOG_LEVEL',
];

function childEnv(extra) {
  const env = { ...process.env };
  for (const name of BATON_ENV) delete env[name];
  return { ...env, ...extra };
}

/** A temp directory removed on cleanup. */
export function makeTempDir(label) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `baton-bench-${label}-`));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** One HTTP request without keep-alive, bounded by `timeoutMs`. */
export function request(url, { method = 'GET', headers = {}, body, timeoutMs = 5000 } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const allHeaders = payload ? { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : headers;
    const req = http.request(url, { method, headers: allHeaders, agent: false, timeout: timeoutMs }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        data += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: data }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs} ms: ${method} ${url}`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * Spawns `node <script> <args>` listening on a free port of 127.0.0.1. `startedAt` is taken just before
 * the spawn so that cold-start figures include process creation. The child is stopped on cleanup.
 */
export async function startProcess({ name, script, args = [], env = {}, cwd = root }) {
  const port = await freePort();
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk).slice(-20_000);
  };
  const startedAt = performance.now();
  const child = spawn(process.execPath, [script, ...args], {
    cwd,
    env: childEnv({ ...env, PORT: String(port), HOST }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  trackChild(child);
  child.stdout.setEncoding('utf8').on('data', keep);
  child.stderr.setEncoding('utf8').on('data', keep);
  let exit = null;
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    });
  });
  const server = {
    name,
    child,
    pid: child.pid,
    port,
    url: `http://${HOST}:${port}`,
    startedAt,
    exited,
    exit: () => exit,
    output: () => output,
  };
  onCleanup(() => stopProcess(server));
  return server;
}

/** Baton's built bundle. Runs in `cwd` (a temp dir) so that no stray .env file is picked up. */
export function startBaton({ name, cwd, dataDir, databaseUrl, demo = true }) {
  if (!existsSync(batonBundle)) throw new Error(`${batonBundle} is missing: run \`npm run build\` (or \`npm run bench\`, which builds it)`);
  return startProcess({
    name,
    script: batonBundle,
    args: ['start'],
    cwd,
    env: {
      LOG_LEVEL: 'warn',
      BATON_DEMO: String(demo),
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir }),
    },
  });
}

export function startHello({ name = 'hello-world' } = {}) {
  return startProcess({ name, script: helloServer });
}

/** PGlite alone on a (stopped) Baton's data dir, answering /api/health with one query. */
export function startPgliteAlone({ dataDir }) {
  return startProcess({ name: 'PGlite alone', script: pgliteServer, env: { DATA_DIR: dataDir } });
}

/** Polls `path` every `intervalMs` until a 200; returns the ms elapsed since the spawn. */
export async function waitForHealth(server, { path: route = '/api/health', intervalMs = 20, timeoutMs = 60_000 } = {}) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const exit = server.exit();
    if (exit) throw new Error(`${server.name} exited (code ${exit.code}, signal ${exit.signal}) before answering:\n${server.output()}`);
    try {
      const response = await request(`${server.url}${route}`, { timeoutMs: 2000 });
      if (response.status === 200) return performance.now() - server.startedAt;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) throw new Error(`${server.name} did not answer ${route} within ${timeoutMs} ms:\n${server.output()}`);
    await sleep(intervalMs);
  }
}

/** SIGTERM, then SIGKILL after `timeoutMs`; returns the ms the graceful part took. Idempotent. */
export async function stopProcess(server, { timeoutMs = 10_000 } = {}) {
  if (server.exit()) return 0;
  const startedAt = performance.now();
  server.child.kill('SIGTERM');
  const timedOut = Symbol('timeout');
  const timer = sleep(timeoutMs, timedOut, { ref: false });
  if ((await Promise.race([server.exited, timer])) === timedOut) {
    console.error(`  ${server.name} ignored SIGTERM for ${timeoutMs} ms: killed`);
    server.child.kill('SIGKILL');
    await server.exited;
  }
  return performance.now() - startedAt;
}

/** Signs in as the demo user; returns the `baton_session=…` cookie pair. */
export async function login(server, credentials = DEMO_LOGIN) {
  const response = await request(`${server.url}/api/auth/login`, { method: 'POST', body: credentials });
  if (response.status !== 200) throw new Error(`login on ${server.name} answered ${response.status}: ${response.body}`);
  const cookies = [response.headers['set-cookie'] ?? []].flat();
  const session = cookies.map((cookie) => cookie.split(';')[0]).find((pair) => pair.startsWith('baton_session='));
  if (!session) throw new Error(`login on ${server.name} set no baton_session cookie`);
  return session;
}

/** Resident and peak resident memory of a process, in bytes, from /proc/<pid>/status (Linux). */
export function readMemory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

/**
 * CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat (Linux; 100 clock ticks a second,
 * so 10 ms steps: read it around many requests, not one).
 */
export function readCpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * CPU time the local PostgreSQL server's processes (backends, WAL writer, checkpointer…) have used so far, in ms; null
 * without /proc. Beside a process's own CPU it tells whether a ratio moved because Baton did more work or because the
 * machine was busier.
 */
export function postgresCpuMs() {
  if (!existsSync('/proc')) return null;
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') total += readCpuMs(pid);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}
