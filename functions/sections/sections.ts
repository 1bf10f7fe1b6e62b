import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '#db/client';
import { mobileSections } from '#db/schema';
import type { Campaign } from '#functions/mobile-box/campaign';
import { districtById, type District } from '#functions/mobile-box/districts';
import { campaignInReach } from '#functions/staff/campaign';
import { NotFound } from '#core/errors';
import { refuseOutOfReach } from '#functions/staff/audit';
import type { StaffSession } from '#functions/staff/sessions';
import { constituencyOf } from './constituencies';
import { refuse } from './errors';

export type Section = typeof mobileSections.$inferSelect;
type StaffUser = StaffSession['user'];

/**
 * What a staff member may do with a section's route:
 * - `full`: the whole route (the city, the police, and the district the section belongs to; what
 *   each role may change is the API's: the districts register and hand over, the police order);
 * - `own-voters`: only the stops of their own applicants, for a district without its own section
 *   that sends them to a section of its constituency (МИР);
 * - `none`: the section is out of reach and answers 404.
 */
export type SectionReach = 'full' | 'own-voters' | 'none';

/**
 * `ownConstituency` is the МИР of the user's district (the area's data, else what the city set):
 * while it is unknown, a district without a section reaches no other section. Nothing is guessed.
 * @example sectionReach({ role: 'district', district: 'b' }, sectionOfDistrictA, campaign, '23') // 'own-voters' when A is in МИР 23
 */
export function sectionReach(
  user: Pick<StaffUser, 'role' | 'district'>,
  section: Pick<Section, 'district' | 'constituency'>,
  campaign: Campaign,
  ownConstituency: string | undefined,
): SectionReach {
  if (user.role !== 'district') return 'full';
  if (section.district === user.district) return 'full';
  const own = user.district ? districtById(campaign, user.district) : undefined;
  if (!own || own.mobileSection) return 'none';
  return ownConstituency !== undefined && ownConstituency === section.constituency ? 'own-voters' : 'none';
}

/**
 * Where a voter of `from` may be registered: the district's own section, else a section of its
 * МИР (`fromConstituency`); `unknown` while nobody has set the МИР of a district without a section.
 */
export function mayReceive(
  section: Pick<Section, 'district' | 'constituency'>,
  from: District,
  fromConstituency: string | undefined,
): 'yes' | 'no' | 'unknown' {
  if (from.mobileSection) return section.district === from.id ? 'yes' : 'no';
  if (fromConstituency === undefined) return 'unknown';
  return fromConstituency === section.constituency ? 'yes' : 'no';
}

/** The МИР of a district user's own district when it has no section (what their reach depends on). */
export async function ownConstituency(db: Database, user: Pick<StaffUser, 'role' | 'district'>, campaign: Campaign): Promise<string | undefined> {
  const own = user.role === 'district' && user.district ? districtById(campaign, user.district) : undefined;
  return own && !own.mobileSection ? constituencyOf(db, campaign, own) : undefined;
}

/** A district user whose district has no section and no МИР yet: they can send their applicants nowhere until the city sets it. */
export async function waitsForConstituency(db: Database, user: Pick<StaffUser, 'role' | 'district'>, campaign: Campaign): Promise<boolean> {
  const own = user.role === 'district' && user.district ? districtById(campaign, user.district) : undefined;
  return !!own && !own.mobileSection && (await constituencyOf(db, campaign, own)) === undefined;
}

/** How a section is named on lists and on the applicant's status page: its number once the commission gives one. */
export function sectionLabel(section: Pick<Section, 'number' | 'district' | 'constituency'>, campaign: Campaign): string {
  if (section.number) return section.number;
  const district = districtById(campaign, section.district);
  return `${district?.name.bg ?? section.district} (МИР ${section.constituency})`;
}

/** The sections the election's data lists in the campaign's area: one per district with a mobile section. */
export function seededSections(campaign: Campaign): { district: string; constituency: string; number: string | null; baseAddress: string }[] {
  return campaign.sections.map((section) => {
    const district = districtById(campaign, section.district)!;
    return {
      district: district.id,
      constituency: district.constituency ?? '',
      number: section.number ?? null,
      baseAddress: section.base ?? `Районна администрация „${district.name.bg}“`,
    };
  });
}

const ofCampaign = (campaign: Campaign) =>
  and(
    eq(mobileSections.electionId, campaign.election.id),
    inArray(
      mobileSections.district,
      campaign.sections.map((section) => section.district),
    ),
  );

/**
 * The campaign's sections, adding any the election data lists that D1 lacks (the city then
 * enters their numbers, base addresses and coordinates). In the steady state it only reads.
 */
export async function campaignSections(db: Database, campaign: Campaign, now: Date): Promise<Section[]> {
  const read = () => db.select().from(mobileSections).where(ofCampaign(campaign)).orderBy(mobileSections.constituency, mobileSections.id);
  const rows = await read();
  const seeds = seededSections(campaign);
  if (seeds.every((seed) => rows.some((row) => row.district === seed.district))) return rows;
  // One statement per section, in one batch: a single insert of them all would pass D1's 100 bound parameters.
  const inserts = seeds.map((seed) =>
    db
      .insert(mobileSections)
      .values({ ...seed, electionId: campaign.election.id, updatedAt: now.toISOString() })
      .onConflictDoNothing(),
  );
  if (inserts.length > 0) await db.batch(inserts as [(typeof inserts)[number], ...typeof inserts]);
  return read();
}

/**
 * One section in the user's reach, with its campaign (404 otherwise, exactly like one that does
 * not exist). With `registering`, a district user whose district has no section and no МИР yet
 * is told so (`constituency_unknown`) instead: the sections of their own area are no secret.
 */
export async function sectionInReach(
  db: Database,
  user: StaffUser,
  id: number,
  now: Date,
  options: { registering?: boolean } = {},
): Promise<{ campaign: Campaign; section: Section; reach: Exclude<SectionReach, 'none'> }> {
  const [section] = await db.select().from(mobileSections).where(eq(mobileSections.id, id)).limit(1);
  if (!section) throw new NotFound();
  // Another area's section, or one out of the user's reach: the same 404, written to the audit log.
  const campaign = campaignInReach(user, section);
  if (!campaign) return refuseOutOfReach(db, user.id, { sections: [String(id)] }, now);
  const constituency = await ownConstituency(db, user, campaign);
  const reach = sectionReach(user, section, campaign, constituency);
  if (reach === 'none' && options.registering && (await waitsForConstituency(db, user, campaign))) throw refuse('constituency_unknown');
  if (reach === 'none') return refuseOutOfReach(db, user.id, { sections: [String(id)] }, now);
  return { campaign, section, reach };
}
