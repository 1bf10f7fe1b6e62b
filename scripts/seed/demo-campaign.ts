import { applicationWindow } from '#core/mobile-box/rules';
import { ELECTIONS } from '#functions/elections/registry';
import { type Campaign, campaignsOf } from '#functions/mobile-box/campaign';
import { DEMO_NOW } from '#scripts/dev-vars';

/**
 * The campaign the demo of `npm start` shows: the first one in content/ whose application window
 * is open at the demo clock (DEMO_NOW). Its election and area come from the data, not from here.
 */
export function demoCampaign(): Campaign {
  const now = new Date(DEMO_NOW);
  const campaign = ELECTIONS.flatMap(campaignsOf).find((candidate) => applicationWindow(candidate.election, now) === 'open');
  if (!campaign) throw new Error(`no election in content/elections/ takes mobile-box applications at the demo clock ${DEMO_NOW}`);
  return campaign;
}
