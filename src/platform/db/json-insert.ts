import { type Column, getTableColumns, is, SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/** Types a record definition cannot name: a serial is its integer type once the default is left aside. */
const RECORD_TYPES: Record<string, string> = { smallserial: 'smallint', serial: 'integer', bigserial: 'bigint' };
/** Names quoted as they are: anything needing escapes is refused. */
const PLAIN_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * A multi-row INSERT whose rows travel as ONE jsonb parameter: `INSERT INTO t (…) SELECT … FROM
 * jsonb_to_recordset($1)`, in the order given. Drizzle's own builder type-checks every parameter of a multi-row
 * insert, which for a batch of mail (hundreds of parameters) cost the main thread more than the database's work;
 * here the rows are one `JSON.stringify`. Append `ON CONFLICT …` and `RETURNING …` to the SQL as needed.
 *
 * Columns no row gives take their SQL default. A column some rows give and others leave out takes its JavaScript
 * default, else null (one whose default is SQL is refused). Not for bytea: binary would have to travel as text.
 */
export function insertFromJson<T extends PgTable>(table: T, rows: readonly T['$inferInsert'][]): SQL {
  // Each column's name and type once, not once per value.
  const given = Object.entries(getTableColumns(table) as Record<string, Column>)
    .filter(([key]) => rows.some((row) => (row as Record<string, unknown>)[key] !== undefined))
    .map(([key, column]) => ({ key, column, type: column.getSQLType() }));
  for (const { column, type } of given) {
    if (!PLAIN_NAME.test(column.name)) throw new Error(`insertFromJson: column name ${column.name} needs escaping`);
    if (type === 'bytea') throw new Error(`insertFromJson: ${column.name} is bytea`);
  }
  const records = rows.map((row) =>
    Object.fromEntries(
      given.map(({ key, column, type }) => [column.name, jsonValueOf(column, type, (row as Record<string, unknown>)[key])]),
    ),
  );
  const names = given.map(({ column }) => `"${column.name}"`).join(', ');
  const definitions = given.map(({ column, type }) => `"${column.name}" ${RECORD_TYPES[type] ?? type}`);
  return sql`INSERT INTO ${table} (${sql.raw(names)}) SELECT ${sql.raw(names)}
    FROM ROWS FROM (jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS (${sql.raw(definitions.join(', '))}))
    WITH ORDINALITY AS row_values(${sql.raw(names)}, row_number) ORDER BY row_number`;
}

/** A value as the record's column reads it from JSON: JSON columns nested as they are, others as the driver gets them. */
function jsonValueOf(column: Column, type: string, given: unknown): unknown {
  const value = given === undefined ? defaultOf(column) : given;
  if (value === null) return null;
  // instanceof rather than Drizzle's is(), which walks prototypes: this runs for every value of a batch.
  if (value instanceof SQL) throw new Error(`insertFromJson: ${column.name} is given as SQL`);
  return type === 'json' || type === 'jsonb' ? value : column.mapToDriverValue(value);
}

function defaultOf(column: Column): unknown {
  if (column.defaultFn) return column.defaultFn();
  if (column.default === undefined) return null;
  if (is(column.default, SQL)) throw new Error(`insertFromJson: ${column.name} is left out of some rows and defaults in SQL`);
  return column.default;
}
