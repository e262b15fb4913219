// Upkeep a running Baton does itself every ten minutes (the `db.maintenance` job). Finished jobs are deleted after a
// week: nothing reads them, and the queue gains rows with every message and notification. On PGlite, which runs no
// autovacuum, tables are vacuumed and analysed when autovacuum would have done it: without that an embedded Baton
// keeps every dead row (a job's row is rewritten three times) and the planner never gets statistics.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Clock } from '../clock/clock';
import { deleteFinishedJobs, enqueueJob, enqueueSuccessor, type JobContext } from '../jobs/jobs';
import type { Logger } from '../logger/logger';
import { type DatabaseKind, type Db, queryRows } from './database';
import { type TableActivity, upkeepOf } from './maintenance.models';

export const MAINTENANCE_INTERVAL_MS = 10 * 60_000;
/** How long finished jobs stay: a week to look into when something went wrong. */
export const FINISHED_JOBS_KEPT_MS = 7 * 24 * 60 * 60_000;

const maintenanceJob = { name: 'db.maintenance', payload: z.object({}), maxAttempts: 1000 };
const UNIQUE_KEY = 'db.maintenance';

export type MaintenanceResult = { deletedJobs: number; vacuumed: string[]; analyzed: string[] };

export function createDatabaseMaintenance({ db, kind, clock, logger }: { db: Db; kind: DatabaseKind; clock: Clock; logger: Logger }) {
  async function tableActivity(): Promise<(TableActivity & { table: string })[]> {
    // Activity reaches the statistics when the connection is next idle, at most once a second unless forced.
    await db.execute(sql`SELECT pg_stat_force_next_flush()`);
    // Counters are bigint: node-postgres hands them over as strings.
    const rows = await queryRows<{ table: string; dead: string; inserted: string; modified: string; estimated: number }>(
      db,
      sql`SELECT s.relname AS table, s.n_dead_tup AS dead, s.n_ins_since_vacuum AS inserted,
                 s.n_mod_since_analyze AS modified, c.reltuples AS estimated
          FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
          WHERE s.schemaname = 'public'
          ORDER BY s.relname`,
    );
    return rows.map((row) => ({
      table: row.table,
      deadRows: Number(row.dead),
      insertedSinceVacuum: Number(row.inserted),
      modifiedSinceAnalyze: Number(row.modified),
      estimatedRows: Number(row.estimated),
    }));
  }

  /** What autovacuum would do now, for a database without one (PGlite). */
  async function vacuumAndAnalyze(): Promise<Pick<MaintenanceResult, 'vacuumed' | 'analyzed'>> {
    const vacuumed: string[] = [];
    const analyzed: string[] = [];
    for (const activity of await tableActivity()) {
      const { vacuum, analyze } = upkeepOf(activity);
      if (!vacuum && !analyze) continue;
      const command = vacuum && analyze ? 'VACUUM (ANALYZE)' : vacuum ? 'VACUUM' : 'ANALYZE';
      await db.execute(sql`${sql.raw(command)} ${sql.identifier(activity.table)}`);
      if (vacuum) vacuumed.push(activity.table);
      if (analyze) analyzed.push(activity.table);
    }
    return { vacuumed, analyzed };
  }

  /** One pass of upkeep: what it did. */
  async function runOnce(): Promise<MaintenanceResult> {
    const deletedJobs = await deleteFinishedJobs(db, { before: new Date(clock.now().getTime() - FINISHED_JOBS_KEPT_MS) });
    // PostgreSQL's own autovacuum looks after its tables.
    const { vacuumed, analyzed } = kind === 'pglite' ? await vacuumAndAnalyze() : { vacuumed: [], analyzed: [] };
    const result = { deletedJobs, vacuumed, analyzed };
    if (deletedJobs > 0 || vacuumed.length > 0 || analyzed.length > 0) logger.info(result, 'database maintenance');
    return result;
  }

  const job = {
    ...maintenanceJob,
    handler: async (_payload: z.infer<typeof maintenanceJob.payload>, context: JobContext) => {
      await runOnce();
      await enqueueSuccessor(
        db,
        clock,
        maintenanceJob,
        {},
        {
          current: context,
          uniqueKey: UNIQUE_KEY,
          runAt: new Date(clock.now().getTime() + MAINTENANCE_INTERVAL_MS),
        },
      );
    },
  };

  return {
    runOnce,
    job,
    /** Makes sure the recurring job exists (at start-up: it runs then, and every ten minutes after). */
    ensureScheduled: () => enqueueJob(db, clock, maintenanceJob, {}, { uniqueKey: UNIQUE_KEY }),
  };
}
export type DatabaseMaintenance = ReturnType<typeof createDatabaseMaintenance>;
