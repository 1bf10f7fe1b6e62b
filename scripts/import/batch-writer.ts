import { D1_MAX_STATEMENT_BYTES, executeSql, type D1 } from './d1';

/** Rows per batch (one wrangler run each) unless `--batch-size` says otherwise. */
export const DEFAULT_BATCH_ROWS = 1_000_000;

/**
 * Groups rows into multi-row upserts, each as close to D1's 100,000 bytes as the rows allow
 * (the fewer statements, the less each costs to parse and run), and sends `batchSize` rows at
 * a time while the next batch is read (at most one batch in flight, so memory depends on the
 * batch size, never on the file's).
 */
export class BatchWriter {
  private rows: string[] = [];
  /** The batch D1 is executing while the next one is parsed. */
  private inFlight: Promise<unknown[]> = Promise.resolve([]);
  /** Statements sent before the first rows (e.g. clearing what a failed import left). */
  private prelude: string[] = [];
  /** Batches sent so far. */
  sent = 0;

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

  /** The rows as statements, each at most D1_MAX_STATEMENT_BYTES long. */
  private statements(): string[] {
    if (this.sortByKey) this.rows.sort();
    const head = `${this.insert} VALUES `;
    const tail = ` ${this.conflict};`;
    const fixed = Buffer.byteLength(head) + Buffer.byteLength(tail);
    const statements: string[] = [];
    let start = 0;
    let size = fixed;
    const rows = this.rows;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      // One byte per character unless the row holds more than ASCII (names, addresses).
      const bytes = (/^[\x20-\x7e]*$/.test(row) ? row.length : Buffer.byteLength(row)) + (i > start ? 1 : 0);
      if (i > start && size + bytes > D1_MAX_STATEMENT_BYTES) {
        statements.push(head + rows.slice(start, i).join(',') + tail);
        start = i;
        size = fixed + bytes - 1;
      } else size += bytes;
    }
    if (start < rows.length) statements.push(head + rows.slice(start).join(',') + tail);
    this.rows = [];
    return statements;
  }

  /** Sends the rows so far; returns once the previous batch is done, so reading overlaps writing. */
  async flush(after: string[] = []): Promise<void> {
    const statements = [...this.prelude, ...this.statements(), ...after];
    this.prelude = [];
    await this.inFlight;
    this.inFlight = executeSql(this.db, statements);
    this.sent++;
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
