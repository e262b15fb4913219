import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from '../../domains/schema';
import { pgliteByteaCodec } from './bytea';
import { type DataDirLock, lockDataDir } from './data-dir-lock';
import { createPgliteDirectoryInWorker } from './pglite-init';

export type Schema = typeof schema;
/** The Drizzle handle shared by both backends: repositories accept this and nothing else. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgresql';

export type Database = {
  db: Db;
  kind: DatabaseKind;
  /** Brings the schema up to date; safe to call from several processes at once on PostgreSQL. */
  migrate: () => Promise<void>;
  close: () => Promise<void>;
};

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string | null; loadDataDir?: Blob | File }
  | { kind: 'postgresql'; url: string; poolSize?: number };

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), findMigrationsRelative());

function findMigrationsRelative(): string {
  // Source lives in src/platform/db, the bundle in dist/: both resolve to the repository's drizzle/.
  return import.meta.url.includes('/dist/') ? '../drizzle' : '../../../drizzle';
}

/** An arbitrary constant: the advisory lock that serialises migrations across Baton processes. */
const MIGRATION_LOCK = 727_274_101;

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === 'pglite' ? openPglite(target) : openPostgres(target);
}

async function openPglite(target: Extract<DatabaseTarget, { kind: 'pglite' }>): Promise<Database> {
  let lock: DataDirLock | null = null;
  if (target.dataDir) lock = await lockDataDir(path.resolve(target.dataDir));
  try {
    const dataDir = target.dataDir ? path.join(path.resolve(target.dataDir), 'pglite') : null;
    // A directory loaded from a dump must not exist yet: PGlite refuses to load into an initialised one.
    if (dataDir && !target.loadDataDir) await createPgliteDirectoryInWorker(dataDir);
    const client = await PGlite.create({
      ...pgliteByteaCodec,
      ...(dataDir ? { dataDir } : {}),
      ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
    });
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
      close: async () => {
        await client.close();
        await lock?.release();
      },
    };
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

async function openPostgres(target: Extract<DatabaseTarget, { kind: 'postgresql' }>): Promise<Database> {
  const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = drizzlePostgres(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgresql',
    migrate: async () => {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
        await migratePostgres(drizzlePostgres(client), { migrationsFolder });
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Rows of a raw query, whatever the driver (both return `{ rows }`). */
export async function queryRows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Plans the rest of the transaction's statements without looking at their parameter values. PostgreSQL's default
 * (a custom plan for each execution) copies every parameter value into the plan, which for a batch of raw messages
 * and JSON rows cost the server more than storing them: bench/ingest.bench.mjs measured 0.52 → 0.23 ms of server
 * CPU per message. For writes whose plan cannot depend on the values, a generic plan is as good.
 */
export async function planWithoutParameterValues(tx: Db): Promise<void> {
  await tx.execute(sql`SET LOCAL plan_cache_mode = force_generic_plan`);
}
