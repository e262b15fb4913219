// A dedicated, throw-away PostgreSQL database per bench run, dropped on cleanup.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { onCleanup } from './cleanup.mjs';

/** Maintenance connection used to create and drop bench databases (trust auth on a local server). */
export const postgresAdminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function withAdmin(work) {
  const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates `baton_bench_<random>` and returns its URL, or `{ skipped }` with the reason when PostgreSQL
 * is not reachable (the PostgreSQL rows are then left out, the bench goes on).
 */
export async function createBenchDatabase() {
  const name = `baton_bench_${randomBytes(5).toString('hex')}`;
  try {
    await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  } catch (error) {
    return { skipped: `PostgreSQL not available (${error instanceof Error ? error.message : error})` };
  }
  onCleanup(() => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}
