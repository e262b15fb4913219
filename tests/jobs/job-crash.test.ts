import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/platform/clock/clock';
import { type Database, type DatabaseTarget, openDatabase } from '../../src/platform/db/database';
import { createJobRunner, defineJob, enqueueJob } from '../../src/platform/jobs/jobs';
import { jobs } from '../../src/platform/jobs/jobs.schema';
import { createLogger } from '../../src/platform/logger/logger';
import { createTestDatabase, templateDumpPath, testBackend } from '../support/test-database';
import { crashJob } from './fixtures/crash-job';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'claim-and-hang.ts');
const startedAt = '2026-03-02T09:00:00.000Z';
const leaseMs = 5 * 60_000;

/**
 * The database shared with the child: an on-disk PGlite directory (an in-memory PGlite lives in
 * one process only, and one process at a time may open a directory), or the PostgreSQL test
 * database, which both processes reach by URL.
 */
async function sharedDatabase() {
  if (testBackend === 'pglite') {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'baton-crash-'));
    const target: DatabaseTarget = { kind: 'pglite', dataDir: dir };
    const seeded = await openDatabase({ ...target, loadDataDir: new Blob([await readFile(templateDumpPath())]) });
    return {
      target,
      seeded,
      /** The child needs the directory to itself; the test reopens it after the child died. */
      handOver: () => seeded.close(),
      reopen: () => openDatabase(target),
      cleanup: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const database = await createTestDatabase();
  if (!database.url) throw new Error('the PostgreSQL test database has no URL');
  const target: DatabaseTarget = { kind: 'postgresql', url: database.url, poolSize: 2 };
  return {
    target,
    seeded: database as Database,
    handOver: async () => {},
    reopen: async (): Promise<Database> => ({ ...database, close: async () => {} }),
    cleanup: () => database.close(),
  };
}

function exited(child: ChildProcess): Promise<NodeJS.Signals | number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.signalCode ?? child.exitCode);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
}

describe(`a job on ${testBackend}`, () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('survives a killed process: it runs to completion exactly once after the lease expires', async () => {
    const shared = await sharedDatabase();
    cleanups.push(shared.cleanup);
    await enqueueJob(shared.seeded.db, createManualClock(startedAt), crashJob, { report: 'weekly' });
    await shared.handOver();

    const markerDir = await mkdtemp(path.join(os.tmpdir(), 'baton-crash-marker-'));
    cleanups.push(() => rm(markerDir, { recursive: true, force: true }));
    const marker = path.join(markerDir, 'started');
    let stderr = '';
    const child = spawn(process.execPath, ['--import', 'tsx', fixture], {
      env: {
        ...process.env,
        BATON_CRASH_DATABASE: JSON.stringify(shared.target),
        BATON_CRASH_MARKER: marker,
        BATON_CRASH_NOW: startedAt,
        BATON_CRASH_LEASE_MS: String(leaseMs),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.on('data', (chunk) => {
      stderr += String(chunk);
    });
    cleanups.push(async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited(child);
    });

    await expect.poll(() => existsSync(marker) || child.exitCode !== null, { timeout: 30_000, interval: 50 }).toBe(true);
    expect(existsSync(marker), `the child did not start the job: ${stderr}`).toBe(true);
    child.kill('SIGKILL');
    expect(await exited(child)).toBe('SIGKILL');

    const database = await shared.reopen();
    cleanups.push(() => database.close());
    const [claimed] = await database.db.select().from(jobs);
    expect(claimed).toMatchObject({ status: 'running', attempts: 1, lockedBy: 'doomed-worker' });
    expect(String(claimed?.id)).toBe(await readFile(marker, 'utf8'));

    const clock = createManualClock(startedAt);
    const runs: { report: string; attempt: number }[] = [];
    const runner = createJobRunner({
      db: database.db,
      clock,
      logger: createLogger('silent'),
      leaseMs,
      definitions: [
        defineJob({
          ...crashJob,
          handler: async ({ report }, { attempt }) => {
            runs.push({ report, attempt });
          },
        }),
      ],
    });

    // Still leased to the dead worker: nobody may take it yet.
    expect(await runner.runDue()).toBe(0);
    clock.advance(leaseMs + 1);
    expect(await runner.runDue()).toBe(1);
    clock.advance(leaseMs + 1);
    expect(await runner.runDue()).toBe(0);

    expect(runs).toEqual([{ report: 'weekly', attempt: 2 }]);
    expect(await database.db.select().from(jobs)).toEqual([
      expect.objectContaining({ status: 'done', attempts: 2, lockedBy: null, lastError: null }),
    ]);
  });
});
