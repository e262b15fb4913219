import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/platform/db/database';

/** Which backend this run tests: `BATON_TEST_DB=pglite` (default) or `postgresql` (needs BATON_TEST_POSTGRES_URL). */
export const testBackend = (process.env.BATON_TEST_DB ?? 'pglite') as 'pglite' | 'postgresql';
export const adminPostgresUrl = process.env.BATON_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const templateDumpPath = () => process.env.BATON_TEST_PGLITE_TEMPLATE ?? '';
export const templateDatabaseName = () => process.env.BATON_TEST_PG_TEMPLATE ?? '';

export function postgresUrlFor(database: string): string {
  const url = new URL(adminPostgresUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdminClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminPostgresUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated database for one test file: a PGlite loaded from the run's migrated template
 * dump, or a PostgreSQL database cloned from the run's template database. Dropped on close.
 */
export async function createTestDatabase(): Promise<Database & { url: string | null }> {
  if (testBackend === 'pglite') {
    const dump = await readFile(templateDumpPath());
    const database = await openDatabase({ kind: 'pglite', dataDir: null, loadDataDir: new Blob([dump]) });
    return { ...database, url: null };
  }
  const name = `baton_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabaseName()}`));
  const url = postgresUrlFor(name);
  const database = await openDatabase({ kind: 'postgresql', url, poolSize: 5 });
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
