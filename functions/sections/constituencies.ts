import { and, count, eq, inArray } from 'drizzle-orm';
import { database, type Database } from '#db/client';
import { districtConstituencies, routeStops, staffUsers } from '#db/schema';
import { ValidationFailed } from '#core/errors';
import type { Bindings } from '#functions/env';
import type { Campaign } from '#functions/mobile-box/campaign';
import { districtById, districtsOf, type District } from '#functions/mobile-box/districts';
import { auditEntry } from '#functions/staff/audit';
import { requireEditable } from '#functions/staff/campaign';
import type { StaffSession } from '#functions/staff/sessions';
import { refuse } from './errors';

type StaffUser = StaffSession['user'];

/**
 * The multi-member constituency (МИР) of each district, which decides the sections a district
 * without its own may send its applicants to: the National Assembly ballot differs between
 * constituencies. The area's data gives it where a source does (seed 004 names the МИР of the 14
 * districts with a section only); for the others a `city` user sets it once per election in the
 * staff area (D1 `district_constituencies`, audited). Nothing is inferred: until it is set, that
 * district's applicants cannot be registered on any section.
 */
export interface DistrictConstituency {
  district: string;
  constituency: string | null;
  /** `data`: the area's file gives it; `set`: a city user set it (who, when); `unknown`: neither yet. */
  source: 'data' | 'set' | 'unknown';
  setBy: string | null;
  setAt: string | null;
}

/** The МИР of the districts the election's sections serve: the only ones a district may be given. */
export const sectionConstituencies = (campaign: Campaign): string[] =>
  [...new Set(campaign.sections.map((section) => districtById(campaign, section.district)?.constituency ?? ''))].filter(Boolean).sort();

/** Every district of the campaign without a section of its own, with its МИР as far as anyone knows it. */
export async function sendingDistricts(db: Database, campaign: Campaign): Promise<DistrictConstituency[]> {
  const sending = districtsOf(campaign).filter((district) => !district.mobileSection);
  if (sending.length === 0) return [];
  const rows = await db
    .select({
      district: districtConstituencies.district,
      constituency: districtConstituencies.constituency,
      setAt: districtConstituencies.setAt,
      email: staffUsers.email,
    })
    .from(districtConstituencies)
    .leftJoin(staffUsers, eq(staffUsers.id, districtConstituencies.setBy))
    .where(
      and(
        eq(districtConstituencies.electionId, campaign.election.id),
        inArray(
          districtConstituencies.district,
          sending.map((district) => district.id),
        ),
      ),
    );
  return sending.map((district) => {
    if (district.constituency) return { district: district.id, constituency: district.constituency, source: 'data', setBy: null, setAt: null };
    const row = rows.find((candidate) => candidate.district === district.id);
    return row
      ? { district: district.id, constituency: row.constituency, source: 'set', setBy: row.email ?? null, setAt: row.setAt }
      : { district: district.id, constituency: null, source: 'unknown', setBy: null, setAt: null };
  });
}

/** A district's МИР: the area's data, else what the city set for this election; undefined while nobody has. */
export async function constituencyOf(db: Database, campaign: Campaign, district: District): Promise<string | undefined> {
  if (district.constituency) return district.constituency;
  const [row] = await db
    .select({ constituency: districtConstituencies.constituency })
    .from(districtConstituencies)
    .where(and(eq(districtConstituencies.electionId, campaign.election.id), eq(districtConstituencies.district, district.id)))
    .limit(1);
  return row?.constituency;
}

/** The МИР of several districts at once (data first, then D1), for checking a batch of requests. */
export async function constituenciesOf(db: Database, campaign: Campaign, districts: readonly string[]): Promise<Map<string, string>> {
  const known = new Map<string, string>();
  const missing: string[] = [];
  for (const id of new Set(districts)) {
    const constituency = districtById(campaign, id)?.constituency;
    if (constituency) known.set(id, constituency);
    else missing.push(id);
  }
  if (missing.length > 0) {
    const rows = await db
      .select({ district: districtConstituencies.district, constituency: districtConstituencies.constituency })
      .from(districtConstituencies)
      .where(and(eq(districtConstituencies.electionId, campaign.election.id), inArray(districtConstituencies.district, missing)));
    for (const row of rows) known.set(row.district, row.constituency);
  }
  return known;
}

/**
 * The city sets the МИР of a district without a section, once: it is one of the МИР the
 * election's sections serve; a МИР the data gives cannot be changed, nor one whose voters are
 * already on a route (take them off first). Audited.
 */
export async function setConstituency(env: Bindings, user: StaffUser, campaign: Campaign, districtId: string, constituency: string, now: Date) {
  requireEditable(campaign, now);
  const db = database(env.DB);
  const district = districtById(campaign, districtId);
  if (!district || district.mobileSection) throw new ValidationFailed([{ field: 'district', code: 'invalid_choice', label: 'sections.constituency.district' }]);
  if (!sectionConstituencies(campaign).includes(constituency))
    throw new ValidationFailed([{ field: 'constituency', code: 'invalid_choice', label: 'sections.constituency.field' }]);
  if (district.constituency) throw refuse('constituency_fixed');
  const current = await constituencyOf(db, campaign, district);
  if (current === constituency) return { district: district.id, constituency };
  if (current !== undefined) {
    const [{ onRoutes } = { onRoutes: 0 }] = await db
      .select({ onRoutes: count() })
      .from(routeStops)
      .where(and(eq(routeStops.electionId, campaign.election.id), eq(routeStops.originDistrict, district.id)));
    if (onRoutes > 0) throw refuse('constituency_fixed');
  }
  const values = { electionId: campaign.election.id, district: district.id, constituency, setBy: user.id, setAt: now.toISOString() };
  await db.batch([
    db
      .insert(districtConstituencies)
      .values(values)
      .onConflictDoUpdate({
        target: [districtConstituencies.electionId, districtConstituencies.district],
        set: { constituency, setBy: user.id, setAt: values.setAt },
      }),
    auditEntry(db, user.id, 'district.constituency', { districts: [district.id], constituency }, now),
  ]);
  return { district: district.id, constituency };
}
