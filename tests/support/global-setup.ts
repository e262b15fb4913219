import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/platform/db/database';
import { bundleForTests } from './baton-process';
import { postgresUrlFor, testBackend, withAdminClient } from './test-database';

/**
 * Bundles the `baton` CLI once for the tests that run it (run-cli.ts), and migrates one template database per run;
 * each test file then starts from a copy of it.
 */
export default async function setup(_project: TestProject) {
  const cli = await bundleForTests('baton', 'src/cli/baton.ts');
  process.env.BATON_TEST_CLI_BUNDLE = cli.file;
  const removeTemplate = await createTemplateDatabase();
  return async () => {
    await removeTemplate();
    await cli.cleanup();
  };
}

async function createTemplateDatabase(): Promise<() => Promise<unknown>> {
  if (testBackend === 'pglite') {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'baton-test-'));
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    await database.migrate();
    const client = (database.db as unknown as { $client: { dumpDataDir: (compression: 'none') => Promise<Blob> } }).$client;
    const dump = await client.dumpDataDir('none');
    const file = path.join(dir, 'template.tar');
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    await database.close();
    process.env.BATON_TEST_PGLITE_TEMPLATE = file;
    return async () => rm(dir, { recursive: true, force: true });
  }
  const name = `baton_tmpl_${randomBytes(4).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
  const database = await openDatabase({ kind: 'postgresql', url: postgresUrlFor(name), poolSize: 1 });
  await database.migrate();
  await database.close();
  process.env.BATON_TEST_PG_TEMPLATE = name;
  return async () => {
    await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  };
}
