import { and, eq, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '#db/client';
import { idempotencyKeys } from '#db/schema';
import { personalNumberHash, type DataKeys } from '#functions/platform/crypto';
import { ValidationFailed } from '#core/errors';
import { violatesUnique } from '#functions/platform/d1-errors';
import { refuse } from './errors';

/** What a submission answered: replayed as it was for a retry with the same key. */
export interface StoredAnswer {
  status: 201;
  body: unknown;
}

/** A submission's writes, prepared before anything is written. */
export interface PreparedWrites {
  /** The statements, run as one batch (one transaction); none when there is nothing to write. */
  writes: BatchItem<'sqlite'>[];
  /** The answer when every write did what it should, and the SQL condition that proves it inside the same transaction. */
  expected: { answer: StoredAnswer; provenBy: SQL };
  /** The answer from the writes' results, for when the expected one was not proven. */
  settle: (results: unknown[]) => Promise<StoredAnswer>;
}

const KEEP_MS = 24 * 60 * 60 * 1000;
const WAIT_STEPS = 40;
const WAIT_MS = 100;

async function writeOnce(db: Database, prepare: () => Promise<PreparedWrites>): Promise<StoredAnswer> {
  const prepared = await prepare();
  const [first, ...rest] = prepared.writes;
  return prepared.settle(first ? await db.batch([first, ...rest]) : []);
}

/**
 * Runs a submission at most once per `Idempotency-Key`, in one D1 transaction in the usual
 * case: the key's claim (a primary key, so a second claim fails the whole batch, also between
 * concurrent requests), the submission's writes, and its answer, stored only when the writes
 * prove it. A retry gets the stored answer with the same status (waiting briefly while the
 * first one still settles); the same key with another body is refused. Without a key, the
 * writes just run.
 */
export async function idempotent(
  db: Database,
  keys: DataKeys,
  key: string | undefined,
  request: unknown,
  now: Date,
  prepare: () => Promise<PreparedWrites>,
): Promise<StoredAnswer> {
  if (key === undefined) return writeOnce(db, prepare);
  if (key.trim() === '' || key.length > 200)
    throw new ValidationFailed([{ field: 'Idempotency-Key', code: key.trim() === '' ? 'required' : 'too_long', limit: 200 }]);
  const keyHash = await personalNumberHash(keys.current, 'idempotency-key', key);
  // Keyed, like every hash of personal data: the body holds the voter's number and address.
  const requestHash = await personalNumberHash(keys.current, 'idempotency-request', JSON.stringify(request));
  const owner = crypto.randomUUID();
  const mine = and(eq(idempotencyKeys.keyHash, keyHash), eq(idempotencyKeys.owner, owner));
  const store = (answer: StoredAnswer, when?: SQL) =>
    db
      .update(idempotencyKeys)
      .set({ status: answer.status, body: JSON.stringify(answer.body) })
      .where(when ? and(mine, when) : mine)
      .returning({ keyHash: idempotencyKeys.keyHash });

  // A claim whose first request rolled back (nothing stored) is free again: claim once more.
  for (let attempt = 0; attempt < 2; attempt++) {
    const prepared = await prepare();
    try {
      const claim = db.insert(idempotencyKeys).values({ keyHash, owner, requestHash, expiresAt: new Date(now.getTime() + KEEP_MS).toISOString() });
      const results: unknown[] = await db.batch([claim, ...prepared.writes, store(prepared.expected.answer, prepared.expected.provenBy)]);
      if ((results.at(-1) as unknown[]).length === 1) return prepared.expected.answer;
      const answer = await prepared.settle(results.slice(1, -1));
      await store(answer);
      return answer;
    } catch (error) {
      if (!violatesUnique(error, 'idempotency_keys.key_hash')) throw error;
    }
    const earlier = await storedAnswer(db, keyHash, requestHash);
    if (earlier !== 'gone') return earlier ?? writeOnce(db, prepare);
  }
  return writeOnce(db, prepare);
}

/**
 * The answer of the request that claimed the key first, once it is stored; `gone` when that
 * claim no longer exists, undefined when it never stored an answer.
 */
async function storedAnswer(db: Database, keyHash: string, requestHash: string): Promise<StoredAnswer | 'gone' | undefined> {
  for (let step = 0; step < WAIT_STEPS; step++) {
    const [row] = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.keyHash, keyHash)).limit(1);
    if (!row) return 'gone';
    if (row.requestHash !== requestHash) throw refuse('idempotency_key_reused');
    if (row.status && row.body) return { status: row.status as StoredAnswer['status'], body: JSON.parse(row.body) };
    await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
  }
  // The first request never settled its answer: the caller submits again (an identical repeat is folded into the first).
  return undefined;
}
