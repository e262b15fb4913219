import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createManualClock } from '../../src/platform/clock/clock';
import { type Database, openDatabase } from '../../src/platform/db/database';
import { createJobRunner, defineJob, enqueueJob } from '../../src/platform/jobs/jobs';
import { jobs } from '../../src/platform/jobs/jobs.schema';
import { createLogger } from '../../src/platform/logger/logger';
import { createTestDatabase, testBackend } from '../support/test-database';

// PGlite is single-process by design (one process owns a data directory, one connection at a
// time), so several runners competing for rows only exists on PostgreSQL.
describe.skipIf(testBackend !== 'postgresql')('two job runners on one PostgreSQL database', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let pools: Database[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    if (!database.url) throw new Error('the PostgreSQL test database has no URL');
    const url = database.url;
    pools = await Promise.all([1, 2].map(() => openDatabase({ kind: 'postgresql', url, poolSize: 4 })));
  });
  afterAll(async () => {
    for (const pool of pools) await pool.close();
    await database?.close();
  });

  it('run every job exactly once between them', async () => {
    const clock = createManualClock('2026-03-02T09:00:00Z');
    const runs: { jobId: number; worker: string }[] = [];
    const job = defineJob({ name: 'test.count', payload: z.object({ n: z.number() }), handler: async () => {} });
    for (let n = 0; n < 200; n++) await enqueueJob(database.db, clock, job, { n });

    const runners = pools.map((pool, index) =>
      createJobRunner({
        db: pool.db,
        clock,
        logger: createLogger('silent'),
        workerId: `runner-${index}`,
        definitions: [
          defineJob({
            ...job,
            handler: async (_payload, { jobId }) => {
              runs.push({ jobId, worker: `runner-${index}` });
              await sleep(2);
            },
          }),
        ],
      }),
    );
    for (let round = 0; round < 3; round++) await Promise.all(runners.map((runner) => runner.runDue()));

    const rows = await database.db.select({ id: jobs.id, status: jobs.status, attempts: jobs.attempts }).from(jobs);
    expect(rows).toHaveLength(200);
    expect(rows.every((row) => row.status === 'done' && row.attempts === 1)).toBe(true);
    expect(runs.map((run) => run.jobId).sort((a, b) => a - b)).toEqual(rows.map((row) => row.id).sort((a, b) => a - b));
    // Both took part: 200 jobs of a few milliseconds each leave the second runner time to join.
    expect(new Set(runs.map((run) => run.worker))).toEqual(new Set(['runner-0', 'runner-1']));
  });
});
