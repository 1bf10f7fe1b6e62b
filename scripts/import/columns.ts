import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

type Key<T extends SQLiteTable> = keyof T['$inferSelect'] & string;

/**
 * SQL names of a table's columns, taken from db/schema.ts: the importer and the purge write raw
 * SQL for wrangler, and a renamed column must break them at compile time, not in production.
 *
 * @example columns(stations, ['electionId', 'number']) // 'election_id, number'
 */
export function columns<T extends SQLiteTable>(table: T, keys: readonly Key<T>[]): string {
  const all = getTableColumns(table) as Record<string, { name: string }>;
  return keys.map((key) => all[key]!.name).join(', ');
}

/** `INSERT INTO <table> (<columns>)` for the given keys, in that order. */
export function insertInto<T extends SQLiteTable>(table: T, keys: readonly Key<T>[]): string {
  return `INSERT INTO ${getTableName(table)} (${columns(table, keys)})`;
}

/** `ON CONFLICT(<key columns>) DO UPDATE SET col = excluded.col, …` */
export function upsert<T extends SQLiteTable>(table: T, conflict: readonly Key<T>[], update: readonly Key<T>[], extra = ''): string {
  const set = update.map((key) => columns(table, [key])).map((name) => `${name} = excluded.${name}`);
  return `ON CONFLICT(${columns(table, conflict)}) DO UPDATE SET ${[...set, ...(extra ? [extra] : [])].join(', ')}`;
}

export const tableName = (table: SQLiteTable) => getTableName(table);
