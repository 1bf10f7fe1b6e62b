import { and, count, eq, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { alias } from 'drizzle-orm/sqlite-core';
import { database, type Database } from '#db/client';
import { mobileBoxRequests, staffAudit } from '#db/schema';
import type { Bindings } from '#functions/env';
import { NotFound } from '#core/errors';
import { canonicalJson } from '#functions/mobile-box/repeats';
import { sealPerson, sealReason, sealRepresentative, unsealPerson, unsealReason, unsealRepresentative } from '#functions/mobile-box/seal';
import type { RequestRow } from '#functions/mobile-box/storage';
import { violatesNotNull } from '#functions/platform/d1-errors';
import { dataKeys } from '#functions/platform/keys';
import { auditEntry, refuseOutOfReach } from './audit';
import { requireEditable } from './campaign';
import { refuse } from './errors';
import { COMPARED, type PairResolution, type RequestPair } from './pair-schemas';
import { withinReach } from './pairs';
import { requestInReach } from './review';
import type { StaffSession } from './sessions';

/*
 * A pair: a repeated application (`repeat`) and the earlier one of the same person for the same
 * election and ballot it is linked to (`first`). Staff see them side by side and resolve the pair:
 * keep one (the other is closed and its reference answers as the one kept), merge (the first
 * keeps its reference and takes the contact details ticked from the repeat, which is closed as
 * merged), or reject one with a reason. Until then the repeat cannot be accepted.
 */

const r = mobileBoxRequests;
type StaffUser = StaffSession['user'];

/** The pair whose repeat is `id`: both in the staff member's reach (else 404, audited, like a missing request). */
async function pairInReach(env: Bindings, user: StaffUser, id: number, now: Date) {
  const { row: repeat, campaign } = await requestInReach(env, user, id, now);
  if (repeat.repeatOf === null || repeat.closedAs === 'folded') throw new NotFound();
  const db = database(env.DB);
  const [first] = await db.select().from(r).where(eq(r.id, repeat.repeatOf)).limit(1);
  if (!first) throw new NotFound();
  if (!withinReach(user, first)) return refuseOutOfReach(db, user.id, { requests: [first.id] }, now);
  return { db, first, repeat, campaign };
}

async function sideOf(env: Bindings, row: RequestRow, folded: number) {
  const keys = dataKeys(env);
  const [person, representative, reason] = await Promise.all([
    unsealPerson(keys, row.recordKey, row.personSealed),
    row.representativeSealed ? unsealRepresentative(keys, row.recordKey, row.representativeSealed) : undefined,
    row.reasonSealed ? unsealReason(keys, row.recordKey, row.reasonSealed) : undefined,
  ]);
  return { row, person, representative, reason, folded };
}
type Side = Awaited<ReturnType<typeof sideOf>>;

/** What each compared detail is, on one side, as one text to compare. */
const comparable = (side: Side): Record<(typeof COMPARED)[number], string> => ({
  fullName: side.person.fullName,
  address: canonicalJson(side.person.address),
  phone: side.person.phone,
  email: side.person.email ?? '',
  representative: canonicalJson(side.representative ?? null),
  channel: side.row.channel,
  createdAt: side.row.createdAt,
});

/** A side as the pair view shows it: no personal number (it is the same on both sides; each request's own page has it). */
const shown = ({ row, person, representative, reason, folded }: Side): RequestPair['first'] => ({
  id: row.id,
  reference: row.reference,
  status: row.status,
  closedAs: row.closedAs,
  district: row.district,
  channel: row.channel,
  submittedBy: row.submittedBy,
  createdAt: row.createdAt,
  sentTimes: folded + 1,
  person: { fullName: person.fullName, address: person.address, phone: person.phone, ...(person.email ? { email: person.email } : {}) },
  ...(representative ? { representative: { fullName: representative.fullName, phone: representative.phone } } : {}),
  ...(reason ? { reason } : {}),
});

async function foldedInto(db: Database, ids: number[]) {
  const rows = await db
    .select({ id: r.mergedInto, n: count() })
    .from(r)
    .where(and(inArray(r.mergedInto, ids), eq(r.closedAs, 'folded')))
    .groupBy(r.mergedInto);
  return (id: number) => rows.find((row) => row.id === id)?.n ?? 0;
}

async function sides(env: Bindings, db: Database, first: RequestRow, repeat: RequestRow) {
  const folded = await foldedInto(db, [first.id, repeat.id]);
  return Promise.all([sideOf(env, first, folded(first.id)), sideOf(env, repeat, folded(repeat.id))]);
}

/** The pair side by side, decrypted for this answer only, with what differs; the read is audited. */
export async function openPair(env: Bindings, user: StaffUser, id: number, now: Date): Promise<RequestPair> {
  const { db, first, repeat } = await pairInReach(env, user, id, now);
  const [one, other] = await sides(env, db, first, repeat);
  const [a, b] = [comparable(one), comparable(other)];
  await auditEntry(db, user.id, 'request.read', { requests: [first.id, repeat.id] }, now);
  return {
    election: repeat.electionId,
    ballot: repeat.ballot,
    resolved: repeat.resolvedAt !== null || repeat.closedAs !== null,
    first: shown(one),
    repeat: shown(other),
    differences: COMPARED.filter((detail) => a[detail] !== b[detail]),
  };
}

/**
 * True while the pair is as staff saw it: the repeat linked, unresolved and open, the first open,
 * neither changed since (a decision, a registration, another resolution).
 */
function stillAsSeen(db: Database, first: RequestRow, repeat: RequestRow): SQL {
  const p = alias(r, 'p');
  const q = alias(r, 'q');
  const one = sql`1`;
  // drizzle puts a subquery in parentheses itself.
  return sql`EXISTS ${db
    .select({ one })
    .from(p)
    .where(
      and(
        eq(p.id, repeat.id),
        eq(p.repeatOf, first.id),
        isNull(p.resolvedAt),
        isNull(p.closedAs),
        eq(p.status, repeat.status),
        eq(p.updatedAt, repeat.updatedAt),
      ),
    )} AND EXISTS ${db
    .select({ one })
    .from(q)
    .where(and(eq(q.id, first.id), isNull(q.closedAs), eq(q.status, first.status), eq(q.updatedAt, first.updatedAt)))}`;
}

/** Later applications linked to (or folded into) `from`, which is closed now: they go to `to`. */
function relink(db: Database, from: number, to: number, { folded }: { folded: boolean }) {
  return [
    db
      .update(r)
      .set({ repeatOf: to })
      .where(and(eq(r.repeatOf, from), isNull(r.resolvedAt), isNull(r.closedAs), ne(r.id, to))),
    ...(folded ? [db.update(r).set({ mergedInto: to }).where(eq(r.mergedInto, from))] : []),
  ];
}

/** The first's details after a merge: its own, with the ticked ones from the repeat. */
async function merged(env: Bindings, first: Side, repeat: Side, take: ReadonlySet<string>) {
  const keys = dataKeys(env);
  const from = <T>(detail: string, own: T, theirs: T) => (take.has(detail) ? theirs : own);
  const person = {
    ...first.person,
    fullName: from('fullName', first.person.fullName, repeat.person.fullName),
    address: from('address', first.person.address, repeat.person.address),
    phone: from('phone', first.person.phone, repeat.person.phone),
    email: from('email', first.person.email, repeat.person.email),
  };
  const representative = from('representative', first.representative, repeat.representative);
  return {
    personSealed: await sealPerson(keys, first.row.recordKey, person),
    representativeSealed: representative ? await sealRepresentative(keys, first.row.recordKey, representative) : null,
    submittedBy: from('representative', first.row.submittedBy, repeat.row.submittedBy),
    district: from('address', first.row.district, repeat.row.district),
  };
}

/**
 * Resolves a pair, in one batch: the audit entry first, written only while the pair is still as
 * the officer saw it (otherwise its time is null, which D1 refuses, and nothing of the batch is
 * kept: 409 `pair_resolved`), then the changes.
 */
export async function resolvePair(env: Bindings, user: StaffUser, id: number, input: PairResolution, now: Date) {
  const { db, first, repeat, campaign } = await pairInReach(env, user, id, now);
  requireEditable(campaign, now);
  if (repeat.resolvedAt !== null || repeat.closedAs !== null || first.closedAs !== null) throw refuse('pair_resolved');
  const { resolution } = input;
  // A request on a route is not closed, rejected or rewritten here: take it off the route first.
  if (first.status === 'assigned' && resolution !== 'keep_first' && resolution !== 'reject_repeat') throw refuse('already_assigned');
  const stamp = now.toISOString();
  const take = new Set(resolution === 'merge' ? (input.take ?? []) : []);
  const keys = dataKeys(env);
  const rejecting = resolution === 'reject_first' ? first : resolution === 'reject_repeat' ? repeat : undefined;
  const reasonSealed = rejecting && input.reason ? await sealReason(keys, rejecting.recordKey, input.reason) : null;
  const resolved = { resolvedAt: stamp, updatedAt: stamp };
  const closed = (as: 'superseded' | 'merged', into: number) => ({ closedAs: as, mergedInto: into, updatedAt: stamp });
  const rejected = { status: 'rejected' as const, reasonSealed, closedAs: 'rejected' as const, updatedAt: stamp };

  let changes: BatchItem<'sqlite'>[];
  if (resolution === 'keep_first') {
    changes = [
      db
        .update(r)
        .set({ ...closed('superseded', first.id), ...resolved })
        .where(eq(r.id, repeat.id)),
      ...relink(db, repeat.id, first.id, { folded: true }),
    ];
  } else if (resolution === 'keep_repeat') {
    changes = [
      db.update(r).set(closed('superseded', repeat.id)).where(eq(r.id, first.id)),
      db.update(r).set(resolved).where(eq(r.id, repeat.id)),
      ...relink(db, first.id, repeat.id, { folded: true }),
    ];
  } else if (resolution === 'merge') {
    const [one, other] = await sides(env, db, first, repeat);
    changes = [
      db
        .update(r)
        .set({ ...(await merged(env, one, other, take)), updatedAt: stamp })
        .where(eq(r.id, first.id)),
      db
        .update(r)
        .set({ ...closed('merged', first.id), ...resolved })
        .where(eq(r.id, repeat.id)),
      ...relink(db, repeat.id, first.id, { folded: true }),
    ];
  } else if (resolution === 'reject_first') {
    // Its folded copies keep answering as it (rejected, with the reason): they were the same application.
    changes = [
      db.update(r).set(rejected).where(eq(r.id, first.id)),
      db.update(r).set(resolved).where(eq(r.id, repeat.id)),
      ...relink(db, first.id, repeat.id, { folded: false }),
    ];
  } else {
    changes = [
      db
        .update(r)
        .set({ ...rejected, ...resolved })
        .where(eq(r.id, repeat.id)),
      ...relink(db, repeat.id, first.id, { folded: false }),
    ];
  }
  const records = { requests: [first.id, repeat.id], resolution, ...(resolution === 'merge' ? { took: [...take] } : {}) };
  const audit = db.insert(staffAudit).values({
    at: sql`CASE WHEN ${stillAsSeen(db, first, repeat)} THEN ${stamp} END`,
    userId: user.id,
    action: 'request.resolve',
    records: JSON.stringify(records),
  });
  try {
    await db.batch([audit, ...changes] as [typeof audit, ...BatchItem<'sqlite'>[]]);
  } catch (error) {
    if (violatesNotNull(error, 'staff_audit.at')) throw refuse('pair_resolved');
    throw error;
  }
  const after = await db
    .select({ id: r.id, reference: r.reference, status: r.status, closedAs: r.closedAs })
    .from(r)
    .where(inArray(r.id, [first.id, repeat.id]));
  const state = (row: RequestRow) => after.find((one) => one.id === row.id)!;
  return { resolution, first: state(first), repeat: state(repeat) };
}
