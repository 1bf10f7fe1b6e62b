import { and, count, eq, inArray } from 'drizzle-orm';
import { zipSync, strToU8 } from 'fflate';
import { database } from '#db/client';
import { routeStops, staffUsers } from '#db/schema';
import type { Bindings } from '#functions/env';
import { actionDeadline, deadlineStatus } from '#core/elections/deadlines';
import { onDay, t, type Locale } from '#core/i18n';
import { districtById } from '#functions/mobile-box/districts';

import { dataKeys } from '#functions/platform/keys';
import { auditEntry } from '#functions/staff/audit';
import type { Campaign } from '#functions/mobile-box/campaign';
import type { StaffSession } from '#functions/staff/sessions';
import { loadRoute, loadRoutes, type RouteStopView } from './route';
import { routeXlsx } from './route-xlsx';
import { formatAddress, routeCsv, type RouteCsvHeaders, type RouteCsvRow, type RouteReader } from '#core/sections/route-csv';
import { routeGeoJson, routeGpx, type RouteSection } from '#core/sections/route-geo';
import { campaignSections, ownConstituency, sectionInReach, sectionLabel, sectionReach, type Section, type SectionReach } from './sections';
import { sendingDistricts } from './constituencies';
import { transferOpen } from './stops';
import { refuse } from './errors';

type StaffUser = StaffSession['user'];

/** Route lists go to the mobile commission and the police: they are in Bulgarian whatever the reader's language. */
export const LIST_LOCALE: Locale = 'bg';

const districtNameBg = (campaign: Campaign, id: string) => districtById(campaign, id)?.name.bg ?? id;

/** Whether a section's list is overdue: not handed over, and the election's hand-over deadline is past (from the next day). */
export const isOverdue = (campaign: Campaign, section: Pick<Section, 'handedOverAt'>, now: Date): boolean =>
  !section.handedOverAt &&
  !!campaign.election.actions['route-handover'] &&
  deadlineStatus(actionDeadline(campaign.election, 'route-handover'), campaign.election.timeZone, now) === 'past';

/** The police see a section's stops once its district has handed the list over to them. */
const policeMayRead = (user: Pick<StaffUser, 'role'>, section: Pick<Section, 'handedOverAt'>) => user.role !== 'police' || !!section.handedOverAt;

/** A section as the lists show it, with who handed it over and whether it changed since. */
function sectionSummary(campaign: Campaign, section: Section, reach: Exclude<SectionReach, 'none'>, stops: number, handedOverBy: string | null, now: Date) {
  return {
    id: section.id,
    election: campaign.election.id,
    label: sectionLabel(section, campaign),
    number: section.number,
    constituency: section.constituency,
    district: section.district,
    baseAddress: section.baseAddress,
    lat: section.lat,
    lon: section.lon,
    reach,
    stops,
    orderKept: section.orderKept,
    handedOverAt: section.handedOverAt,
    handedOverBy,
    changedAfterHandover: section.changedAfterHandover,
    overdue: isOverdue(campaign, section, now),
  };
}
export type SectionSummary = ReturnType<typeof sectionSummary>;

/** The sections in the user's reach with their stop counts (a sending district counts only its own voters). */
export async function listSections(env: Bindings, user: StaffUser, campaign: Campaign, now: Date) {
  const db = database(env.DB);
  const { election } = campaign;
  const constituency = await ownConstituency(db, user, campaign);
  const sections = (await campaignSections(db, campaign, now)).flatMap((section) => {
    const reach = sectionReach(user, section, campaign, constituency);
    return reach === 'none' ? [] : [{ section, reach }];
  });
  const own = sections.every((entry) => entry.reach === 'own-voters') && user.district ? eq(routeStops.originDistrict, user.district) : undefined;
  const ids = sections.map((entry) => entry.section.id);
  const [counts, handlers] = await db.batch([
    db
      .select({ sectionId: routeStops.sectionId, stops: count() })
      .from(routeStops)
      .where(and(inArray(routeStops.sectionId, ids), own))
      .groupBy(routeStops.sectionId),
    db
      .select({ id: staffUsers.id, email: staffUsers.email })
      .from(staffUsers)
      .where(
        inArray(
          staffUsers.id,
          sections.flatMap((entry) => (entry.section.handedOverBy ? [entry.section.handedOverBy] : [])),
        ),
      ),
  ]);
  // The МИР of the districts without a section: the city sees (and sets) all, a district its own, the police none.
  const constituencies =
    user.role === 'police' ? [] : (await sendingDistricts(db, campaign)).filter((entry) => user.role === 'city' || entry.district === user.district);
  return {
    transferOpen: transferOpen(election, now),
    constituencies,
    sections: sections.map(({ section, reach }) =>
      sectionSummary(
        campaign,
        section,
        reach,
        policeMayRead(user, section) ? (counts.find((row) => row.sectionId === section.id)?.stops ?? 0) : 0,
        handlers.find((row) => row.id === section.handedOverBy)?.email ?? null,
        now,
      ),
    ),
  };
}

