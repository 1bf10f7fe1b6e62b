import { drizzle } from 'drizzle-orm/d1';
import type { Database } from '#db/client';
import * as schema from '#db/schema';
import { sqlValue } from '#scripts/import/d1';

const notHere = () => {
  throw new Error('scripts/cli/sql-text.ts writes SQL; a D1 (scripts/import/d1.ts) runs it');
};

/**
 * A drizzle client that only writes SQL: the command-line tools build the same statements as
 * the Worker (e.g. the retention's) and run them as SQL text on a D1 (scripts/import/d1.ts):
 * `wrangler d1 execute`, local or remote, or SQLite in the tests.
 */
export const sqlWriter: Database = drizzle({ prepare: notHere, batch: notHere, exec: notHere, dump: notHere, withSession: notHere } as unknown as D1Database, {
  schema,
});

/** A drizzle statement as SQL text with its parameters written in as literals. */
export function sqlText(query: { toSQL(): { sql: string; params: unknown[] } }): string {
  const { sql, params } = query.toSQL();
  const parts = sql.split('?');
  // Drizzle passes every value as a parameter, so each "?" is one.
  if (parts.length !== params.length + 1) throw new Error(`cannot inline ${params.length} parameters into: ${sql}`);
  return `${parts.reduce((text, part, index) => text + sqlValue(params[index - 1] as string | number | boolean | null) + part)};`;
}

/** A query counting the rows a DELETE statement (from sqlText) would remove: the same WHERE. */
export function countOfDelete(deleteSql: string): string {
  const match = /^delete from (\S+)( where .*)?;$/is.exec(deleteSql);
  if (!match) throw new Error(`not a DELETE: ${deleteSql}`);
  return `SELECT count(*) FROM ${match[1]}${match[2] ?? ''}`;
}
