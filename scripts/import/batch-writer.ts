import { executeSql, type D1 } from './d1';

/** D1 refuses a statement over 100,000 bytes; we stay well under it whatever the rows hold. */
export const MAX_STATEMENT_BYTES = 90_000;
/** Rows per INSERT statement at most: well under SQLite's limits, large enough to be fast. */
const MAX_ROWS_PER_STATEMENT = 200;
const encoder = new TextEncoder();

/**
 * Groups rows into multi-row upserts (at most 200 rows and MAX_STATEMENT_BYTES each) and sends `batchSize`
 * rows at a time while the next batch is read (at most one batch in flight).
 */
export class BatchWriter {
  private rows: string[] = [];
  /** The batch D1 is executing while the next one is parsed. */
  private inFlight: Promise<unknown[]> = Promise.resolve([]);
  /** Statements sent before the first rows (e.g. clearing what a failed import left). */
  private prelude: string[] = [];

  constructor(
    private readonly db: D1,
    private readonly batchSize: number,
    private readonly insert: string,
    private readonly conflict: string,
    /**
     * Send each batch in key order. The register's key is an HMAC, random by design: inserted in
     * arrival order every row lands somewhere else in the WITHOUT ROWID B-tree; sorted, a batch
     * fills pages one after another. Tuples start with their key columns, so sorting the
     * tuples' text sorts by key.
     */
    private readonly sortByKey = false,
  ) {}

  /** Statements to run, in the same first batch, before any row. */
  before(statements: string[]): this {
    this.prelude = statements;
    return this;
  }

  async add(tuple: string): Promise<void> {
    this.rows.push(tuple);
    if (this.rows.length >= this.batchSize) await this.flush();
  }

  /** The rows as statements, each under the size limit. */
  private statements(): string[] {
    if (this.sortByKey) this.rows.sort();
    const fixed = encoder.encode(`${this.insert} VALUES  ${this.conflict};`).length;
    const statements: string[] = [];
    let values: string[] = [];
    let size = fixed;
    for (const row of this.rows) {
      const bytes = encoder.encode(row).length + 1;
      if (values.length > 0 && (size + bytes > MAX_STATEMENT_BYTES || values.length === MAX_ROWS_PER_STATEMENT)) {
        statements.push(`${this.insert} VALUES ${values.join(',')} ${this.conflict};`);
        values = [];
        size = fixed;
      }
      values.push(row);
      size += bytes;
    }
    if (values.length > 0) statements.push(`${this.insert} VALUES ${values.join(',')} ${this.conflict};`);
    this.rows = [];
    return statements;
  }

  /** Sends the rows so far; returns once the previous batch is done, so reading overlaps writing. */
  async flush(after: string[] = []): Promise<void> {
    const statements = [...this.prelude, ...this.statements(), ...after];
    this.prelude = [];
    await this.inFlight;
    this.inFlight = executeSql(this.db, statements);
    // Handled when awaited by the next flush or finish; this only keeps Node from aborting first.
    this.inFlight.catch(() => {});
  }

  /**
   * Sends the rest, then `after` in the same batch, and waits until D1 has everything. A failed
   * statement stops its batch, so `after` runs only when every row before it was written.
   */
  async finish<T = unknown>(after: string[] = []): Promise<T[]> {
    await this.flush(after);
    return (await this.inFlight) as T[];
  }
}
