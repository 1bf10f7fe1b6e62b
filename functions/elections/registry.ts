import bg20240609 from '#content/elections/bg-2024-06-09.json';
import kg2024VoterList from '#content/elections/kg-2024-voter-list.json';
import kz2026Referendum from '#content/elections/kz-2026-referendum.json';
import { lastDayOf } from '#core/elections/deadlines';
import { electionSchema, type Election } from '#core/elections/schema';

/** Every file in content/elections/ (a build test fails when one is missing here). */
const FILES: Record<string, unknown> = {
  'bg-2024-06-09.json': bg20240609,
  'kg-2024-voter-list.json': kg2024VoterList,
  'kz-2026-referendum.json': kz2026Referendum,
};

/** The elections, validated once when the module loads: bad data fails the build, not a visitor. */
export const ELECTIONS: readonly Election[] = Object.entries(FILES)
  .map(([file, data]) => {
    const parsed = electionSchema.safeParse(data);
    if (!parsed.success) throw new Error(`content/elections/${file}: ${parsed.error.message}`);
    if (`${parsed.data.id}.json` !== file) throw new Error(`content/elections/${file}: id must match the file name`);
    return parsed.data;
  })
  .sort((a, b) => lastDayOf(a).localeCompare(lastDayOf(b)));

export const ELECTION_FILES = Object.keys(FILES);

export function getElection(id: string): Election | undefined {
  return ELECTIONS.find((election) => election.id === id);
}
