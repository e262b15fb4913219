import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/platform/db/database';
import { createCliDatabase, runCli } from '../support/run-cli';

/** `baton import clients` in its own process, against the backend under test. */
describe('baton import clients', () => {
  let env: Record<string, string>;
  let dir: string;
  let cleanup: () => Promise<void>;
  let openSameDatabase: () => Promise<Database>;

  beforeAll(async () => {
    ({ env, dir, openSameDatabase, cleanup } = await createCliDatabase());
    const created = await runCli(
      [
        'user',
        'create',
        '--workspace',
        'acme',
        '--email',
        'anna@acme.example',
        '--name',
        'Anna',
        '--role',
        'admin',
        '--password',
        'a long password',
      ],
      env,
    );
    expect(created.stderr).toBe('');
  }, 60_000);
  afterAll(() => cleanup());

  async function clientCount() {
    const database = await openSameDatabase();
    try {
      const [row] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from clients`);
      return Number(row?.n);
    } finally {
      await database.close();
    }
  }

  const file = async (name: string, text: string) => {
    const target = path.join(dir, name);
    await writeFile(target, text);
    return target;
  };

  it('prints every bad row with its line number, exits 1 and writes nothing', async () => {
    const csv = await file(
      'bad.csv',
      'Company name,Company Domain Name,Email,tier\nGood,good.example,a@good.example,key\nBad,bad.example,nope,key\nWorse,worse.example,,platinum\n',
    );
    const result = await runCli(['import', 'clients', csv, '--workspace', 'acme'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 3 (contact_email): "nope" is not an email address');
    expect(result.stderr).toContain('line 4 (tier): unknown tier "platinum"');
    expect(result.stderr).toContain('nothing was written');
    expect(await clientCount()).toBe(0);
  }, 60_000);

  it('dry-runs, then imports with a progress bar, then updates on a second run', async () => {
    const csv = await file(
      'good.csv',
      'Account Name,Website,Contact: Full Name,Email,Phone,Fax\nNorthwind,northwind.example,James,james@northwind.example,+44 20 7946 0311,x\nNorthwind,,Priya,priya@northwind.example,,x\nBluefin,bluefin.example,Hannah,hannah@bluefin.example,,x\n',
    );
    const dry = await runCli(['import', 'clients', csv, '--dry-run'], env);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Fax → (ignored)');
    expect(dry.stdout).toContain('Dry run, nothing written: 3 rows → 2 clients: 2 new');
    expect(await clientCount()).toBe(0);

    const imported = await runCli(['import', 'clients', csv, '--mapping', '{"Fax": "notes"}'], env);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/3\/3 rows/);
    expect(imported.stdout).toContain('Imported into acme: 3 rows → 2 clients: 2 new');
    expect(await clientCount()).toBe(2);

    const again = await runCli(['import', 'clients', csv], env);
    expect(again.stdout).toContain('2 clients: 0 new, 0 updated, 2 unchanged');
    expect(await clientCount()).toBe(2);
  }, 90_000);

  it('refuses a bad --mapping and an unknown workspace', async () => {
    const csv = await file('one.csv', 'name\nX\n');
    const badMapping = await runCli(['import', 'clients', csv, '--mapping', '{"name": "nonsense"}'], env);
    expect(badMapping.code).toBe(2);
    expect(badMapping.stderr).toContain('--mapping');
    const noWorkspace = await runCli(['import', 'clients', csv, '--workspace', 'nope'], env);
    expect([noWorkspace.code, noWorkspace.stderr.trim()]).toEqual([2, 'No workspace with slug nope']);
  }, 60_000);
});
