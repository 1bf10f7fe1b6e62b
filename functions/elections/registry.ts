import { electionFiles } from '#functions/elections/content-files';
import { actionDeadline, lastDayOf } from '#core/elections/deadlines';
import { earliestReceipt } from '#core/mobile-box/receipt';
import { type Election, electionSchema } from '#core/elections/schema';
import { getArea } from './areas';
import { contentProblem, parseContentFile } from './parse-content';

/**
 * An election's mobile-box areas must exist and be of its country, its sections serve districts
 * with a known constituency, its mobile commissions are in settlements of the area, and a
 * district id names one district across its areas (stored requests are found by election and
 * district).
 */
function checkAreas(file: string, election: Election): void {
  const districtIds = new Set<string>();
  for (const [a, entry] of (election.mobileBox?.areas ?? []).entries()) {
    const area = getArea(entry.area);
    const at = `mobileBox.areas.${a}`;
    if (!area) contentProblem('elections', file, `${at}.area`, `no content/areas/${entry.area}.json`);
    if (area.country !== election.country)
      contentProblem('elections', file, `${at}.area`, `${area.id} is in ${area.country}, the election in ${election.country}`);
    for (const district of area.districts) {
      if (districtIds.has(district.id))
        contentProblem('elections', file, `${at}.area`, `district id ${district.id} is also used by another area of this election`);
      districtIds.add(district.id);
    }
    entry.sections.forEach((section, s) => {
      const district = area.districts.find((d) => d.id === section.district);
      if (!district) contentProblem('elections', file, `${at}.sections.${s}.district`, `${area.id} has no district ${section.district}`);
      if (!district.constituency)
        contentProblem('elections', file, `${at}.sections.${s}.district`, `${area.id} gives no constituency (МИР) for ${section.district}`);
      if (entry.sections.findIndex((other) => other.district === section.district) !== s)
        contentProblem('elections', file, `${at}.sections.${s}.district`, `${section.district} has two sections`);
    });
    entry.commissions.forEach((commission, c) => {
      if (!area.settlements.some((settlement) => settlement.id === commission.settlement))
        contentProblem('elections', file, `${at}.commissions.${c}.settlement`, `${area.id} has no settlement ${commission.settlement}`);
      if (entry.commissions.findIndex((other) => other.settlement === commission.settlement) !== c)
        contentProblem('elections', file, `${at}.commissions.${c}.settlement`, `${commission.settlement} is listed twice`);
    });
  }
}

/**
 * Staff enter paper applications received from the earliest date of receipt on (the day the
 * election was called, else the first day the data names): it must come before the application
 * deadline, or no paper application received in time could be entered.
 */
function checkReceipt(file: string, election: Election): void {
  if (!election.mobileBox || !election.actions['mobile-box-request']) return;
  const earliest = earliestReceipt(election);
  const deadline = actionDeadline(election, 'mobile-box-request').date;
  if (earliest >= deadline)
    contentProblem(
      'elections',
      file,
      'calledOn',
      `give the day the election was called: the earliest date of receipt would be ${earliest}, not before the application deadline ${deadline}`,
    );
}

/** One file of content/elections/, validated against the schema and the areas it names (throws naming the file and the field). */
export function electionFrom(file: string, data: unknown): Election {
  const election = parseContentFile('elections', file, electionSchema, data);
  checkAreas(file, election);
  checkReceipt(file, election);
  return election;
}

/**
 * Every election in content/elections/ (found at build time: a new file needs no code), validated
 * once when the module loads: bad data fails the build, naming the file and the field, never a
 * visitor.
 */
export const ELECTIONS: readonly Election[] = Object.entries(electionFiles)
  .map(([file, data]) => electionFrom(file, data))
  .sort((a, b) => lastDayOf(a).localeCompare(lastDayOf(b)));

/** The file names the elections came from. */
export const ELECTION_FILES = Object.keys(electionFiles);

export function getElection(id: string): Election | undefined {
  return ELECTIONS.find((election) => election.id === id);
}
