import { and, inArray } from 'drizzle-orm';
import { database } from '#db/client';
import { mobileBoxRequests } from '#db/schema';
import type { Bindings } from '#functions/env';
import type { Campaign } from '#functions/mobile-box/campaign';
import { receivedAt } from '#functions/mobile-box/received';
import { settlementOf } from '#functions/mobile-box/settlements';
import { scope } from './review';
import { counted } from '#functions/mobile-box/repeats';
import type { StaffSession } from './sessions';

/**
 * Seed 004, line 97: "Когато са подадени поне 10 заявления, които отговарят на изискванията …,
 * кметът на общината уведомява Районната избирателна комисия (РИК)". So the count is of
 * applications that meet the requirements (accepted by the administration), per settlement (a
 * city divided into districts is one) and per ballot; the threshold is reached on the day the
 * tenth such application was received.
 */

const r = mobileBoxRequests;
const COUNTED = ['accepted', 'assigned'] as const;

export interface CountedRequest {
  settlement: string;
  ballot: string;
  /** The date of receipt (`receivedAt()` of functions/mobile-box/received.ts), which orders the requests. */
  receivedOn: string;
  /** When it was stored: orders requests received on the same day. */
  createdAt: string;
}

export interface SettlementSummary {
  settlement: string;
  ballot: string;
  /** Accepted applications (on a route or not). */
  accepted: number;
  /** When the `notifyAt`-th accepted application was received; null below the threshold. */
  reachedAt: string | null;
}

const inOrderOfReceipt = (a: CountedRequest, b: CountedRequest) => a.receivedOn.localeCompare(b.receivedOn) || a.createdAt.localeCompare(b.createdAt);

/** Accepted applications per settlement and ballot, and the date of receipt of the one that reached the threshold. */
export function thresholds(requests: readonly CountedRequest[], notifyAt: number): SettlementSummary[] {
  const groups = Map.groupBy(requests, (request) => `${request.settlement}|${request.ballot}`);
  return [...groups.values()]
    .map((group) => {
      const sorted = [...group].sort(inOrderOfReceipt);
      return { settlement: group[0]!.settlement, ballot: group[0]!.ballot, accepted: group.length, reachedAt: sorted[notifyAt - 1]?.receivedOn ?? null };
    })
    .sort((a, b) => a.settlement.localeCompare(b.settlement) || a.ballot.localeCompare(b.ballot));
}

export interface DistrictBreakdown {
  district: string;
  ballot: string;
  /** Received, not yet decided. */
  received: number;
  accepted: number;
}

/** For information: per district and ballot, how many are waiting for a decision and how many are accepted. */
export function districtBreakdown(requests: readonly { district: string; ballot: string; status: string }[]): DistrictBreakdown[] {
  const groups = Map.groupBy(requests, (request) => `${request.district}|${request.ballot}`);
  return [...groups.values()]
    .map((group) => ({
      district: group[0]!.district,
      ballot: group[0]!.ballot,
      received: group.filter((request) => request.status === 'received').length,
      accepted: group.filter((request) => (COUNTED as readonly string[]).includes(request.status)).length,
    }))
    .sort((a, b) => a.district.localeCompare(b.district) || a.ballot.localeCompare(b.ballot));
}

export interface CampaignSummary {
  notifyAt: number;
  /** The threshold per settlement: for staff who see the whole area (the city); a district user gets none. */
  settlements: SettlementSummary[];
  districts: DistrictBreakdown[];
}

/**
 * The summary in the staff member's reach. The threshold is the municipality's (its mayor
 * notifies the РИК), counted over every district: only the city, who sees them all, gets it; a
 * district user gets their own district's breakdown.
 */
export async function campaignSummary(env: Bindings, user: StaffSession['user'], campaign: Campaign): Promise<CampaignSummary> {
  const rows = await database(env.DB)
    .select({
      district: r.district,
      settlement: r.settlement,
      ballot: r.ballot,
      status: r.status,
      electionId: r.electionId,
      receivedOn: r.receivedOn,
      createdAt: r.createdAt,
    })
    .from(r)
    // A person's applications for a ballot count once: no repeat waiting for staff, no closed or folded copy.
    .where(and(inArray(r.status, ['received', ...COUNTED]), scope(user, campaign), counted()));
  const accepted = rows
    .filter((row) => (COUNTED as readonly string[]).includes(row.status))
    .map((row) => ({ settlement: settlementOf(campaign, row.settlement).id, ballot: row.ballot, receivedOn: receivedAt(row), createdAt: row.createdAt }));
  return {
    notifyAt: campaign.config.notifyAt,
    settlements: user.role === 'district' ? [] : thresholds(accepted, campaign.config.notifyAt),
    districts: districtBreakdown(rows),
  };
}
