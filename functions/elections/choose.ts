import type { Country } from '#core/countries';
import { ValidationFailed } from '#core/errors';
import { electionEndsAt, lastDayOf } from '#core/elections/deadlines';
import { ELECTIONS, getElection } from './registry';
import type { Election } from '#core/elections/schema';

/**
 * The election a request is about when it names none: the country's next election that is
 * not over at `now` (the soonest), else the one that ended most recently. Every station query
 * is scoped to exactly one election chosen by this rule or named by the request.
 *
 * @example currentElection('BG', now) // the Bulgarian election not yet over that comes first, else the last one
 */
export function currentElection(country: Country, now: Date): Election {
  const ofCountry = ELECTIONS.filter((e) => e.country === country);
  const upcoming = ofCountry.filter((e) => !isOver(e, now)).sort((a, b) => lastDayOf(a).localeCompare(lastDayOf(b)));
  const past = ofCountry.filter((e) => isOver(e, now)).sort((a, b) => lastDayOf(b).localeCompare(lastDayOf(a)));
  const chosen = upcoming[0] ?? past[0];
  if (!chosen) throw new Error(`content/elections/ has no election for ${country}`);
  return chosen;
}

/** When each election ends, worked out once per isolate: the time-zone arithmetic is the costly part of choosing. */
const endsAt = new WeakMap<Election, number>();

/** `isElectionOver`, with the end of each election computed once. */
function isOver(election: Election, now: Date): boolean {
  let end = endsAt.get(election);
  if (end === undefined) {
    end = electionEndsAt(election).getTime();
    endsAt.set(election, end);
  }
  return now.getTime() >= end;
}

/**
 * The election named by a request (it must exist and belong to the country: otherwise the
 * `election` field is refused), or the current one when none is named.
 */
export function electionFor(country: Country, requested: string | undefined, now: Date): Election {
  return requested === undefined ? currentElection(country, now) : namedElection(requested, country);
}

/** An election a request names; unknown, or of another country than the request's, is refused. */
export function namedElection(id: string, country?: Country): Election {
  const election = getElection(id);
  if (!election || (country !== undefined && election.country !== country)) {
    throw new ValidationFailed([{ field: 'election', code: 'invalid_choice', label: 'common.field.election' }]);
  }
  return election;
}

/** The election a stored row belongs to; a row of an election missing from content/elections/ is a data error. */
export function electionOfRow(electionId: string): Election {
  const election = getElection(electionId);
  if (!election) throw new Error(`election ${electionId} is in the database but not in content/elections/`);
  return election;
}
