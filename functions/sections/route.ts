import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '#db/client';
import { mobileBoxRequests, routeStops } from '#db/schema';
import type { RouteAddress } from '#core/sections/route-csv';
import type { Campaign } from '#functions/mobile-box/campaign';
import { mainSettlement, settlementOf } from '#functions/mobile-box/settlements';
import { unsealPerson, unsealRepresentative, type Person } from '#functions/mobile-box/seal';
import { seal, unseal, type DataKeys } from '#functions/platform/crypto';
import type { Located } from '#core/sections/route-order';
import { orderRoute } from '#core/sections/route-order';
import type { Section } from './sections';

/** One stop of a route as the staff see it: one voter, with every ballot they asked for. */
export interface RouteStopView {
  id: number;
  position: number;
  /** The district the voter applied to (differs from the section's when another district sent them). */
  originDistrict: string;
  late: boolean;
  requests: { id: number; reference: string; ballot: string; form: string }[];
  fullName: string;
  /** With the settlement's (Bulgarian) name when it is not the area's main one: the route lists are in Bulgarian. */
  address: Omit<Person['address'], 'settlement'> & Pick<RouteAddress, 'settlement'>;
  phone: string;
  representative?: { fullName: string; phone: string };
  location?: Located;
}

const locationContext = (recordKey: string) => ({ purpose: 'route-stop-location', record: recordKey });

export const sealLocation = (keys: DataKeys, recordKey: string, location: Located) =>
  seal(keys, locationContext(recordKey), JSON.stringify({ lat: location.lat, lon: location.lon }));
export async function unsealLocation(keys: DataKeys, recordKey: string, sealed: string): Promise<Located> {
  return JSON.parse(await unseal(keys, locationContext(recordKey), sealed)) as Located;
}

/**
 * A section's stops in route order with their details decrypted, for this answer only. With
 * `originDistrict`, only that district's applicants (a district without its own section sees
 * just the voters it sent).
 */
export async function loadRoute(db: Database, keys: DataKeys, campaign: Campaign, sectionId: number, originDistrict?: string): Promise<RouteStopView[]> {
  return (await loadRoutes(db, keys, campaign, [sectionId], originDistrict)).get(sectionId) ?? [];
}

/** An address as the routes show it: the settlement named when it is not the main one. */
function routeAddress(campaign: Campaign, address: Person['address'], settlement: string | null): RouteStopView['address'] {
  const { settlement: _sealed, ...rest } = address;
  const place = settlementOf(campaign, settlement);
  return place.id === mainSettlement(campaign).id ? rest : { ...rest, settlement: place.name.bg };
}

/** D1 binds at most 100 parameters a query; the section ids go in twice less a few. */
const SECTIONS_PER_BATCH = 45;

/** Several sections' routes (as `loadRoute`) by section id, in one round trip to D1 per 45 sections. */
export async function loadRoutes(
  db: Database,
  keys: DataKeys,
  campaign: Campaign,
  sectionIds: readonly number[],
  originDistrict?: string,
): Promise<Map<number, RouteStopView[]>> {
  const routes = new Map<number, RouteStopView[]>(sectionIds.map((id) => [id, []]));
  for (let i = 0; i < sectionIds.length; i += SECTIONS_PER_BATCH) {
    const batch = await loadBatch(db, keys, campaign, sectionIds.slice(i, i + SECTIONS_PER_BATCH), originDistrict);
    for (const [sectionId, view] of batch) routes.get(sectionId)?.push(view);
  }
  return routes;
}

async function loadBatch(
  db: Database,
  keys: DataKeys,
  campaign: Campaign,
  sectionIds: readonly number[],
  originDistrict: string | undefined,
): Promise<[number, RouteStopView][]> {
  const s = routeStops,
    r = mobileBoxRequests;
  const where = and(inArray(s.sectionId, [...sectionIds]), originDistrict ? eq(s.originDistrict, originDistrict) : undefined);
  const [stops, requests] = await db.batch([
    db.select().from(s).where(where).orderBy(asc(s.sectionId), asc(s.position), asc(s.id)),
    db
      .select({
        id: r.id,
        stopId: r.stopId,
        reference: r.reference,
        ballot: r.ballot,
        late: r.late,
        settlement: r.settlement,
        recordKey: r.recordKey,
        personSealed: r.personSealed,
        representativeSealed: r.representativeSealed,
      })
      .from(r)
      .where(inArray(r.stopId, db.select({ id: s.id }).from(s).where(where)))
      .orderBy(r.id),
  ]);
  const forms = new Map(campaign.config.ballots.map((ballot) => [ballot.id, ballot.form]));
  const requestsOf = Map.groupBy(requests, (request) => request.stopId);
  return Promise.all(
    stops.map(async (stop): Promise<[number, RouteStopView]> => {
      const own = requestsOf.get(stop.id) ?? [];
      const first = own[0];
      if (!first) throw new Error(`route stop ${stop.id} has no request`);
      const person = await unsealPerson(keys, first.recordKey, first.personSealed);
      const withRepresentative = own.find((request) => request.representativeSealed);
      const representative = withRepresentative
        ? await unsealRepresentative(keys, withRepresentative.recordKey, withRepresentative.representativeSealed!)
        : undefined;
      const location = stop.locationSealed ? await unsealLocation(keys, stop.recordKey, stop.locationSealed) : undefined;
      return [
        stop.sectionId,
        {
          id: stop.id,
          position: stop.position,
          originDistrict: stop.originDistrict,
          late: own.some((request) => request.late),
          requests: own.map((request) => ({
            id: request.id,
            reference: request.reference,
            ballot: request.ballot,
            form: forms.get(request.ballot) ?? request.ballot,
          })),
          fullName: person.fullName,
          address: routeAddress(campaign, person.address, first.settlement),
          phone: person.phone,
          ...(representative ? { representative: { fullName: representative.fullName, phone: representative.phone } } : {}),
          ...(location ? { location } : {}),
        },
      ];
    }),
  );
}

/** Position updates that put the stops in `order` (stop ids), from 1. */
export function positionStatements(db: Database, order: readonly number[]) {
  return order.map((id, i) =>
    db
      .update(routeStops)
      .set({ position: i + 1 })
      .where(eq(routeStops.id, id)),
  );
}

/** The route's order computed again from the base and the stops (by coordinates, else by address). */
export function computedOrder(section: Pick<Section, 'lat' | 'lon'>, stops: readonly RouteStopView[]): number[] {
  const base = section.lat !== null && section.lon !== null ? { lat: section.lat, lon: section.lon } : {};
  const order = orderRoute(
    base,
    stops.map((stop) => ({
      id: String(stop.id),
      street: stop.address.street,
      ...(stop.address.number ? { number: stop.address.number } : {}),
      ...(stop.address.block ? { block: stop.address.block } : {}),
      ...(stop.location ?? {}),
    })),
  );
  return order.map(Number);
}

/** Closes the gap a removed stop leaves in the positions. */
export const closeGap = (db: Database, sectionId: number, position: number) =>
  db
    .update(routeStops)
    .set({ position: sql`${routeStops.position} - 1` })
    .where(and(eq(routeStops.sectionId, sectionId), sql`${routeStops.position} > ${position}`));
