import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Database, openDatabase, queryRows } from '../../src/platform/db/database';
import { createTestDatabase, postgresUrlFor, testBackend, withAdminClient } from '../support/test-database';

async function emptyDatabase(): Promise<Database> {
  if (testBackend === 'pglite') return openDatabase({ kind: 'pglite', dataDir: null });
  const name = `baton_empty_${randomBytes(5).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
  const database = await openDatabase({ kind: 'postgresql', url: postgresUrlFor(name), poolSize: 4 });
  return {
    ...database,
    close: async () => {
      await database.close();
      await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

const tablesOf = async (database: Database) =>
  (
    await queryRows<{ table_name: string }>(
      database.db,
      sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    )
  ).map((row) => row.table_name);

describe(`migrations on ${testBackend}`, () => {
  it('migrate an empty database from zero, and again without change', async () => {
    const database = await emptyDatabase();
    try {
      expect(await tablesOf(database)).toEqual([]);
      await database.migrate();
      const tables = await tablesOf(database);
      expect(tables).toEqual(
        expect.arrayContaining([
          'workspaces',
          'users',
          'sessions',
          'api_tokens',
          'invitations',
          'audit_events',
          'audit_heads',
          'outbox_messages',
          'jobs',
          'clients',
        ]),
      );
      await database.migrate();
      expect(await tablesOf(database)).toEqual(tables);
    } finally {
      await database.close();
    }
  });

  it.skipIf(testBackend !== 'postgresql')('several processes starting at once migrate once (advisory lock)', async () => {
    const database = await emptyDatabase();
    try {
      await Promise.all([database.migrate(), database.migrate(), database.migrate()]);
      expect(await tablesOf(database)).toContain('workspaces');
    } finally {
      await database.close();
    }
  });

  it('raw mail is compressed with lz4 where the server was built with it', async () => {
    const database = await createTestDatabase();
    try {
      const [setting] = await queryRows<{ enumvals: string[] }>(
        database.db,
        sql`SELECT enumvals FROM pg_settings WHERE name = 'default_toast_compression'`,
      );
      const compression = await queryRows<{ method: string }>(
        database.db,
        sql`SELECT attcompression::text AS method FROM pg_attribute WHERE attrelid = 'mail_raw'::regclass AND attname = 'content'`,
      );
      expect(compression).toEqual([{ method: setting?.enumvals.includes('lz4') ? 'l' : '' }]);
    } finally {
      await database.close();
    }
  });
});
