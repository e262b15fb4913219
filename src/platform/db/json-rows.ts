import { type Column, type GetColumnData, type SQL, sql } from 'drizzle-orm';

export type JsonColumns = Record<string, Column>;
/** A row of these columns as a select would return it. */
export type JsonRowOf<C extends JsonColumns> = { [K in keyof C]: GetColumnData<C[K]> };

/**
 * `json_build_object` of columns under their keys: a row carried inside another query's result, so a parent and its
 * children (a contact and its escalations) come back in one round trip.
 */
export function jsonObject(columns: Record<string, Column | SQL>): SQL {
  const pairs = Object.entries(columns).map(([key, column]) => {
    if (!/^[A-Za-z]\w*$/.test(key)) throw new Error(`not a plain key: ${key}`);
    return sql`${sql.raw(`'${key}'`)}, ${column}`;
  });
  return sql`json_build_object(${sql.join(pairs, sql`, `)})`;
}

/**
 * A subquery giving the rows of `from` (a table and its conditions) as one JSON array of `jsonObject(columns)`, in
 * `orderBy` order: a parent's children in the parent's query. Its SQL is nested in the result on purpose: in a
 * select from one table, Drizzle strips the table from the columns a field names directly, which would make a
 * correlated column (`contact_id = id`) ambiguous.
 */
export function jsonRowsOf({ columns, from, orderBy }: { columns: Record<string, Column | SQL>; from: SQL; orderBy?: SQL | Column }): SQL {
  const order = orderBy ? sql` order by ${orderBy}` : sql``;
  const query = sql`select coalesce(json_agg(${jsonObject(columns)}${order}), '[]'::json) from ${from}`;
  return sql`(${query})`;
}

/**
 * The rows of `jsonRowsOf(columns)`, read back as a select would have returned them: each column maps its
 * value as from the driver (timestamps to Dates, …). Keys not in `columns` (a joined name) are kept as they came.
 */
export function fromJsonRows<C extends JsonColumns, Extra = unknown>(columns: C, rows: unknown): (JsonRowOf<C> & Extra)[] {
  return (rows as Record<string, unknown>[]).map((row) => {
    const mapped: Record<string, unknown> = { ...row };
    for (const [key, column] of Object.entries(columns)) {
      const value = row[key];
      mapped[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return mapped as JsonRowOf<C> & Extra;
  });
}
