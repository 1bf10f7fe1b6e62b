import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Area, areaSchema } from '#core/areas/schema';
import { electionSchema } from '#core/elections/schema';
import { applicationWindow, ballotsFor, daysLeft, decideApplication } from '#core/mobile-box/rules';
import type { Campaign } from '#functions/mobile-box/campaign';
import { districtsOf } from '#functions/mobile-box/districts';
import { hasMobileCommission } from '#functions/mobile-box/settlements';
import { seededSections } from '#functions/sections/sections';

// The rules on an election and a municipality that exist only as data (test/fixtures/content/):
// one ballot, `pvr`, its own deadlines, its own districts and section. Nothing here is in code.
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;
const election = electionSchema.parse(json('test/fixtures/content/elections/test-2024-05-12-pvr.json'));
const area: Area = areaSchema.parse(json('test/fixtures/content/areas/bg-primerovo.json'));
const entry = election.mobileBox!.areas.find((candidate) => candidate.area === area.id)!;
const campaign: Campaign = { election, config: election.mobileBox!, area, sections: entry.sections, commissions: entry.commissions };
const at = (local: string) => new Date(`${local}+03:00`);

describe('an invented election in an invented municipality (test/fixtures/content)', () => {
  it('its window follows its own deadlines: open to 27 April, late to 7 May, then closed', () => {
    expect(applicationWindow(election, at('2024-04-20T10:00:00'))).toBe('open');
    expect(daysLeft(election, 'mobile-box-request', at('2024-04-20T10:00:00'))).toBe(7);
    expect(applicationWindow(election, at('2024-04-28T00:00:00'))).toBe('late');
    expect(applicationWindow(election, at('2024-05-08T00:00:00'))).toBe('closed');
  });

  it('its one ballot, for Bulgarian citizens only', () => {
    expect(ballotsFor(campaign.config, 'BG')).toEqual(['pvr']);
    expect(ballotsFor(campaign.config, 'EU')).toEqual([]);
  });

  it('its districts, with the section its data gives (number and base address included)', () => {
    expect(districtsOf(campaign).map((district) => [district.id, district.mobileSection, district.constituency])).toEqual([
      ['sever', true, '31'],
      ['yug', false, '31'],
      ['iztok', false, undefined],
    ]);
    expect(seededSections(campaign)).toEqual([{ district: 'sever', constituency: '31', number: '319900001', baseAddress: 'Примерово, пл. „Централен“ 1' }]);
  });

  it('the late window only in a settlement where the election appointed a mobile commission (from the day of its appointment)', () => {
    const decide = (settlement: string, now: Date) =>
      decideApplication(
        campaign.config,
        election,
        { citizenship: 'BG', ballots: ['pvr'], settlement: { mobileCommission: hasMobileCommission(campaign, settlement, now) } },
        now,
      );
    const late = at('2024-05-02T10:00:00');
    expect(decide('primerovo', late)).toEqual({ ok: true, late: true });
    expect(decide('gorno-primerovo', late)).toEqual({ ok: false, refusal: 'no_mobile_commission' });
    // Appointed on 29 April: a late application the day before is refused.
    expect(decide('primerovo', at('2024-04-28T10:00:00'))).toEqual({ ok: false, refusal: 'no_mobile_commission' });
    expect(
      decideApplication(campaign.config, election, { citizenship: 'EU', ballots: ['pvr'], settlement: { mobileCommission: true } }, at('2024-04-20T10:00:00')),
    ).toEqual({
      ok: false,
      refusal: 'not_eligible',
    });
  });
});
