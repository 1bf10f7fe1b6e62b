import { and, ne } from 'drizzle-orm';
import { database } from '#db/client';
import { mobileBoxRequests } from '#db/schema';
import type { Bindings } from '#functions/env';
import type { Campaign } from '#functions/mobile-box/campaign';
import { receivedAt } from '#functions/mobile-box/received';
import { scope } from './review';
import type { StaffSession } from './sessions';

export interface ValidRequest {
  district: string;
  ballot: string;
  /** The date of receipt (`receivedAt()`), which orders the requests. */
  receivedOn: string;
  /** When it was stored: orders requests received on the same day. */
  createdAt: string;
}

export interface DistrictSummary {
  district: string;
  ballot: string;
  valid: number;
  /** The date of receipt of the `notifyAt`-th valid request (the mayor must then notify the commission); null below it. */
  reachedAt: string | null;
}

/** Valid (not rejected) requests per district and ballot, and the date of receipt on which each reached the threshold. */
export function summarize(requests: ValidRequest[], notifyAt: number): DistrictSummary[] {
  const groups = new Map<string, ValidRequest[]>();
  for (const request of requests) {
    const key = `${request.district}|${request.ballot}`;
    groups.set(key, [...(groups.get(key) ?? []), request]);
  }
  const inOrderOfReceipt = (a: ValidRequest, b: ValidRequest) => a.receivedOn.localeCompare(b.receivedOn) || a.createdAt.localeCompare(b.createdAt);
  return [...groups.values()]
    .map((group) => {
      const sorted = [...group].sort(inOrderOfReceipt);
      return { district: group[0]!.district, ballot: group[0]!.ballot, valid: group.length, reachedAt: sorted[notifyAt - 1]?.receivedOn ?? null };
    })
    .sort((a, b) => a.district.localeCompare(b.district) || a.ballot.localeCompare(b.ballot));
}

/** The summary in the staff member's reach (a district user: their district only). */
export async function districtSummary(env: Bindings, user: StaffSession['user'], campaign: Campaign): Promise<DistrictSummary[]> {
  const r = mobileBoxRequests;
  const rows = await database(env.DB)
    .select({ district: r.district, ballot: r.ballot, electionId: r.electionId, receivedOn: r.receivedOn, createdAt: r.createdAt })
    .from(r)
    .where(and(ne(r.status, 'rejected'), scope(user, campaign)));
  return summarize(
    rows.map((row) => ({ district: row.district, ballot: row.ballot, receivedOn: receivedAt(row), createdAt: row.createdAt })),
    campaign.config.notifyAt,
  );
}
