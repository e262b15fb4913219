import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/platform/db/database';
import { createCliDatabase, runCli } from '../support/run-cli';
import { testBackend } from '../support/test-database';

/**
 * The CLI runs in its own process against the backend under test: an on-disk PGlite directory or a PostgreSQL database.
 * Every step spawns the CLI (a Node process starting PGlite): slow on a loaded machine, hence the long timeout.
 */
describe('baton CLI', { timeout: 180_000 }, () => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  let openSameDatabase: () => Promise<Database>;

  beforeAll(async () => {
    ({ env, openSameDatabase, cleanup } = await createCliDatabase());
  });
  afterAll(() => cleanup());

  async function tamper(statement: ReturnType<typeof sql>) {
    const database = await openSameDatabase();
    try {
      await database.db.execute(statement);
    } finally {
      await database.close();
    }
  }

  it('prints help for every command', async () => {
    for (const args of [
      ['--help'],
      ['start', '--help'],
      ['migrate', '--help'],
      ['demo', '--help'],
      ['user', 'create', '--help'],
      ['audit', 'verify', '--help'],
    ]) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout).toContain('Usage: baton');
    }
  });

  it('migrates, then creates a user (and its workspace)', async () => {
    const migrate = await runCli(['migrate'], env);
    expect(migrate.stdout).toContain('up to date');
    const created = await runCli(
      [
        'user',
        'create',
        '--workspace',
        'acme',
        '--email',
        'Boss@Acme.example',
        '--name',
        'Boss',
        '--role',
        'admin',
        '--password',
        'a long password',
      ],
      env,
    );
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('Created admin boss@acme.example in workspace acme');
  });

  it('rejects bad options with a clear message and creates nothing', async () => {
    const result = await runCli(
      ['user', 'create', '--workspace', 'acme', '--email', 'not-an-email', '--name', 'X', '--role', 'boss', '--password', 'short'],
      env,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--email: must be an email address');
    expect(result.stderr).toContain('--role');
    expect(result.stderr).toContain('--password: must be at least 10 characters');
    const duplicate = await runCli(
      ['user', 'create', '--workspace', 'acme', '--email', 'boss@acme.example', '--name', 'B', '--password', 'a long password'],
      env,
    );
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('user.email_taken');
  });

  it('loads the demo only into an empty database', async () => {
    const result = await runCli(['demo'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('only into an empty database');
  });

  it('audit verify passes on an intact log', async () => {
    await runCli(
      ['user', 'create', '--workspace', 'acme', '--email', 'second@acme.example', '--name', 'Second', '--password', 'a long password'],
      env,
    );
    const result = await runCli(['audit', 'verify'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('acme: ok, 3 events');
  });

  it('audit verify exits 1 and names the first bad event after an edit', async () => {
    await tamper(sql`UPDATE audit_events SET action = 'user.deleted' WHERE seq = 2`);
    const result = await runCli(['audit', 'verify', '--json'], env);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      workspace: 'acme',
      ok: false,
      firstBad: { seq: 2, reason: expect.stringContaining('edited') },
    });
  });

  it('audit verify detects reordered events', async () => {
    await tamper(sql`UPDATE audit_events SET action = 'user.created' WHERE seq = 2`);
    expect((await runCli(['audit', 'verify'], env)).code).toBe(0);
    // Swap the contents of rows #2 and #3 (storage order stays, the chain does not).
    await tamper(sql`UPDATE audit_events SET seq = CASE seq WHEN 2 THEN -3 WHEN 3 THEN -2 END WHERE seq IN (2, 3)`);
    await tamper(sql`UPDATE audit_events SET seq = -seq WHERE seq < 0`);
    const result = await runCli(['audit', 'verify'], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/BROKEN at event #\d/);
  });

  it('audit verify detects a deleted event', async () => {
    await tamper(sql`DELETE FROM audit_events WHERE seq = 1`);
    const result = await runCli(['audit', 'verify'], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/BROKEN at event #\d+: .*deleted/);
  });
});

describe.skipIf(testBackend !== 'pglite')('the embedded data directory is locked to one process', () => {
  it('a CLI command while another process holds the directory gets a clear message, and its write is not lost silently', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'baton-lock-'));
    const holder = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      await holder.migrate();
      const result = await runCli(
        ['user', 'create', '--workspace', 'w', '--email', 'a@b.example', '--name', 'A', '--password', 'a long password'],
        { DATA_DIR: dir },
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`is in use by another Baton process (pid ${process.pid})`);
      const rows = await holder.db.execute(sql`SELECT count(*)::int AS n FROM users`);
      expect((rows as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
    } finally {
      await holder.close();
    }
    // Released: the next process gets in.
    const after = await runCli(
      ['user', 'create', '--workspace', 'w', '--email', 'a@b.example', '--name', 'A', '--password', 'a long password'],
      { DATA_DIR: dir },
    );
    expect(after.code).toBe(0);
    await rm(dir, { recursive: true, force: true });
  });
});
