import { eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { database } from '#db/client';
import { mobileBoxRequests } from '#db/schema';
import type { Bindings } from '#functions/env';
import type { RequestRow } from '#functions/mobile-box/storage';
import { unresolvedRepeat } from '#functions/mobile-box/repeats';
import { campaignInReach } from './campaign';
import type { StaffSession } from './sessions';

/*
 * Where a request stands among the person's applications for the same ballot: the earlier one
 * it repeats, the later ones that repeat it, the identical ones folded into it, the one it went
 * to when it was closed. For the staff list, a request's page and a paper entry's answer; the
 * pair itself is opened and resolved in pair-resolution.ts.
 */

const r = mobileBoxRequests;
type StaffUser = StaffSession['user'];

/** For the staff list: the earlier application while the pair is unresolved (the list holds open requests only). */
export const unresolvedRepeatOf = () => sql<number | null>`CASE WHEN ${r.resolvedAt} IS NULL THEN ${r.repeatOf} END`;

/** Whether a stored request is in the staff member's reach: their area, and for a district user their district. */
export const withinReach = (user: StaffUser, row: { electionId: string; district: string }) =>
  campaignInReach(user, row) !== undefined && (user.role !== 'district' || row.district === user.district);

type Linked = Pick<RequestRow, 'id' | 'reference' | 'district' | 'electionId' | 'resolvedAt' | 'closedAs'>;

/** The other application of a pair as a request's page names it: its reference only within reach. */
function link(user: StaffUser, other: Linked, resolved: boolean) {
  const inReach = withinReach(user, other);
  return { id: other.id, ...(inReach ? { reference: other.reference } : {}), district: other.district, inReach, resolved };
}

/** A request's place among the person's applications, for its page (`requestWithPairs`). */
export async function pairsOf(env: Bindings, user: StaffUser, row: RequestRow) {
  const related = await database(env.DB)
    .select({
      id: r.id,
      reference: r.reference,
      district: r.district,
      electionId: r.electionId,
      repeatOf: r.repeatOf,
      mergedInto: r.mergedInto,
      resolvedAt: r.resolvedAt,
      closedAs: r.closedAs,
    })
    .from(r)
    .where(
      or(
        row.repeatOf === null ? undefined : eq(r.id, row.repeatOf),
        row.mergedInto === null ? undefined : eq(r.id, row.mergedInto),
        eq(r.repeatOf, row.id),
        eq(r.mergedInto, row.id),
      ),
    );
  const earlier = related.find((other) => other.id === row.repeatOf);
  const into = related.find((other) => other.id === row.mergedInto);
  const folded = related.filter((other) => other.mergedInto === row.id && other.closedAs === 'folded').length;
  const later = related.filter((other) => other.repeatOf === row.id && other.closedAs !== 'folded');
  return {
    repeatOf: unresolvedRepeat(row) ? row.repeatOf : null,
    sentTimes: folded + 1,
    closedAs: row.closedAs,
    ...(into ? { closedInto: { id: into.id, reference: into.reference } } : {}),
    ...(earlier && row.closedAs !== 'folded' ? { earlier: link(user, earlier, !unresolvedRepeat(row)) } : {}),
    repeats: later.map((other) => link(user, other, !unresolvedRepeat(other))),
  };
}

/**
 * For a paper entry's answer: which of the new requests repeat an earlier application (or were
 * folded into an identical one), and which one. Staff may know; the public answer never says.
 */
export async function enteredRepeats(env: Bindings, user: StaffUser, references: string[]) {
  const earlier = alias(r, 'earlier');
  const rows = await database(env.DB)
    .select({
      reference: r.reference,
      ballot: r.ballot,
      closedAs: r.closedAs,
      earlier: { id: earlier.id, reference: earlier.reference, district: earlier.district, electionId: earlier.electionId },
    })
    .from(r)
    .innerJoin(earlier, eq(earlier.id, sql`coalesce(${r.mergedInto}, ${r.repeatOf})`))
    .where(inArray(r.reference, references));
  return rows.map((row) => {
    const { resolved: _resolved, ...other } = link(user, { ...row.earlier, resolvedAt: null, closedAs: null }, false);
    return { reference: row.reference, ballot: row.ballot, folded: row.closedAs === 'folded', earlier: other };
  });
}
