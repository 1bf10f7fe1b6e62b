import { fillPlaceholders, getTableColumns, sql, type Column, type Placeholder } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { database, type Database } from '#db/client';

/*
 * The lookups' statements, built by drizzle once per isolate and shape instead of once per
 * request: on the hot path, building a query costs more CPU than D1's indexed read. A
 * statement is written with placeholders; a request binds its values and decodes the raw
 * rows column by column, exactly as drizzle maps them (booleans, enums, nulls).
 */

/** Builds queries only (never runs one): drizzle needs no binding until a query executes. */
const builder: Database = database({} as D1Database);
const built = new Map<string, { sql: string; params: unknown[] }>();

/** Placeholders `<name>0` … `<name><count - 1>`, for a list compared with IN. */
export const placeholders = (name: string, count: number): Placeholder[] => Array.from({ length: count }, (_, i) => sql.placeholder(`${name}${i}`));

/** The values for `placeholders(name, …)`. */
export const placeholderValues = (name: string, values: readonly unknown[]): Record<string, unknown> =>
  Object.fromEntries(values.map((value, i) => [`${name}${i}`, value]));

/**
 * Runs the statement `build` writes (once for each `shape`: what changes its SQL text, such as
 * how many keys an IN holds) with `values` bound to its placeholders; the rows as arrays, in
 * the order of the selected columns.
 */
export async function rawRows(
  d1: D1Database,
  shape: string,
  build: (db: Database) => { toSQL(): { sql: string; params: unknown[] } },
  values: Record<string, unknown>,
): Promise<unknown[][]> {
  let statement = built.get(shape);
  if (!statement) {
    statement = build(builder).toSQL();
    built.set(shape, statement);
  }
  return d1
    .prepare(statement.sql)
    .bind(...fillPlaceholders(statement.params, values))
    .raw();
}

/** One column's value as drizzle returns it. */
export const decodeValue = (column: Column, value: unknown): unknown => (value === null || value === undefined ? null : column.mapFromDriverValue(value));

/** A selected table's columns from `values`, starting at `offset`, as drizzle maps them. */
export function decodeTable<T extends SQLiteTable>(table: T, values: unknown[], offset = 0): T['$inferSelect'] {
  const row: Record<string, unknown> = {};
  let i = offset;
  for (const [key, column] of Object.entries(getTableColumns(table))) row[key] = decodeValue(column, values[i++]);
  return row as T['$inferSelect'];
}

/** How many columns a table selects. */
export const columnCount = (table: SQLiteTable): number => Object.keys(getTableColumns(table)).length;
