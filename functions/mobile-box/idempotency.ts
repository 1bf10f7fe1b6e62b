import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { idempotencyKeys } from '../../db/schema';
import { personalNumberHash, type DataKeys } from '../platform/crypto';
import { Refused, ValidationFailed } from '../platform/errors';

/** What a submission answered: replayed as it was for a retry with the same key. */
export interface StoredAnswer {
  status: 201 | 409;
  body: unknown;
}

const KEEP_MS = 24 * 60 * 60 * 1000;
const WAIT_STEPS = 40;
const WAIT_MS = 100;

/**
 * Runs a submission at most once per `Idempotency-Key`. The first request claims the key in
 * D1 (a primary key decides, also between concurrent requests), runs, and stores its answer; a
 * retry gets that answer with the same status (waiting briefly while the first one still runs).
 * The same key with another body is refused. Without a key, the submission just runs.
 */
export async function idempotent(db: Database, keys: DataKeys, key: string | undefined, request: unknown, now: Date, run: () => Promise<StoredAnswer>): Promise<StoredAnswer> {
  if (key === undefined) return run();
  if (key.trim() === '' || key.length > 200) throw new ValidationFailed([{ field: 'Idempotency-Key', code: key.trim() === '' ? 'required' : 'too_long', limit: 200 }]);
  const keyHash = await personalNumberHash(keys.current, 'idempotency-key', key);
  // Keyed, like every hash of personal data: the body holds the voter's number and address.
  const requestHash = await personalNumberHash(keys.current, 'idempotency-request', JSON.stringify(request));
  const owner = crypto.randomUUID();
  const find = () => db.select().from(idempotencyKeys).where(eq(idempotencyKeys.keyHash, keyHash)).limit(1);
  const [, claimed] = await db.batch([
    db.insert(idempotencyKeys).values({ keyHash, owner, requestHash, expiresAt: new Date(now.getTime() + KEEP_MS).toISOString() }).onConflictDoNothing(),
    find(),
  ]);
  const row = claimed[0]!;
  if (row.requestHash !== requestHash) throw new Refused('idempotency_key_reused');
  if (row.owner !== owner) {
    for (let step = 0; step < WAIT_STEPS; step++) {
      const [stored] = await find();
      if (stored?.status && stored.body) return { status: stored.status as StoredAnswer['status'], body: JSON.parse(stored.body) };
      await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
    }
    // The first request never finished: run this one (the unique index still prevents doubles).
    return run();
  }
  try {
    const answer = await run();
    await db
      .update(idempotencyKeys)
      .set({ status: answer.status, body: JSON.stringify(answer.body) })
      .where(and(eq(idempotencyKeys.keyHash, keyHash), eq(idempotencyKeys.owner, owner)));
    return answer;
  } catch (error) {
    // Nothing to replay: free the key for a retry.
    await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.keyHash, keyHash), eq(idempotencyKeys.owner, owner)));
    throw error;
  }
}
