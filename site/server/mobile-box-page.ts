import { env } from 'cloudflare:workers';
import { currentElection } from '../../functions/elections/choose';
import type { Election } from '../../functions/elections/schema';
import { clock } from '../../functions/platform/clock';

/** The election the mobile-box pages are about today, and the time its rules are judged at. */
export function mobileBoxContext(): { election: Election; now: Date } | undefined {
  const now = clock(env);
  const election = currentElection('BG', now);
  return election.mobileBox ? { election, now } : undefined;
}
