import { and, eq, inArray, max, sql } from 'drizzle-orm';
import { database, type Database } from '#db/client';
import { mobileBoxRequests, mobileSections, routeStops } from '#db/schema';
import { actionDeadline, deadlineStatus } from '#core/elections/deadlines';
import type { Election } from '#core/elections/schema';
import type { Bindings } from '#functions/env';
import { districtById } from '#functions/mobile-box/districts';
import { purgeAfter } from '#functions/mobile-box/requests';
import { violatesUnique } from '#functions/platform/d1-errors';
import { NotFound, ValidationFailed } from '#core/errors';
import { dataKeys } from '#functions/platform/keys';
import { auditEntry, refuseOutOfReach, type AuditAction, type AuditRecords } from '#functions/staff/audit';
import { requireEditable } from '#functions/staff/campaign';
import type { Campaign } from '#functions/mobile-box/campaign';
import { listRequests, scope } from '#functions/staff/review';
import { isOpen } from '#functions/mobile-box/repeats';
import type { StaffSession } from '#functions/staff/sessions';
import { closeGap, computedOrder, loadRoute, positionStatements } from './route';
import { mayReceive, sectionInReach, sectionLabel, type Section, type SectionReach } from './sections';
import { constituenciesOf } from './constituencies';
import { refuse } from './errors';

type StaffUser = StaffSession['user'];
const r = mobileBoxRequests,
  s = routeStops;

/** Whether districts without a section may still send their applicants (until the end of the election's transfer deadline, in its time zone). */
export const transferOpen = (election: Election, now: Date) =>
  deadlineStatus(actionDeadline(election, 'mobile-box-transfer'), election.timeZone, now) !== 'past';

/** What a batch of D1 statements takes (drizzle types only a literal tuple). */
export type Batch = Parameters<Database['batch']>[0];

/**
 * The writes every change to a route ends with: its audit entry (naming the section) and, for a
 * list already sent to the police, the flag on the section and `afterHandover` in the entry,
 * until the list is sent again.
 */
export function routeChange(
  db: Database,
  user: StaffUser,
  action: AuditAction,
  section: Section,
  records: Omit<AuditRecords, 'sections' | 'afterHandover'>,
  now: Date,
) {
  const audit = auditEntry(
    db,
    user.id,
    action,
    { sections: [String(section.id)], ...records, ...(section.handedOverAt ? { afterHandover: true as const } : {}) },
    now,
  );
  return section.handedOverAt ? [db.update(mobileSections).set({ changedAfterHandover: true }).where(eq(mobileSections.id, section.id)), audit] : [audit];
}

/** Puts the stops back in computed order, unless staff set the order by hand. */
export async function reorderIfAutomatic(db: Database, env: Bindings, campaign: Campaign, section: Section) {
  if (section.orderKept) return;
  const stops = await loadRoute(db, dataKeys(env), campaign, section.id);
  const statements = positionStatements(db, computedOrder(section, stops));
  if (statements.length > 0) await db.batch(statements as [(typeof statements)[number], ...typeof statements]);
}

/** Why a request from `district` may not join this section's route now; undefined when it may. */
function registrationRefusal(
  campaign: Campaign,
  section: Section,
  reach: SectionReach,
  user: StaffUser,
  district: string,
  constituencies: ReadonlyMap<string, string>,
  now: Date,
) {
  const from = districtById(campaign, district);
  if (!from || (reach === 'own-voters' && district !== user.district)) return 'not_this_section';
  const receives = mayReceive(section, from, constituencies.get(district));
  if (receives === 'unknown') return 'constituency_unknown';
  if (receives === 'no') return 'not_this_section';
  if (district !== section.district && !transferOpen(campaign.election, now)) return 'transfer_closed';
  return undefined;
}

/**
 * The accepted requests in the user's reach that may be registered on this section's route now,
 * and how many others wait only for their district's МИР to be set.
 */
export async function registrableRequests(env: Bindings, user: StaffUser, sectionId: number, now: Date) {
  const db = database(env.DB);
  const { campaign, section, reach } = await sectionInReach(db, user, sectionId, now);
  const { requests } = await listRequests(env, user, campaign, { status: 'accepted' });
  const constituencies = await constituenciesOf(
    db,
    campaign,
    requests.map((request) => request.district),
  );
  const refusals = requests.map((request) => registrationRefusal(campaign, section, reach, user, request.district, constituencies, now));
  return {
    requests: requests.filter((_, i) => !refusals[i]),
    waitingForConstituency: [...new Set(requests.filter((_, i) => refusals[i] === 'constituency_unknown').map((request) => request.district))],
  };
}

/**
 * Registers accepted requests on a section's route: one stop per voter however many ballots
 * they asked for (a voter's other request joins the stop they already have), a voter on at most
 * one route (the unique index decides races), the requests `assigned` with the section's label.
 * A district without its own section sends its applicants to a section of its МИР until the
 * transfer deadline (refused while nobody has set that МИР); the receiving district then sees
 * where they came from.
 */
