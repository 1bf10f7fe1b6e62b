// The real D1 binding, watched: every statement the app runs is recorded with the rows D1 says
// it read and wrote (`meta.rows_read` / `meta.rows_written`). Nothing is answered in D1's place.
// drizzle reads selects through `raw()`, which drops `meta`; for those, the same read-only
// statement is run once more with `run()` just to read its meta (so use this for counting, never
// for timing). A write through `raw()` (INSERT … RETURNING) is run once, with `all()`, and its
// rows handed back as arrays in column order.

export interface StatementCost {
  sql: string;
  /** The values bound to it, to replay it. */
  params: unknown[];
  rowsRead: number;
  rowsWritten: number;
}

const isRead = (sql: string) => /^\s*(select|with)\b/i.test(sql);

function costOf(statement: WatchedStatement, result: D1Result): StatementCost {
  return { sql: statement.sql, params: statement.params, rowsRead: result.meta.rows_read ?? 0, rowsWritten: result.meta.rows_written ?? 0 };
}

class WatchedStatement {
  constructor(
    readonly inner: D1PreparedStatement,
    readonly sql: string,
    private readonly log: StatementCost[],
    readonly params: unknown[] = [],
  ) {}

  bind(...values: unknown[]): WatchedStatement {
    return new WatchedStatement(this.inner.bind(...values), this.sql, this.log, values);
  }

  async run<T>(): Promise<D1Result<T>> {
    const result = await this.inner.run<T>();
    this.log.push(costOf(this, result));
    return result;
  }

  async all<T>(): Promise<D1Result<T>> {
    const result = await this.inner.all<T>();
    this.log.push(costOf(this, result));
    return result;
  }

  async first<T>(column?: string): Promise<T | null> {
    const result = await this.inner.all<Record<string, unknown>>();
    this.log.push(costOf(this, result));
    const row = result.results[0];
    if (!row) return null;
    return (column === undefined ? row : row[column]) as T;
  }

  async raw<T extends unknown[]>(): Promise<T[]> {
    if (isRead(this.sql)) {
      const rows = await this.inner.raw<T>();
      this.log.push(costOf(this, await this.inner.run()));
      return rows;
    }
    const result = await this.inner.all<Record<string, unknown>>();
    this.log.push(costOf(this, result));
    return result.results.map((row) => Object.values(row) as T);
  }
}

/**
 * A D1 binding that records what each statement cost; `take()` returns and clears the record.
 *
 * @example const watched = watchedD1(env.DB); await app.request('/api/health', {}, { ...env, DB: watched.db }); watched.take() // [{ sql: 'select 1', rowsRead: 0, … }]
 */
export function watchedD1(db: D1Database) {
  const log: StatementCost[] = [];
  const wrap = (target: D1Database | D1DatabaseSession): D1Database =>
    ({
      prepare: (sql: string) => new WatchedStatement(target.prepare(sql), sql, log),
      batch: async (statements: WatchedStatement[]) => {
        const results = await target.batch(statements.map((statement) => statement.inner));
        for (const [index, result] of results.entries()) log.push(costOf(statements[index]!, result));
        return results;
      },
      exec: (sql: string) => (target as D1Database).exec(sql),
      dump: () => (target as D1Database).dump(),
      withSession: (constraint?: string) => {
        const session = (target as D1Database).withSession(constraint as D1SessionConstraint);
        return Object.assign(wrap(session), { getBookmark: () => session.getBookmark() });
      },
    }) as unknown as D1Database;
  return {
    db: wrap(db),
    take(): StatementCost[] {
      return log.splice(0);
    },
  };
}
