import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createManualClock, type ManualClock } from '../../src/platform/clock/clock';
import type { Db } from '../../src/platform/db/database';
import { createJobRunner, defineJob, enqueueJob, type JobContext, retryDelayMs } from '../../src/platform/jobs/jobs';
import { jobs } from '../../src/platform/jobs/jobs.schema';
import { createLogger } from '../../src/platform/logger/logger';
import { createTestDatabase } from '../support/test-database';

const logger = createLogger('silent');

describe('the durable job runner', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Db;
  let clock: ManualClock;
  let calls: { payload: unknown; context: JobContext }[];
  let failuresLeft: number;

  const greet = defineJob({
    name: 'test.greet',
    payload: z.object({ name: z.string() }),
    maxAttempts: 3,
    handler: async (payload, context) => {
      calls.push({ payload, context });
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        throw new Error(`greeting ${payload.name} failed`);
      }
    },
  });

  const runnerFor = (options: { leaseMs?: number; workerId?: string } = {}) =>
    createJobRunner({ db, clock, logger, definitions: [greet], ...options });
  const allJobs = () => db.select().from(jobs).orderBy(jobs.id);

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
  });
  afterAll(() => database.close());
  beforeEach(async () => {
    await db.delete(jobs);
    clock = createManualClock('2026-03-02T09:00:00Z');
    calls = [];
    failuresLeft = 0;
  });

  it('runs a due job once and marks it done', async () => {
    await enqueueJob(db, clock, greet, { name: 'Ada' });
    const runner = runnerFor();

    expect(await runner.runDue()).toBe(1);
    expect(await runner.runDue()).toBe(0);

    expect(calls).toEqual([{ payload: { name: 'Ada' }, context: { jobId: expect.any(Number), attempt: 1 } }]);
    const [job] = await allJobs();
    expect(job).toMatchObject({ status: 'done', attempts: 1, lockedBy: null, lockedUntil: null, lastError: null });
    expect(job?.finishedAt).toEqual(clock.now());
  });

  it('does not run a job scheduled in the future until the clock reaches it', async () => {
    const runAt = new Date('2026-03-02T10:00:00Z');
    await enqueueJob(db, clock, greet, { name: 'Later' }, { runAt });
    const runner = runnerFor();

    expect(await runner.runDue()).toBe(0);
    clock.set(new Date(runAt.getTime() - 1));
    expect(await runner.runDue()).toBe(0);
    expect(calls).toHaveLength(0);
    expect((await allJobs())[0]?.status).toBe('pending');

    clock.set(runAt);
    expect(await runner.runDue()).toBe(1);
    expect(calls).toHaveLength(1);
    expect((await allJobs())[0]?.status).toBe('done');
  });

  it('retries a failing job with exponential backoff and marks it failed after its last attempt', async () => {
    failuresLeft = Number.POSITIVE_INFINITY;
    await enqueueJob(db, clock, greet, { name: 'Bob' });
    const runner = runnerFor();

    expect(await runner.runDue()).toBe(1);
    let [job] = await allJobs();
    expect(job).toMatchObject({ status: 'pending', attempts: 1, lastError: 'greeting Bob failed', lockedBy: null });
    expect(job?.runAt).toEqual(new Date(clock.now().getTime() + retryDelayMs(1)));

    // Not due again one millisecond before the backoff ends.
    clock.advance(retryDelayMs(1) - 1);
    expect(await runner.runDue()).toBe(0);
    clock.advance(1);
    expect(await runner.runDue()).toBe(1);
    [job] = await allJobs();
    expect(job).toMatchObject({ status: 'pending', attempts: 2 });
    expect(job?.runAt).toEqual(new Date(clock.now().getTime() + retryDelayMs(2)));
    expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));

    clock.advance(retryDelayMs(2));
    expect(await runner.runDue()).toBe(1);
    [job] = await allJobs();
    expect(job).toMatchObject({ status: 'failed', attempts: 3, lastError: 'greeting Bob failed', lockedBy: null, lockedUntil: null });
    expect(job?.finishedAt).toEqual(clock.now());
    expect(calls.map((call) => call.context.attempt)).toEqual([1, 2, 3]);

    clock.advance(24 * 3_600_000);
    expect(await runner.runDue()).toBe(0);
    expect(calls).toHaveLength(3);
  });

  it('succeeds on a later attempt after transient failures', async () => {
    failuresLeft = 1;
    await enqueueJob(db, clock, greet, { name: 'Cy' });
    const runner = runnerFor();

    await runner.runDue();
    clock.advance(retryDelayMs(1));
    await runner.runDue();

    expect(calls.map((call) => call.context.attempt)).toEqual([1, 2]);
    expect((await allJobs())[0]).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('caps the backoff at one hour', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(retryDelayMs(30)).toBe(3_600_000);
  });

  it('refuses to enqueue an invalid payload', async () => {
    await expect(enqueueJob(db, clock, greet, { name: 42 } as unknown as { name: string })).rejects.toThrow(/name/);
    expect(await allJobs()).toHaveLength(0);
  });

  it('fails a stored job whose payload no longer matches its schema, with the validation error, without calling the handler', async () => {
    await db.insert(jobs).values({ name: greet.name, payload: { nom: 'Ada' }, runAt: clock.now(), maxAttempts: 1 });

    expect(await runnerFor().runDue()).toBe(1);

    expect(calls).toHaveLength(0);
    const [job] = await allJobs();
    expect(job?.status).toBe('failed');
    expect(job?.lastError).toMatch(/name/);
  });

  it('keeps one job per unique key until it has finished, then accepts the key again', async () => {
    await enqueueJob(db, clock, greet, { name: 'First' }, { uniqueKey: 'greet:ada' });
    await enqueueJob(db, clock, greet, { name: 'Second' }, { uniqueKey: 'greet:ada' });
    expect(await allJobs()).toHaveLength(1);

    await runnerFor().runDue();
    expect(calls.map((call) => call.payload)).toEqual([{ name: 'First' }]);

    await enqueueJob(db, clock, greet, { name: 'Third' }, { uniqueKey: 'greet:ada' });
    await runnerFor().runDue();
    expect(calls.map((call) => call.payload)).toEqual([{ name: 'First' }, { name: 'Third' }]);
    expect((await allJobs()).map((job) => job.status)).toEqual(['done', 'done']);
  });

  it('keeps the unique key while a job waits for its retry', async () => {
    failuresLeft = 1;
    await enqueueJob(db, clock, greet, { name: 'First' }, { uniqueKey: 'greet:bob' });
    await runnerFor().runDue();
    await enqueueJob(db, clock, greet, { name: 'Second' }, { uniqueKey: 'greet:bob' });
    expect(await allJobs()).toHaveLength(1);
  });

  it('runs a job again once the lease of its dead worker has expired', async () => {
    await enqueueJob(db, clock, greet, { name: 'Orphan' });
    // A worker claimed it and died: the row stays `running` under its lease.
    const leaseMs = 60_000;
    await db.execute(
      sql`UPDATE jobs SET status = 'running', attempts = 1, locked_by = 'dead-worker',
            locked_until = ${new Date(clock.now().getTime() + leaseMs).toISOString()}::timestamptz`,
    );
    const runner = runnerFor({ workerId: 'survivor' });

    expect(await runner.runDue()).toBe(0);
    clock.advance(leaseMs - 1);
    expect(await runner.runDue()).toBe(0);
    clock.advance(2);
    expect(await runner.runDue()).toBe(1);

    expect(calls).toEqual([{ payload: { name: 'Orphan' }, context: { jobId: expect.any(Number), attempt: 2 } }]);
    expect((await allJobs())[0]).toMatchObject({ status: 'done', attempts: 2, lockedBy: null });
  });

  it('does not let a worker whose lease was taken over overwrite the new outcome', async () => {
    await enqueueJob(db, clock, greet, { name: 'Slow' });
    let release: () => void = () => {};
    const slow = defineJob({
      name: greet.name,
      payload: greet.payload,
      handler: () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
    });
    const stalled = createJobRunner({ db, clock, logger, definitions: [slow], leaseMs: 1_000, workerId: 'stalled' });
    const stalledRun = stalled.runDue();
    await expect.poll(async () => (await allJobs())[0]?.lockedBy).toBe('stalled');

    clock.advance(1_001);
    failuresLeft = 1;
    expect(await runnerFor({ workerId: 'survivor' }).runDue()).toBe(1);
    expect((await allJobs())[0]).toMatchObject({ status: 'pending', attempts: 2, lastError: 'greeting Slow failed' });

    // The stalled worker finally finishes: the row is no longer its own, so nothing changes.
    release();
    await stalledRun;
    expect((await allJobs())[0]).toMatchObject({ status: 'pending', attempts: 2, lastError: 'greeting Slow failed' });
  });

  it('gives up on a job whose workers keep dying once its attempts are used up', async () => {
    await db.insert(jobs).values({
      name: greet.name,
      payload: { name: 'Cursed' },
      runAt: clock.now(),
      status: 'running',
      attempts: 3,
      maxAttempts: 3,
      lockedBy: 'dead-worker',
      lockedUntil: clock.now(),
    });
    clock.advance(1);

    expect(await runnerFor().runDue()).toBe(1);

    expect(calls).toHaveLength(0);
    expect((await allJobs())[0]).toMatchObject({ status: 'failed', lastError: 'attempts exhausted after worker crashes' });
  });

  it('leaves no job behind when the enqueueing transaction rolls back', async () => {
    await expect(
      db.transaction(async (tx) => {
        await enqueueJob(tx as unknown as Db, clock, greet, { name: 'Ghost' });
        expect(await tx.select().from(jobs)).toHaveLength(1);
        throw new Error('the change that needed the job failed');
      }),
    ).rejects.toThrow('the change that needed the job failed');

    expect(await allJobs()).toHaveLength(0);
    expect(await runnerFor().runDue()).toBe(0);
    expect(calls).toHaveLength(0);
  });

  it('only claims jobs it has a definition for', async () => {
    await db.insert(jobs).values({ name: 'someone.else', payload: {}, runAt: clock.now() });
    expect(await runnerFor().runDue()).toBe(0);
    expect((await db.select().from(jobs).where(eq(jobs.name, 'someone.else')))[0]?.status).toBe('pending');
  });
});
