import { Column, type GetColumnData, is, type SQL, sql } from 'drizzle-orm';

/** What a row nested as JSON carries: table columns, or SQL typed with what its JSON value holds. */
export type JsonFields = Record<string, Column | SQL<unknown>>;
/** Such a row as a select would return it: columns mapped as from the driver, SQL values as their JSON holds them. */
export type JsonRowOf<F extends JsonFields> = {
  [K in keyof F]: F[K] extends Column ? GetColumnData<F[K]> : F[K] extends SQL<infer T> ? T : never;
};

/** `json_build_object` of the fields under their keys. */
function jsonObject(fields: JsonFields): SQL {
  const pairs = Object.entries(fields).map(([key, field]) => {
    if (!/^[A-Za-z]\w*$/.test(key)) throw new Error(`not a plain key: ${key}`);
    return sql`${sql.raw(`'${key}'`)}, ${field}`;
  });
  return sql`json_build_object(${sql.join(pairs, sql`, `)})`;
}

// Each subquery's SQL is nested in the one returned on purpose: in a select from one table, Drizzle strips the table
// from the columns a field names directly, which would make a correlated column (`contact_id = id`) ambiguous.

/**
 * A subquery giving the rows of `from` (a table, its joins and conditions) as one JSON array, in `orderBy` order: a
 * parent's children carried in the parent's query, so both come back in one round trip.
 */
export function jsonRowsOf({ fields, from, orderBy }: { fields: JsonFields; from: SQL; orderBy?: SQL | Column }): SQL<unknown> {
  const order = orderBy ? sql` order by ${orderBy}` : sql``;
  return sql`(${sql`select coalesce(json_agg(${jsonObject(fields)}${order}), '[]'::json) from ${from}`})`;
}

/** A subquery giving the first row of `from` in `orderBy` order as one JSON object, or null. */
export function jsonRowOf({ fields, from, orderBy }: { fields: JsonFields; from: SQL; orderBy: SQL | Column }): SQL<unknown> {
  return sql`(${sql`select ${jsonObject(fields)} from ${from} order by ${orderBy} limit 1`})`;
}

function fromJson<F extends JsonFields>(fields: F, row: Record<string, unknown>): JsonRowOf<F> {
  const mapped: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(fields)) {
    const value = row[key] ?? null;
    mapped[key] = value !== null && is(field, Column) ? field.mapFromDriverValue(value) : value;
  }
  return mapped as JsonRowOf<F>;
}

/** The rows of `jsonRowsOf(fields)` as a select would have returned them (timestamps as Dates, …). */
export const fromJsonRows = <F extends JsonFields>(fields: F, json: unknown): JsonRowOf<F>[] =>
  (json as Record<string, unknown>[]).map((row) => fromJson(fields, row));

/** The row of `jsonRowOf(fields)` as a select would have returned it, or null. */
export const fromJsonRow = <F extends JsonFields>(fields: F, json: unknown): JsonRowOf<F> | null =>
  json === null || json === undefined ? null : fromJson(fields, json as Record<string, unknown>);
