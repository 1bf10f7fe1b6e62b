import { and, count, eq, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import { type AnySQLiteColumn, alias } from 'drizzle-orm/sqlite-core';
import type { Database } from '#db/client';
import { mobileBoxRequests } from '#db/schema';
import { personalNumberHash, type DataKeys } from '#functions/platform/crypto';
import type { PreparedWrites } from './idempotency';

/*
 * Repeated applications. A person (by the number's HMAC) may apply again for a ballot they
 * already applied for: the new application is stored and sealed like any other, with its own
 * reference, and linked to the earlier one for staff to resolve (functions/staff/pairs.ts). An
 * identical repeat of an application still `received` (a double tap, a retrying client) is
 * folded into it: stored, closed as `folded`, its reference answering as that application.
 *
 * Both are decided inside the one INSERT statement, by subselects over any of the number's
 * HMACs (so a rotation of DATA_KEY keeps working): D1 runs each statement atomically, so
 * concurrent submissions cannot both be "the first". The statement's text is the same for a
 * first and for a repeated application; only its bound values differ, and the answer is built
 * from what was drawn before it ran: nobody learns from the answer that someone applied.
 */

type NewRequest = typeof mobileBoxRequests.$inferInsert;
const r = mobileBoxRequests;

/** JSON with keys sorted at every level and undefined values left out: one text per submission, whatever order its fields came in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The fingerprint of one ballot's application: an HMAC under DATA_KEY (and under the previous
 * key while it rotates) of the canonical submission, every field of it. Identical submissions
 * have the same fingerprint; the fingerprint tells nothing of the values.
 */
export async function submissionFingerprints(keys: DataKeys, submission: Record<string, unknown>): Promise<string[]> {
  const text = canonicalJson(submission);
  const current = await personalNumberHash(keys.current, 'mobile-box-submission', text);
  return keys.previous ? [current, await personalNumberHash(keys.previous, 'mobile-box-submission', text)] : [current];
}

/** A list bound as one JSON value: the statement's text does not depend on how many items it holds. */
const jsonList = (values: readonly string[]) => sql`(SELECT value FROM json_each(${JSON.stringify(values)}))`;

/** Not closed: neither folded, superseded, merged nor rejected when its pair was resolved. */
export const isOpen = (table: { closedAs: AnySQLiteColumn } = r) => isNull(table.closedAs);

/**
 * What the counts count (the staff list's counts, the summary, the purge's `mobile_box_counts`):
 * an application that is not closed and is not a repeat waiting for staff (its earlier one
 * counts). A person's applications for a ballot are counted once.
 */
export const counted = (table: { closedAs: AnySQLiteColumn; repeatOf: AnySQLiteColumn; resolvedAt: AnySQLiteColumn } = r): SQL =>
  and(isNull(table.closedAs), or(isNull(table.repeatOf), isNotNull(table.resolvedAt)))!;

/** A repeat that staff have not resolved yet: it cannot be accepted until they do. */
export const unresolvedRepeat = (row: { repeatOf: number | null; resolvedAt: string | null; closedAs: string | null }) =>
  row.repeatOf !== null && row.resolvedAt === null && row.closedAs === null;

export interface RepeatKeys {
  /** The number's HMAC under every key in use. */
  idHashes: readonly string[];
  /** The submission's fingerprint under every key in use. */
  fingerprints: readonly string[];
  /** The districts of the application's area: a repeat is linked within the area whose staff resolve it. */
  districts: readonly string[];
}

/**
 * The INSERT of one ballot's application, deciding in the same statement whether it repeats an
 * earlier one (`repeat_of`: the person's earliest open application for this election and
 * ballot in the area) and whether it is an identical repeat of one still `received` (then it
 * is folded into that one: `merged_into`, `closed_as = 'folded'`).
 */
export function insertApplication(db: Database, row: NewRequest, keys: RepeatKeys) {
  const earlier = alias(r, 'earlier');
  const same = alias(r, 'same');
  const earlierOne = db
    .select({ id: earlier.id })
    .from(earlier)
    .where(
      and(
        eq(earlier.electionId, row.electionId),
        eq(earlier.ballot, row.ballot),
        inArray(earlier.idHash, jsonList(keys.idHashes)),
        inArray(earlier.district, jsonList(keys.districts)),
        isOpen(earlier),
      ),
    )
    .orderBy(earlier.id)
    .limit(1);
  const identicalOne = db
    .select({ id: same.id })
    .from(same)
    .where(and(inArray(same.fingerprint, jsonList(keys.fingerprints)), eq(same.status, 'received'), isOpen(same)))
    .orderBy(same.id)
    .limit(1);
  return db
    .insert(r)
    .values({
      ...row,
      fingerprint: keys.fingerprints[0],
      repeatOf: sql`(${earlierOne})`,
      mergedInto: sql`(${identicalOne})`,
      closedAs: sql`CASE WHEN (${identicalOne}) IS NOT NULL THEN 'folded' END`,
    })
    .returning({ reference: r.reference });
}

/** The inserts of one submission (one per ballot), for one batch. */
export function insertApplications(db: Database, rows: { row: NewRequest; keys: RepeatKeys }[]) {
  return rows.map(({ row, keys }) => insertApplication(db, row, keys)) as unknown as PreparedWrites['writes'];
}

/** How many submissions an application stands for: itself and the identical repeats folded into it. */
export function sentTimes(db: Database, table: { id: AnySQLiteColumn } = r) {
  const copy = alias(r, 'copy');
  return sql<number>`(${db
    .select({ n: count() })
    .from(copy)
    .where(and(eq(copy.mergedInto, table.id), eq(copy.closedAs, 'folded')))}) + 1`.mapWith(Number);
}
