import { eq } from 'drizzle-orm';
import type { Database } from '#db/client';
import { mobileSections } from '#db/schema';
import type { Election, MobileBoxConfig } from '#core/elections/schema';
import { districtById, districtsOf, type District } from '#functions/mobile-box/districts';
import { NotFound } from '#core/errors';
import { refuseOutOfReach } from '#functions/staff/audit';
import type { StaffSession } from '#functions/staff/sessions';

export type Section = typeof mobileSections.$inferSelect;
type StaffUser = StaffSession['user'];

/**
 * What a staff member may do with a section's route:
 * - `full`: the whole route (the city, the police to read, and the district the section belongs to);
 * - `own-voters`: only the stops of their own applicants, for a district without its own section
 *   that sends them to a section of its constituency (МИР);
 * - `none`: the section is out of reach and answers 404.
 */
export type SectionReach = 'full' | 'own-voters' | 'none';

/**
 * @example sectionReach({ role: 'district', district: 'lozenets' }, mladostSection, config) // 'own-voters' or 'none' by МИР
 */
export function sectionReach(
  user: Pick<StaffUser, 'role' | 'district'>,
  section: Pick<Section, 'district' | 'constituency'>,
  config: MobileBoxConfig,
): SectionReach {
  if (user.role !== 'district') return 'full';
  if (section.district === user.district) return 'full';
  const own = user.district ? districtById(config, user.district) : undefined;
  if (!own || own.mobileSection) return 'none';
  // The sources do not name the МИР of districts without a section: until a data file does, any section may receive them.
  return own.constituency === undefined || own.constituency === section.constituency ? 'own-voters' : 'none';
}

/** Where a voter of `from` may be registered: the district's own section, else a section of its МИР. */
export function mayReceive(section: Pick<Section, 'district' | 'constituency'>, from: District): boolean {
  if (from.mobileSection) return section.district === from.id;
  return from.constituency === undefined || from.constituency === section.constituency;
}

/** How a section is named on lists and on the applicant's status page: its number once the commission gives one. */
export function sectionLabel(section: Pick<Section, 'number' | 'district' | 'constituency'>, config: MobileBoxConfig): string {
  if (section.number) return section.number;
  const district = districtById(config, section.district);
  return `${district?.name.bg ?? section.district} (МИР ${section.constituency})`;
}

/** The sections the election's data file lists: one per district with a mobile section. */
export function seededSections(config: MobileBoxConfig): { district: string; constituency: string; baseAddress: string }[] {
  return districtsOf(config)
    .filter((district) => district.mobileSection)
    .map((district) => ({ district: district.id, constituency: district.constituency ?? '', baseAddress: `Районна администрация „${district.name.bg}“` }));
}

/**
 * The election's sections, adding any the data file lists that D1 lacks (the city then enters
 * their numbers, base addresses and coordinates). In the steady state it only reads.
 */
export async function electionSections(db: Database, election: Election, now: Date): Promise<Section[]> {
  const rows = await db.select().from(mobileSections).where(eq(mobileSections.electionId, election.id)).orderBy(mobileSections.constituency, mobileSections.id);
  const seeds = seededSections(election.mobileBox!);
  if (seeds.every((seed) => rows.some((row) => row.district === seed.district))) return rows;
  await db
    .insert(mobileSections)
    .values(seeds.map((seed) => ({ ...seed, electionId: election.id, updatedAt: now.toISOString() })))
    .onConflictDoNothing();
  return db.select().from(mobileSections).where(eq(mobileSections.electionId, election.id)).orderBy(mobileSections.constituency, mobileSections.id);
}

/** One section in the user's reach (404 otherwise, exactly like one that does not exist). */
export async function sectionInReach(
  db: Database,
  election: Election,
  user: StaffUser,
  id: number,
  now: Date,
): Promise<{ section: Section; reach: Exclude<SectionReach, 'none'> }> {
  const section = (await electionSections(db, election, now)).find((candidate) => candidate.id === id);
  const reach = section ? sectionReach(user, section, election.mobileBox!) : 'none';
  if (!section) throw new NotFound();
  if (reach === 'none') return refuseOutOfReach(db, user.id, { sections: [String(id)] }, now);
  return { section, reach };
}