export async function registerStops(env: Bindings, user: StaffUser, sectionId: number, requestIds: readonly number[], now: Date) {
  const db = database(env.DB);
  const { campaign, section, reach } = await sectionInReach(db, user, sectionId, now, { registering: true });
  requireEditable(campaign, now);
  const { election } = campaign;
  const rows = await db
    .select({ id: r.id, idHash: r.idHash, district: r.district, status: r.status, stopId: r.stopId })
    .from(r)
    // A request closed when its pair was resolved is no longer one to register (its reference answers as the other).
    .where(and(inArray(r.id, [...new Set(requestIds)]), scope(user, campaign), isOpen()));
  const missing = requestIds.flatMap((id, i) =>
    rows.some((row) => row.id === id) ? [] : [{ field: `requestIds.${i}`, code: 'invalid_choice' as const, label: 'sections.field.requestIds' as const }],
  );
  if (missing.length > 0) throw new ValidationFailed(missing);

  const constituencies = await constituenciesOf(
    db,
    campaign,
    rows.map((row) => row.district),
  );
  for (const row of rows) {
    const refusal = registrationRefusal(campaign, section, reach, user, row.district, constituencies, now);
    if (refusal) throw refuse(refusal);
    if (row.status !== 'accepted' && row.status !== 'assigned') throw refuse('not_accepted');
  }
  const voters = await db
    .select({ id: r.id, idHash: r.idHash })
    .from(r)
    .where(and(eq(r.electionId, election.id), inArray(r.idHash, [...new Set(rows.map((row) => row.idHash))])));
  const firstOf = (idHash: string) => Math.min(...voters.filter((voter) => voter.idHash === idHash).map((voter) => voter.id));
  const byVoter = new Map<number, typeof rows>();
  for (const row of rows) byVoter.set(firstOf(row.idHash), [...(byVoter.get(firstOf(row.idHash)) ?? []), row]);

  const existing = await db
    .select({ id: s.id, sectionId: s.sectionId, voterRequestId: s.voterRequestId })
    .from(s)
    .where(and(eq(s.electionId, election.id), inArray(s.voterRequestId, [...byVoter.keys()])));
  if (existing.some((stop) => stop.sectionId !== section.id)) throw refuse('on_another_route');
  const [{ last } = { last: 0 }] = await db
    .select({ last: max(s.position) })
    .from(s)
    .where(eq(s.sectionId, section.id));
  const fresh = [...byVoter.entries()].filter(([voter]) => !existing.some((stop) => stop.voterRequestId === voter));
  const toAssign = rows.filter((row) => row.status === 'accepted');
  if (toAssign.length === 0) return { sectionId: section.id, registered: [] as number[] };

  const label = sectionLabel(section, campaign);
  const inserts = fresh.map(([voter, own], i) =>
    db.insert(s).values({
      sectionId: section.id,
      electionId: election.id,
      voterRequestId: voter,
      originDistrict: own[0]!.district,
      position: (last ?? 0) + i + 1,
      recordKey: crypto.randomUUID(),
      createdAt: now.toISOString(),
      createdBy: user.id,
      purgeAfter: purgeAfter(election, now),
    }),
  );
  const assignments = [...byVoter.entries()].map(([voter, own]) =>
    db
      .update(r)
      .set({
        status: 'assigned',
        section: label,
        stopId: sql`(SELECT ${s.id} FROM ${s} WHERE ${s.electionId} = ${election.id} AND ${s.voterRequestId} = ${voter})`,
        updatedAt: now.toISOString(),
      })
      .where(
        and(
          inArray(
            r.id,
            own.map((row) => row.id),
          ),
          eq(r.status, 'accepted'),
        ),
      ),
  );
  try {
    await db.batch([
      ...inserts,
      ...assignments,
      ...routeChange(db, user, 'section.register', section, { requests: toAssign.map((row) => row.id) }, now),
    ] as unknown as Batch);
  } catch (error) {
    // Someone registered the same voter on another route a moment ago.
    if (violatesUnique(error, 'route_stops')) throw refuse('on_another_route');
    throw error;
  }
  await reorderIfAutomatic(db, env, campaign, section);
  return { sectionId: section.id, registered: toAssign.map((row) => row.id) };
}

/** A stop of this section (a stop id of another section is not found, like one that does not exist). */
export async function stopOf(db: Database, sectionId: number, stopId: number) {
  const [stop] = await db
    .select()
    .from(s)
    .where(and(eq(s.id, stopId), eq(s.sectionId, sectionId)))
    .limit(1);
  if (!stop) throw new NotFound();
  return stop;
}

/** Takes a stop off the route: its requests go back to `accepted`, the later stops move up. */
export async function removeStop(env: Bindings, user: StaffUser, sectionId: number, stopId: number, now: Date) {
  const db = database(env.DB);
  const { campaign, section, reach } = await sectionInReach(db, user, sectionId, now);
  requireEditable(campaign, now);
  const stop = await stopOf(db, section.id, stopId);
  if (reach === 'own-voters' && stop.originDistrict !== user.district)
    return refuseOutOfReach(db, user.id, { sections: [String(section.id)], stops: [stop.id] }, now);
  const requests = await db.select({ id: r.id }).from(r).where(eq(r.stopId, stop.id));
  await db.batch([
    db.update(r).set({ status: 'accepted', section: null, stopId: null, updatedAt: now.toISOString() }).where(eq(r.stopId, stop.id)),
    db.delete(s).where(eq(s.id, stop.id)),
    closeGap(db, section.id, stop.position),
    ...routeChange(db, user, 'section.unregister', section, { requests: requests.map((row) => row.id) }, now),
  ] as unknown as Batch);
  return { sectionId: section.id, removed: stop.id };
}
