import { and, count, eq, inArray, lt, sql } from 'drizzle-orm';
import type { PreparedWrites } from './idempotency';
import type { Database } from '#db/client';
import { idempotencyKeys, mobileBoxCounts, mobileBoxRequests, routeStops } from '#db/schema';

export type RequestRow = typeof mobileBoxRequests.$inferSelect;
export type NewRequest = typeof mobileBoxRequests.$inferInsert;

/**
 * The inserts of one request per ballot, for one batch. The unique index (election, ballot,
 * number's HMAC) decides duplicates, also between concurrent submissions: a duplicate inserts
 * nothing and returns no row.
 */
export function insertStatements(db: Database, rows: NewRequest[]) {
  return rows.map((row) =>
    db
      .insert(mobileBoxRequests)
      .values(row)
      .onConflictDoNothing({ target: [mobileBoxRequests.electionId, mobileBoxRequests.ballot, mobileBoxRequests.idHash] })
      .returning({ ballot: mobileBoxRequests.ballot, reference: mobileBoxRequests.reference }),
  ) as unknown as PreparedWrites['writes'];
}

/** True (inside a batch, after the inserts) when every one of these freshly drawn references was filed. */
export const allFiled = (db: Database, references: string[]) =>
  sql`(${db.select({ n: count() }).from(mobileBoxRequests).where(inArray(mobileBoxRequests.reference, references))}) = ${references.length}`;

/** The first request of a person for a ballot (to name it in a duplicate answer), by any of the number's HMACs. */
export async function existingReference(db: Database, electionId: string, ballot: RequestRow['ballot'], idHashes: string[]): Promise<string | undefined> {
  const rows = await db
    .select({ reference: mobileBoxRequests.reference })
    .from(mobileBoxRequests)
    .where(and(eq(mobileBoxRequests.electionId, electionId), eq(mobileBoxRequests.ballot, ballot), inArray(mobileBoxRequests.idHash, idHashes)))
    .orderBy(mobileBoxRequests.id)
    .limit(1);
  return rows[0]?.reference;
}

/** A request by reference and one of the number's HMACs: one query, whether the pair exists or not. */
export async function requestByReference(db: Database, reference: string, idHashes: string[]) {
  const rows = await db
    .select({
      status: mobileBoxRequests.status,
      section: mobileBoxRequests.section,
      reasonSealed: mobileBoxRequests.reasonSealed,
      recordKey: mobileBoxRequests.recordKey,
      electionId: mobileBoxRequests.electionId,
      receivedOn: mobileBoxRequests.receivedOn,
      createdAt: mobileBoxRequests.createdAt,
    })
    .from(mobileBoxRequests)
    .where(and(eq(mobileBoxRequests.reference, reference), inArray(mobileBoxRequests.idHash, idHashes)))
    .limit(1);
  return rows[0];
}

/**
 * The statements that end requests whose time is over: their counts per district, ballot and
 * status are kept, everything else is deleted, route stops included. Also drops expired
 * idempotency keys.
 */
export function purgeRequests(db: Database, today: string, now: Date) {
  const r = mobileBoxRequests;
  const c = mobileBoxCounts;
  const counts = db
    .select({ electionId: r.electionId, district: r.district, ballot: r.ballot, status: r.status, count: sql<number>`count(*)`.as('count') })
    .from(r)
    .where(lt(r.purgeAfter, today))
    .groupBy(r.electionId, r.district, r.ballot, r.status);
  return [
    db
      .insert(c)
      .select(counts)
      .onConflictDoUpdate({ target: [c.electionId, c.district, c.ballot, c.status], set: { count: sql`${c.count} + excluded.count` } }),
    db.delete(r).where(lt(r.purgeAfter, today)),
    // A route stop is the voter's home on a route: it goes with the requests.
    db.delete(routeStops).where(lt(routeStops.purgeAfter, today)),
    db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, now.toISOString())),
  ] as const;
}