/** What a reader sees of a stop: the police only where to go (no name, phone or reference). */
function stopFor(reader: RouteReader, stop: RouteStopView) {
  const where = {
    id: stop.id,
    position: stop.position,
    address: stop.address,
    district: stop.originDistrict,
    ...(stop.location ? { location: stop.location } : {}),
  };
  if (reader === 'police') return where;
  return {
    ...where,
    late: stop.late,
    requests: stop.requests,
    fullName: stop.fullName,
    phone: stop.phone,
    ...(stop.representative ? { representative: stop.representative } : {}),
  };
}

async function readRoute(env: Bindings, user: StaffUser, sectionId: number, now: Date) {
  const db = database(env.DB);
  const { campaign, section, reach } = await sectionInReach(db, user, sectionId, now);
  const stops = policeMayRead(user, section)
    ? await loadRoute(db, dataKeys(env), campaign, section.id, reach === 'own-voters' ? (user.district ?? '') : undefined)
    : [];
  const [handler] = section.handedOverBy ? await db.select({ email: staffUsers.email }).from(staffUsers).where(eq(staffUsers.id, section.handedOverBy)) : [];
  return { db, campaign, section, reach, stops, handedOverBy: handler?.email ?? null };
}

/** One section's route in order, as the user's role may see it; every read with stops is audited (the police's too). */
export async function sectionRoute(env: Bindings, user: StaffUser, sectionId: number, now: Date) {
  const { db, campaign, section, reach, stops, handedOverBy } = await readRoute(env, user, sectionId, now);
  if (stops.length > 0) await auditEntry(db, user.id, 'route.read', { sections: [String(section.id)], stops: stops.map((stop) => stop.id) }, now);
  return {
    campaign,
    section: sectionSummary(campaign, section, reach, stops.length, handedOverBy, now),
    stops: stops.map((stop) => stopFor(user.role, stop)),
  };
}

export type RouteFormat = 'csv' | 'xlsx' | 'geojson' | 'gpx';

/** Column headings of a route list in `locale`. */
export const csvHeaders = (locale: Locale): RouteCsvHeaders => ({
  order: t(locale, 'sections.csv.order'),
  references: t(locale, 'sections.csv.references'),
  forms: t(locale, 'sections.csv.forms'),
  fullName: t(locale, 'sections.csv.fullName'),
  address: t(locale, 'sections.csv.address'),
  district: t(locale, 'sections.csv.district'),
  section: t(locale, 'sections.csv.section'),
  phone: t(locale, 'sections.csv.phone'),
  notes: t(locale, 'sections.csv.notes'),
});

/** The note on a late application: it came after the regular deadline (from the election data). */
export const lateNote = (campaign: Campaign, locale: Locale) =>
  t(locale, 'sections.note.late', { date: onDay(actionDeadline(campaign.election, 'mobile-box-request').date) });

