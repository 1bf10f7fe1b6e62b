import type { AstroGlobal } from 'astro';
import { env } from 'cloudflare:workers';
import type { Area } from '#core/areas/schema';
import { translator, type Locale } from '#core/i18n';
import { applicationWindow } from '#core/mobile-box/rules';
import { AREAS } from '#functions/elections/areas';
import { getElection } from '#functions/elections/registry';
import type { Bindings } from '#functions/env';
import type { LimitedAction } from '#functions/http/rate-limit';
import { areaCampaigns, type Campaign, campaignOf } from '#functions/mobile-box/campaign';
import { mobileBoxRequest } from '#functions/mobile-box/schemas';
import { clock } from '#functions/platform/clock';
import { MOBILE_BOX_LISTS, mobileBoxFieldId } from '#site/components/mobile-box/field-ids';
import type { z } from 'zod';
import { type FormOutcome, handleForm, pageLocale, type Typed } from './form';

export interface MobileBoxContext {
  campaign: Campaign;
  now: Date;
}

/** The areas where some election takes (or took) mobile-box applications. */
export const mobileBoxAreas = (): Area[] => AREAS.filter((area) => areaCampaigns(area.id).length > 0);

/** A campaign named by an election id and an area id (the area may be left out when the election has one), or undefined. */
export function campaignNamed(electionId: string | null | undefined, areaId: string | null | undefined): Campaign | undefined {
  const election = electionId ? getElection(electionId) : undefined;
  if (!election?.mobileBox) return undefined;
  const areas = election.mobileBox.areas.map((entry) => entry.area);
  const area = areaId || (areas.length === 1 ? areas[0] : undefined);
  return area ? campaignOf(election, area) : undefined;
}

/**
 * What `/<locale>/mobile-ballot-box/` offers, from its query (`?area=`, `?election=`, neither
 * personal) and the clock:
 * - `campaign`: one election's application (its window open, or named);
 * - `areas`: several areas take applications, none chosen yet;
 * - `elections`: several elections of the chosen area have their window open;
 * - `closed`: none of the area is open: the last one, and where to follow the next.
 */
export type MobileBoxChoice =
  | { kind: 'campaign'; campaign: Campaign }
  | { kind: 'areas'; areas: Area[] }
  | { kind: 'elections'; area: Area; campaigns: Campaign[] }
  | { kind: 'closed'; area: Area; last: Campaign };

export function mobileBoxChoice(query: URLSearchParams, now: Date): MobileBoxChoice | undefined {
  const areas = mobileBoxAreas();
  const area = areas.find((candidate) => candidate.id === query.get('area')) ?? (areas.length === 1 ? areas[0] : undefined);
  if (!area) return areas.length > 0 ? { kind: 'areas', areas } : undefined;
  const campaigns = areaCampaigns(area.id);
  const named = campaigns.find((campaign) => campaign.election.id === query.get('election'));
  if (named) return { kind: 'campaign', campaign: named };
  const open = campaigns.filter((campaign) => applicationWindow(campaign.election, now) !== 'closed').reverse();
  if (open.length === 1) return { kind: 'campaign', campaign: open[0]! };
  if (open.length > 1) return { kind: 'elections', area, campaigns: open };
  return { kind: 'closed', area, last: campaigns[0]! };
}

/** The time the mobile-box rules are judged at (the server's clock; NOW in development). */
export const mobileBoxNow = () => clock(env);

/**
 * One step after the form (check, print, send): only reached by POST (a GET goes back to the
 * form, 303), it reads the whole application with the shared schema and runs `action` on it.
 * The campaign is the one the form names (its hidden `election` and `area`). A Response means
 * the page answers with it as it is (404 when the form names no campaign).
 */
export async function mobileBoxStep<T>(
  astro: AstroGlobal,
  action: (input: z.output<typeof mobileBoxRequest>, context: MobileBoxContext & { locale: Locale }, bindings: Bindings, typed: Typed) => Promise<T>,
  options: { limit?: LimitedAction; challenge?: string } = {},
): Promise<Response | { locale: Locale; t: ReturnType<typeof translator>; context: MobileBoxContext; outcome: FormOutcome<T> }> {
  const locale = pageLocale(astro.params);
  if (!locale) return new Response(null, { status: 404 });
  if (astro.request.method !== 'POST') return astro.redirect(`/${locale}/mobile-ballot-box/`, 303);
  const now = mobileBoxNow();
  const outcome = await handleForm(astro, {
    locale,
    schema: mobileBoxRequest,
    lists: MOBILE_BOX_LISTS,
    fieldId: mobileBoxFieldId,
    extra: { lang: locale },
    ...options,
    action: (input, bindings, typed) => {
      const campaign = campaignNamed(input.election, input.area);
      // The schema has refused an election or area it does not know: this cannot happen.
      if (!campaign) throw new Error('a valid application names no campaign');
      return action(input, { campaign, now, locale }, bindings, typed);
    },
  });
  // A body that could not be read names nothing: answer on the campaign the form page offers.
  const offered = mobileBoxChoice(new URLSearchParams(), now);
  const campaign = campaignNamed(outcome.values.election, outcome.values.area) ?? (offered?.kind === 'campaign' ? offered.campaign : undefined);
  if (!campaign) return new Response(null, { status: 404 });
  return { locale, t: translator(locale), context: { campaign, now }, outcome };
}
