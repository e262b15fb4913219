import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Clock } from '../clock/clock';
import { type Db, queryRows } from '../db/database';
import { insertFromJson } from '../db/json-insert';
import type { Logger } from '../logger/logger';
import { jobs } from './jobs.schema';

export type JobContext = { jobId: number; attempt: number };

export type JobDefinition<Payload = unknown> = {
  name: string;
  payload: z.ZodType<Payload>;
  maxAttempts?: number;
  /** Called once when the job is given up after its workers kept dying, so its record can be settled. */
  onGiveUp?: (payload: Payload) => Promise<void>;
  handler: (payload: Payload, context: JobContext) => Promise<void>;
};

/** Any job definition, whatever its payload type: what a runner accepts. */
export type AnyJobDefinition = Omit<JobDefinition<unknown>, 'handler' | 'onGiveUp'> & {
  handler: (payload: never, context: JobContext) => Promise<void>;
  onGiveUp?: (payload: never) => Promise<void>;
};

/** Keeps the payload type between a definition and `enqueue` calls. */
export const defineJob = <Payload>(definition: JobDefinition<Payload>) => definition;

export type EnqueueOptions = { runAt?: Date; uniqueKey?: string; maxAttempts?: number };

/**
 * Enqueues inside the caller's transaction when given one (`tx`), so a job exists exactly when
 * the change that needs it was committed.
 */
export async function enqueueJob<Payload>(
  db: Db,
  clock: Clock,
  definition: Pick<JobDefinition<Payload>, 'name' | 'maxAttempts' | 'payload'>,
  payload: Payload,
  options: EnqueueOptions = {},
): Promise<void> {
  await enqueueJobs(db, clock, definition, [{ payload, options }]);
}

/** Several jobs of one kind in one statement (a batch of ingested messages, each with its routing job). */
export async function enqueueJobs<Payload>(
  db: Db,
  clock: Clock,
  definition: Pick<JobDefinition<Payload>, 'name' | 'maxAttempts' | 'payload'>,
  items: { payload: Payload; options?: EnqueueOptions }[],
): Promise<void> {
  if (items.length === 0) return;
  const rows = items.map(({ payload, options = {} }) => ({
    name: definition.name,
    payload: definition.payload.parse(payload),
    runAt: options.runAt ?? clock.now(),
    uniqueKey: options.uniqueKey ?? null,
    maxAttempts: options.maxAttempts ?? definition.maxAttempts ?? 8,
  }));
  await db.execute(sql`${insertFromJson(jobs, rows)} ON CONFLICT (unique_key) DO NOTHING`);
}

/**
 * From a running job, enqueues the next run of a recurring one (an IMAP poll, the database upkeep): the running job
 * hands its unique key over in the same transaction, so exactly one stays pending.
 */
export async function enqueueSuccessor<Payload>(
  db: Db,
  clock: Clock,
  definition: Pick<JobDefinition<Payload>, 'name' | 'maxAttempts' | 'payload'>,
  payload: Payload,
  { current, uniqueKey, runAt }: { current: JobContext; uniqueKey: string; runAt: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`UPDATE jobs SET unique_key = NULL WHERE id = ${current.jobId}`);
    await enqueueJob(tx, clock, definition, payload, { uniqueKey, runAt });
  });
}

/** Deletes the jobs that finished before `before` (done or failed): nothing reads them, and the table keeps growing. */
export async function deleteFinishedJobs(db: Db, { before }: { before: Date }): Promise<number> {
  const [row] = await queryRows<{ deleted: number }>(
    db,
    sql`WITH gone AS (
          DELETE FROM jobs WHERE status IN ('done', 'failed') AND finished_at < ${before.toISOString()}::timestamptz RETURNING 1)
        SELECT count(*)::int AS deleted FROM gone`,
  );
  return row?.deleted ?? 0;
}

/**
 * Ends the lease of every claimed job now, so the next claim takes them over as it would after the lease ran out.
 * Only for a database no other live process uses (PGlite behind its data-directory lock): there, a claim still
 * held at start-up belongs to a process that died, and waiting out its lease would delay its jobs by minutes.
 */
export async function expireJobLeases(db: Db, clock: Clock): Promise<void> {
  await db.execute(
    sql`UPDATE jobs SET locked_until = ${new Date(clock.now().getTime() - 1).toISOString()}::timestamptz WHERE status = 'running'`,
  );
}

