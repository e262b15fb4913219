import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Database, openDatabase } from '../../src/platform/db/database';
import { createTestDatabase, templateDumpPath, testBackend } from './test-database';

/**
 * A migrated database that Baton processes and the test open in turn, on the backend under test: a PGlite data
 * directory under `dir` (loaded from the run's template; one process at a time, the data-directory lock sees to
 * it) or a fresh PostgreSQL test database. `env` points a Baton process at it.
 */
export async function createProcessDatabase(dir: string) {
  if (testBackend === 'pglite') {
    const dataDir = path.join(dir, 'data');
    const template = new Blob([await readFile(templateDumpPath())]);
    let loaded = false;
    return {
      env: { DATA_DIR: dataDir } as Record<string, string>,
      open: async (): Promise<Database> => {
        const database = await openDatabase({ kind: 'pglite', dataDir, ...(loaded ? {} : { loadDataDir: template }) });
        loaded = true;
        return database;
      },
      drop: async () => {},
    };
  }
  const database = await createTestDatabase();
  const url = database.url ?? '';
  return {
    env: { DATABASE_URL: url } as Record<string, string>,
    open: () => openDatabase({ kind: 'postgresql', url, poolSize: 3 }),
    drop: () => database.close(),
  };
}
export type ProcessDatabase = Awaited<ReturnType<typeof createProcessDatabase>>;
