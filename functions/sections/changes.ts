import { eq, inArray } from 'drizzle-orm';
import { database, type Database } from '#db/client';
import { mobileBoxRequests, mobileSections, routeStops } from '#db/schema';
import type { Bindings } from '#functions/env';
import { ValidationFailed } from '#core/errors';
import { dataKeys } from '#functions/platform/keys';
import { auditEntry, refuseOutOfReach } from '#functions/staff/audit';
import { requireEditable, requirePreparable } from '#functions/staff/campaign';
import type { StaffSession } from '#functions/staff/sessions';
import { positionStatements, sealLocation } from './route';
import type { Located } from '#core/sections/route-order';
import { sectionInReach, sectionLabel } from './sections';
import { refuse } from './errors';
import { reorderIfAutomatic, routeChange, stopOf, type Batch } from './stops';

type StaffUser = StaffSession['user'];
const s = routeStops;

/**
 * A section whose route the police may prepare: theirs to read (the area's), handed over by its
 * district (`not_handed_over` before), until the end of voting day. Only the police prepare
 * routes (seed 004, line 137: "Директорът на СДВР ще изготви специализирани маршрути"); the
 * districts and the city see their order.
 */
async function routeToPrepare(db: Database, user: StaffUser, sectionId: number, now: Date) {
  // Another role's attempt: the same 404 as a missing section, written to the audit log.
  if (user.role !== 'police') return refuseOutOfReach(db, user.id, { sections: [String(sectionId)] }, now);
  const found = await sectionInReach(db, user, sectionId, now);
  requirePreparable(found.campaign, now);
  if (!found.section.handedOverAt) throw refuse('not_handed_over');
  return found;
}

/**
 * The police set the route's order by hand (`stopIds`: every stop of the section once, in
 * visiting order) and keep it: new stops then join at the end. `automatic` hands the order back
 * to the suggested route (nearest neighbour and 2-opt where the base and every stop have
 * coordinates, else by street and number). The police's own changes do not flag the list as
 * changed since its hand-over: that flag asks the district to hand it over again.
 */
export async function setOrder(env: Bindings, user: StaffUser, sectionId: number, order: { stopIds: number[] } | { automatic: true }, now: Date) {
  const db = database(env.DB);
  const { campaign, section } = await routeToPrepare(db, user, sectionId, now);
  const changes = [auditEntry(db, user.id, 'section.reorder', { sections: [String(section.id)] }, now)];
  if ('automatic' in order) {
    await db.batch([
      db.update(mobileSections).set({ orderKept: false, updatedAt: now.toISOString() }).where(eq(mobileSections.id, section.id)),
      ...changes,
    ] as unknown as Batch);
    await reorderIfAutomatic(db, env, campaign, { ...section, orderKept: false });
    return { sectionId: section.id, orderKept: false };
  }
  const stops = await db.select({ id: s.id }).from(s).where(eq(s.sectionId, section.id));
  const given = new Set(order.stopIds);
  if (given.size !== order.stopIds.length || given.size !== stops.length || stops.some((stop) => !given.has(stop.id))) {
    throw new ValidationFailed([{ field: 'stopIds', code: 'invalid_choice', label: 'sections.field.stopIds', message: 'sections.error.stopIds' }]);
  }
  await db.batch([
    ...positionStatements(db, order.stopIds),
    db.update(mobileSections).set({ orderKept: true, updatedAt: now.toISOString() }).where(eq(mobileSections.id, section.id)),
    ...changes,
  ] as unknown as Batch);
  return { sectionId: section.id, orderKept: true };
}

/** The police set (or clear, with null) a stop's coordinates, sealed: they pinpoint a voter's home. */
export async function locateStop(env: Bindings, user: StaffUser, sectionId: number, stopId: number, location: Located | null, now: Date) {
  const db = database(env.DB);
  const { campaign, section } = await routeToPrepare(db, user, sectionId, now);
  const stop = await stopOf(db, section.id, stopId);
  const locationSealed = location ? await sealLocation(dataKeys(env), stop.recordKey, location) : null;
  await db.batch([
    db.update(s).set({ locationSealed }).where(eq(s.id, stop.id)),
    auditEntry(db, user.id, 'stop.locate', { sections: [String(section.id)], stops: [stop.id] }, now),
  ]);
  await reorderIfAutomatic(db, env, campaign, section);
  return { sectionId: section.id, stopId: stop.id, located: location !== null };
}

/**
 * The district hands the list over to the police (seed 004, line 137: the addresses to СДВР by
 * the hand-over deadline): records when and by whom; later changes by the district flag the list
 * until it is handed over again. From then the police see its stops and prepare its route.
 */
export async function handOver(env: Bindings, user: StaffUser, sectionId: number, now: Date) {
  const db = database(env.DB);
  const { campaign, section, reach } = await sectionInReach(db, user, sectionId, now);
  requireEditable(campaign, now);
  if (reach !== 'full') return refuseOutOfReach(db, user.id, { sections: [String(section.id)] }, now);
  await db.batch([
    db
      .update(mobileSections)
      .set({ handedOverAt: now.toISOString(), handedOverBy: user.id, changedAfterHandover: false, updatedAt: now.toISOString() })
      .where(eq(mobileSections.id, section.id)),
    auditEntry(db, user.id, 'section.handover', { sections: [String(section.id)] }, now),
  ]);
  return { sectionId: section.id, handedOverAt: now.toISOString() };
}

export interface SectionChanges {
  number?: string | null | undefined;
  baseAddress?: string | undefined;
  location?: Located | null | undefined;
}

/** The city enters what the commission decides: the section's number, its base address and coordinates. */
export async function updateSection(env: Bindings, user: StaffUser, sectionId: number, changes: SectionChanges, now: Date) {
  const db = database(env.DB);
  const { campaign, section } = await sectionInReach(db, user, sectionId, now);
  requireEditable(campaign, now);
  const next = {
    ...section,
    ...(changes.number !== undefined ? { number: changes.number } : {}),
    ...(changes.baseAddress !== undefined ? { baseAddress: changes.baseAddress } : {}),
    ...(changes.location !== undefined ? { lat: changes.location?.lat ?? null, lon: changes.location?.lon ?? null } : {}),
  };
  await db.batch([
    db
      .update(mobileSections)
      .set({ number: next.number, baseAddress: next.baseAddress, lat: next.lat, lon: next.lon, updatedAt: now.toISOString() })
      .where(eq(mobileSections.id, section.id)),
    // The applicants' status pages name the section: keep them in step with its number.
    db
      .update(mobileBoxRequests)
      .set({ section: sectionLabel(next, campaign) })
      .where(inArray(mobileBoxRequests.stopId, db.select({ id: s.id }).from(s).where(eq(s.sectionId, section.id)))),
    ...routeChange(db, user, 'section.update', section, {}, now),
  ] as unknown as Batch);
  await reorderIfAutomatic(db, env, campaign, next);
  return next;
}
