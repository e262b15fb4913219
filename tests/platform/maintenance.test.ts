import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../src/platform/clock/clock';
import { type Db, queryRows } from '../../src/platform/db/database';
import { createDatabaseMaintenance, FINISHED_JOBS_KEPT_MS, MAINTENANCE_INTERVAL_MS } from '../../src/platform/db/maintenance';
import { createJobRunner } from '../../src/platform/jobs/jobs';
import { jobs } from '../../src/platform/jobs/jobs.schema';
import { createLogger } from '../../src/platform/logger/logger';
import { createTestDatabase, testBackend } from '../support/test-database';

const logger = createLogger('silent');
const DAY = 24 * 60 * 60_000;

describe(`database maintenance on ${testBackend}`, () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Db;
  let clock: ManualClock;
  const maintenance = () => createDatabaseMaintenance({ db, kind: database.kind, clock, logger });

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
  });
  afterAll(() => database.close());
  beforeEach(async () => {
    await db.delete(jobs);
    clock = createManualClock('2026-03-20T09:00:00Z');
  });

  const job = (name: string, status: 'pending' | 'running' | 'done' | 'failed', finishedDaysAgo: number | null) => ({
    name,
    payload: {},
    status,
    runAt: new Date(clock.now().getTime() - 30 * DAY),
    finishedAt: finishedDaysAgo === null ? null : new Date(clock.now().getTime() - finishedDaysAgo * DAY),
  });

  it('deletes jobs finished more than a week ago and keeps the rest', async () => {
    await db
      .insert(jobs)
      .values([
        job('done long ago', 'done', 8),
        job('failed long ago', 'failed', 30),
        job('done yesterday', 'done', 1),
        job('failed yesterday', 'failed', 1),
        job('waiting', 'pending', null),
        job('running', 'running', null),
      ]);

    const result = await maintenance().runOnce();

    expect(result.deletedJobs).toBe(2);
    const left = await db.select({ name: jobs.name }).from(jobs).orderBy(jobs.name);
    expect(left.map((row) => row.name)).toEqual(['done yesterday', 'failed yesterday', 'running', 'waiting']);
    expect(FINISHED_JOBS_KEPT_MS).toBe(7 * DAY);
  });

  it('runs as a job at start-up and then every ten minutes, with exactly one run pending', async () => {
    const upkeep = maintenance();
    const runner = createJobRunner({ db, clock, logger, definitions: [upkeep.job] });
    await db.insert(jobs).values(job('done long ago', 'done', 8));
    await upkeep.ensureScheduled();
    await upkeep.ensureScheduled();

    expect(await runner.runDue()).toBe(1);
    expect(await db.select().from(jobs).where(eq(jobs.name, 'done long ago'))).toEqual([]);
    const pending = await db.select().from(jobs).where(eq(jobs.status, 'pending'));
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ name: 'db.maintenance', uniqueKey: 'db.maintenance' });
    expect(pending[0]?.runAt).toEqual(new Date(clock.now().getTime() + MAINTENANCE_INTERVAL_MS));

    expect(await runner.runDue()).toBe(0);
    clock.advance(MAINTENANCE_INTERVAL_MS);
    expect(await runner.runDue()).toBe(1);
    expect(await db.select().from(jobs).where(eq(jobs.status, 'pending'))).toHaveLength(1);
  });

  const jobsTableStats = async () => {
    const [row] = await queryRows<{ dead: string; vacuumed: Date | null; analyzed: Date | null; estimated: number }>(
      db,
      sql`SELECT s.n_dead_tup AS dead, s.last_vacuum AS vacuumed, s.last_analyze AS analyzed, c.reltuples AS estimated
          FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.relname = 'jobs'`,
    );
    return row;
  };

  /** A busy queue: every row written, claimed and finished, as the runner does. */
  async function churnTheQueue() {
    await db.insert(jobs).values(Array.from({ length: 600 }, (_, index) => job(`job ${index}`, 'pending', null)));
    await db.update(jobs).set({ status: 'running' });
    await db.update(jobs).set({ status: 'done', finishedAt: clock.now() });
  }

  it.runIf(testBackend === 'pglite')('on PGlite, vacuums and analyses a table as autovacuum would, and leaves it once done', async () => {
    await churnTheQueue();

    const first = await maintenance().runOnce();

    expect(first.vacuumed).toContain('jobs');
    expect(first.analyzed).toContain('jobs');
    const after = await jobsTableStats();
    expect(Number(after?.dead)).toBe(0);
    expect(after?.vacuumed).not.toBeNull();
    expect(after?.estimated).toBe(600);

    const second = await maintenance().runOnce();
    expect(second).toEqual({ deletedJobs: 0, vacuumed: [], analyzed: [] });
  });

  it.runIf(testBackend === 'postgresql')("on PostgreSQL, leaves the tables to the server's autovacuum", async () => {
    await churnTheQueue();

    const result = await maintenance().runOnce();

    expect(result).toEqual({ deletedJobs: 0, vacuumed: [], analyzed: [] });
    expect((await jobsTableStats())?.vacuumed).toBeNull();
  });
});
