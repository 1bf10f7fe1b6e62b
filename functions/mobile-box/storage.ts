import { and, count, eq, inArray, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Database } from '#db/client';
import { idempotencyKeys, mobileBoxCounts, mobileBoxRequests, routeStops } from '#db/schema';
import { counted } from './repeats';

export type RequestRow = typeof mobileBoxRequests.$inferSelect;
export type NewRequest = typeof mobileBoxRequests.$inferInsert;

/** True (inside a batch, after the inserts) when every one of these freshly drawn references was filed. */
export const allFiled = (db: Database, references: string[]) =>
  sql`(${db.select({ n: count() }).from(mobileBoxRequests).where(inArray(mobileBoxRequests.reference, references))}) = ${references.length}`;

/**
 * A request by reference and one of the number's HMACs: one query, whether the pair exists or
 * not. A closed request (folded into, or resolved with, another) answers as the one it went to.
 */
export async function requestByReference(db: Database, reference: string, idHashes: string[]) {
  const into = alias(mobileBoxRequests, 'into');
  const rows = await db
    .select({
      own: {
        status: mobileBoxRequests.status,
        section: mobileBoxRequests.section,
        reasonSealed: mobileBoxRequests.reasonSealed,
        recordKey: mobileBoxRequests.recordKey,
      },
      into: { status: into.status, section: into.section, reasonSealed: into.reasonSealed, recordKey: into.recordKey },
      // The date of receipt is this application's own, whichever application answers for its status.
      receipt: { electionId: mobileBoxRequests.electionId, receivedOn: mobileBoxRequests.receivedOn, createdAt: mobileBoxRequests.createdAt },
    })
    .from(mobileBoxRequests)
    .leftJoin(into, eq(into.id, mobileBoxRequests.mergedInto))
    .where(and(eq(mobileBoxRequests.reference, reference), inArray(mobileBoxRequests.idHash, idHashes)))
    .limit(1);
  const row = rows[0];
  return row && { ...(row.into ?? row.own), ...row.receipt };
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
    // A person's applications for a ballot count once: no repeat waiting for staff, no closed copy.
    .where(and(lt(r.purgeAfter, today), counted()))
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
