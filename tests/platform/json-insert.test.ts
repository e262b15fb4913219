import { sql } from 'drizzle-orm';
import { bigserial, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bytea } from '../../src/platform/db/bytea';
import { type Database, queryRows } from '../../src/platform/db/database';
import { insertFromJson } from '../../src/platform/db/json-insert';
import { createTestDatabase, testBackend } from '../support/test-database';

// A table of its own, with what the batch inserts of mail, audit events and jobs meet: a serial key, JSON, timestamps,
// SQL and JavaScript defaults, reserved words as column names and a bytea column (which the helper refuses).
const things = pgTable('json_insert_things', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  key: text('key').notNull().unique(),
  to: jsonb('to').$type<{ name: string; address: string }[]>().notNull().default([]),
  references: text('references'),
  at: timestamp('at', { withTimezone: true }),
  status: text('status').notNull().default('new'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  content: bytea('content'),
});

type Stored = { id: number; key: string; to: unknown; references: string | null; at: Date | null; status: string; createdAt: Date };

let database: Database;
const stored = async (): Promise<Stored[]> => database.db.select().from(things).orderBy(things.id);

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.execute(sql`CREATE TABLE json_insert_things (
    id bigserial PRIMARY KEY, key text NOT NULL UNIQUE, "to" jsonb NOT NULL DEFAULT '[]', "references" text,
    at timestamptz, status text NOT NULL DEFAULT 'new', created_at timestamptz NOT NULL DEFAULT now(), content bytea)`);
});
afterAll(() => database.close());
beforeEach(() => database.db.execute(sql`TRUNCATE json_insert_things RESTART IDENTITY`));

describe(`insertFromJson on ${testBackend}`, () => {
  it('inserts the rows in the order given, values as Drizzle would store them', async () => {
    const at = new Date('2026-03-02T09:15:00.123Z');
    const awkward = 'Quote " backslash \\ apostrophe \' emoji 🙂 accents àèì\nnew line';
    await database.db.execute(
      insertFromJson(things, [
        { key: 'b', to: [{ name: awkward, address: 'anna@example.com' }], references: awkward, at },
        { key: 'a', to: [], references: null, at: null },
        { key: 'c' },
      ]),
    );
    const rows = await stored();
    expect(rows.map((row) => [row.id, row.key])).toEqual([
      [1, 'b'],
      [2, 'a'],
      [3, 'c'],
    ]);
    expect(rows[0]).toMatchObject({ to: [{ name: awkward, address: 'anna@example.com' }], references: awkward, at, status: 'new' });
    expect(rows[1]).toMatchObject({ to: [], references: null, at: null });
    // Left out by this row but given by others: the JavaScript default, else null.
    expect(rows[2]).toMatchObject({ to: [], references: null, at: null, status: 'new' });
    // Given by no row: the SQL default.
    for (const row of rows) expect(row.createdAt).toBeInstanceOf(Date);
  });

  it('with ON CONFLICT DO NOTHING, returns only what it inserted; within the list the first row wins', async () => {
    await database.db.execute(insertFromJson(things, [{ key: 'taken', references: 'first' }]));
    const inserted = await queryRows<{ key: string }>(
      database.db,
      sql`${insertFromJson(things, [
        { key: 'new', references: 'second' },
        { key: 'taken', references: 'third' },
        { key: 'new', references: 'fourth' },
      ])} ON CONFLICT DO NOTHING RETURNING key`,
    );
    expect(inserted).toEqual([{ key: 'new' }]);
    expect((await stored()).map((row) => [row.key, row.references])).toEqual([
      ['taken', 'first'],
      ['new', 'second'],
    ]);
  });

  it('refuses bytea, SQL values and a column with an SQL default left out of some rows, before anything is written', async () => {
    expect(() => insertFromJson(things, [{ key: 'x', content: Buffer.from('bytes') }])).toThrow(/content is bytea/);
    expect(() => insertFromJson(things, [{ key: sql`'x'` as unknown as string }])).toThrow(/key is given as SQL/);
    expect(() => insertFromJson(things, [{ key: 'x', createdAt: new Date() }, { key: 'y' }])).toThrow(/created_at .* defaults in SQL/);
    expect(await stored()).toEqual([]);
  });
});
