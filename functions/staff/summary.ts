import { and, ne } from 'drizzle-orm';
import { database } from '#db/client';
import { mobileBoxRequests } from '#db/schema';
import type { Bindings } from '#functions/env';
import type { Campaign } from '#functions/mobile-box/campaign';
import { scope } from './review';
import { counted } from '#functions/mobile-box/repeats';
import type { StaffSession } from './sessions';

export interface ValidRequest {
  district: string;
  ballot: string;
  createdAt: string;
}

export interface DistrictSummary {
  district: string;
  ballot: string;
  valid: number;
  /** When the `notifyAt`-th valid request came in (the mayor must then notify the commission); null below it. */
  reachedAt: string | null;
}

/** Valid (not rejected) requests per district and ballot, and when each reached the threshold (the caller counts each person's application once). */
export function summarize(requests: ValidRequest[], notifyAt: number): DistrictSummary[] {
  const groups = new Map<string, ValidRequest[]>();
  for (const request of requests) {
    const key = `${request.district}|${request.ballot}`;
    groups.set(key, [...(groups.get(key) ?? []), request]);
  }
  return [...groups.values()]
    .map((group) => {
      const sorted = group.map((r) => r.createdAt).sort();
      return { district: group[0]!.district, ballot: group[0]!.ballot, valid: group.length, reachedAt: sorted[notifyAt - 1] ?? null };
    })
    .sort((a, b) => a.district.localeCompare(b.district) || a.ballot.localeCompare(b.ballot));
}

/** The summary in the staff member's reach (a district user: their district only). */
export async function districtSummary(env: Bindings, user: StaffSession['user'], campaign: Campaign): Promise<DistrictSummary[]> {
  const r = mobileBoxRequests;
  const rows = await database(env.DB)
    .select({ district: r.district, ballot: r.ballot, createdAt: r.createdAt })
    .from(r)
    // A person's applications for a ballot count once: no repeat waiting for staff, no closed or folded copy.
    .where(and(ne(r.status, 'rejected'), scope(user, campaign), counted()));
  return summarize(rows, campaign.config.notifyAt);
}