/** Exponential backoff from 5 s, capped at one hour. */
export function retryDelayMs(attempt: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

type ClaimedJob = { id: number; name: string; payload: unknown; attempts: number; max_attempts: number };

export type JobRunner = ReturnType<typeof createJobRunner>;

export function createJobRunner({
  db,
  clock,
  logger,
  definitions,
  pollMs = 1000,
  leaseMs = 5 * 60_000,
  batchSize = 4,
  workerId = `${process.pid}-${randomUUID().slice(0, 8)}`,
}: {
  db: Db;
  clock: Clock;
  logger: Logger;
  definitions: AnyJobDefinition[];
  pollMs?: number;
  leaseMs?: number;
  batchSize?: number;
  workerId?: string;
}) {
  const byName = new Map(definitions.map((definition) => [definition.name, definition as unknown as JobDefinition]));
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let stopped = true;

  /**
   * Claims due jobs, and jobs whose worker died (lease expired), with SKIP LOCKED: two runners on
   * one PostgreSQL never claim the same row.
   */
  async function claim(): Promise<ClaimedJob[]> {
    const now = clock.now();
    const names = [...byName.keys()];
    if (names.length === 0) return [];
    const rows = await queryRows<ClaimedJob>(
      db,
      sql`UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = ${workerId},
            locked_until = ${new Date(now.getTime() + leaseMs).toISOString()}::timestamptz
          WHERE id IN (
            SELECT id FROM jobs
            WHERE name IN (${sql.join(
              names.map((name) => sql`${name}`),
              sql`, `,
            )})
              AND ((status = 'pending' AND run_at <= ${now.toISOString()}::timestamptz)
                OR (status = 'running' AND locked_until < ${now.toISOString()}::timestamptz))
            ORDER BY run_at, id
            LIMIT ${batchSize}
            FOR UPDATE SKIP LOCKED)
          RETURNING id, name, payload, attempts, max_attempts`,
    );
    // node-postgres returns a bigint column as a string (PGlite as a number): one type for handlers.
    return rows.map((row) => ({ ...row, id: Number(row.id) }));
  }

  async function finish(job: ClaimedJob, error: unknown): Promise<void> {
    const now = clock.now();
    if (error === null) {
      await db.execute(
        sql`UPDATE jobs SET status = 'done', finished_at = ${now.toISOString()}::timestamptz, unique_key = NULL, locked_by = NULL, locked_until = NULL
            WHERE id = ${job.id} AND locked_by = ${workerId}`,
      );
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    const giveUp = job.attempts >= job.max_attempts;
    logger.warn({ job: job.name, jobId: job.id, attempt: job.attempts, giveUp, err: message }, 'job failed');
    await db.execute(
      giveUp
        ? sql`UPDATE jobs SET status = 'failed', last_error = ${message}, finished_at = ${now.toISOString()}::timestamptz, unique_key = NULL, locked_by = NULL, locked_until = NULL
              WHERE id = ${job.id} AND locked_by = ${workerId}`
        : sql`UPDATE jobs SET status = 'pending', last_error = ${message}, locked_by = NULL, locked_until = NULL,
                run_at = ${new Date(now.getTime() + retryDelayMs(job.attempts)).toISOString()}::timestamptz
              WHERE id = ${job.id} AND locked_by = ${workerId}`,
    );
  }

  async function runOne(job: ClaimedJob): Promise<void> {
    const definition = byName.get(job.name);
    if (!definition) return finish(job, new Error(`no handler for job ${job.name}`));
    if (job.attempts > job.max_attempts) {
      const parsed = definition.payload.safeParse(job.payload);
      if (parsed.success)
        await definition.onGiveUp?.(parsed.data as never).catch((error) => logger.error({ err: error, job: job.name }, 'onGiveUp failed'));
      return finish(job, new Error('attempts exhausted after worker crashes'));
    }
    let failure: unknown = null;
    try {
      const payload = definition.payload.parse(job.payload);
      await definition.handler(payload, { jobId: job.id, attempt: job.attempts });
    } catch (error) {
      failure = error;
    }
    await finish(job, failure);
  }

  /** Runs every job due now (by the injected clock), until none is left; returns how many ran. */
  async function runDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const claimed = await claim();
      if (claimed.length === 0) return total;
      await Promise.all(claimed.map(runOne));
      total += claimed.length;
    }
  }

  function schedule(delay: number) {
    if (stopped) return;
    timer = setTimeout(tick, delay);
    timer.unref?.();
  }

  async function tick() {
    timer = null;
    running = runDue().catch((error) => {
      logger.error({ err: error }, 'job runner poll failed');
      return 0;
    });
    await running;
    running = null;
    schedule(pollMs);
  }

  return {
    workerId,
    runDue,
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(0);
    },
    /** Runs the queue now instead of at the next poll (after an enqueue in this process). */
    poke() {
      if (stopped || running || !timer) return;
      clearTimeout(timer);
      schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