/** A stop as a row of the list for the mobile commission (the police columns are a subset). */
export function csvRow(campaign: Campaign, stop: RouteStopView, sectionDistrict: string, label: string, locale: Locale): RouteCsvRow {
  const notes = [
    stop.originDistrict !== sectionDistrict ? t(locale, 'sections.note.from', { district: districtNameBg(campaign, stop.originDistrict) }) : '',
    stop.late ? lateNote(campaign, locale) : '',
    stop.representative ? t(locale, 'sections.note.representative', { name: stop.representative.fullName, phone: stop.representative.phone }) : '',
  ].filter(Boolean);
  return {
    references: stop.requests.map((request) => request.reference),
    forms: stop.requests.map((request) => request.form),
    fullName: stop.fullName,
    address: stop.address,
    district: districtNameBg(campaign, stop.originDistrict),
    section: label,
    phone: stop.phone,
    notes: notes.join('; '),
  };
}

const fileName = (section: Section, format: RouteFormat, reader: RouteReader) =>
  `route-${section.number ?? `${section.constituency}-${section.district}`}${reader === 'police' ? '-police' : ''}.${format}`;

const CONTENT_TYPES: Record<RouteFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json; charset=utf-8',
  gpx: 'application/gpx+xml; charset=utf-8',
};

/** A route list as a file: CSV or an Excel workbook by reader, or GeoJSON / GPX with the stops that have coordinates. Audited. */
export async function routeFile(env: Bindings, user: StaffUser, sectionId: number, format: RouteFormat, now: Date) {
  const locale = LIST_LOCALE;
  const { db, campaign, section, stops } = await readRoute(env, user, sectionId, now);
  if (!policeMayRead(user, section)) throw refuse('not_handed_over');
  const label = sectionLabel(section, campaign);
  let body: string | Uint8Array;
  let skipped = 0;
  if (format === 'csv' || format === 'xlsx') {
    const rows = stops.map((stop) => csvRow(campaign, stop, section.district, label, locale));
    body = format === 'csv' ? routeCsv(rows, user.role, csvHeaders(locale)) : await routeXlsx(rows, user.role, csvHeaders(locale), label);
  } else {
    const base: RouteSection = {
      number: label,
      address: section.baseAddress,
      ...(section.lat !== null && section.lon !== null ? { lat: section.lat, lon: section.lon } : {}),
    };
    const geoStops = stops.map((stop) => ({ address: formatAddress(stop.address), ...(stop.location ?? {}) }));
    if (base.lat === undefined && geoStops.every((stop) => !('lat' in stop))) throw refuse('no_coordinates');
    const made =
      format === 'geojson'
        ? (({ geoJson, skipped }) => ({ text: JSON.stringify(geoJson), skipped }))(routeGeoJson(base, geoStops))
        : (({ gpx, skipped }) => ({ text: gpx, skipped }))(routeGpx(base, geoStops));
    body = made.text;
    skipped = made.skipped;
  }
  await auditEntry(db, user.id, 'route.download', { sections: [String(section.id)], stops: stops.map((stop) => stop.id), format }, now);
  return { body, fileName: fileName(section, format, user.role), contentType: CONTENT_TYPES[format], skipped };
}

/** Every section's police list (order, address, district, section) in one zip: for the police, those handed over to them. Audited. */
export async function allPoliceLists(env: Bindings, user: StaffUser, campaign: Campaign, now: Date): Promise<Uint8Array> {
  const locale = LIST_LOCALE;
  const db = database(env.DB);
  const sections = (await campaignSections(db, campaign, now)).filter((section) => policeMayRead(user, section));
  const files: Record<string, Uint8Array> = {};
  const routes = await loadRoutes(
    db,
    dataKeys(env),
    campaign,
    sections.map((section) => section.id),
  );
  for (const section of sections) {
    const stops = routes.get(section.id) ?? [];
    const label = sectionLabel(section, campaign);
    files[fileName(section, 'csv', 'police')] = strToU8(
      routeCsv(
        stops.map((stop) => csvRow(campaign, stop, section.district, label, locale)),
        'police',
        csvHeaders(locale),
      ),
    );
  }
  await auditEntry(db, user.id, 'route.download', { sections: sections.map((section) => String(section.id)), format: 'zip' }, now);
  return zipSync(files, { level: 6, mtime: new Date('2024-01-01T00:00:00Z') });
}
