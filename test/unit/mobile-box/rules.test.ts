import { describe, expect, it } from 'vitest';
import { getElection } from '#functions/elections/registry';
import { campaignsOf } from '#functions/mobile-box/campaign';
import { districtsOf } from '#functions/mobile-box/districts';
import { applicationWindow, ballotsFor, commissionAppointed, daysLeft, decideApplication } from '#core/mobile-box/rules';
import { hasMobileCommission, liesIn, mainSettlement, settlementById } from '#functions/mobile-box/settlements';
import { clock } from '#functions/platform/clock';

const election = getElection('bg-2024-06-09')!;
const config = election.mobileBox!;
const [campaign] = campaignsOf(election);
const at = (sofiaTime: string) => new Date(`${sofiaTime}+03:00`);
/** Seed 004, lines 99 and 110: the late window depends on the voter's settlement, not on the district. */
const settlement = (id: string, time: string) => ({ mobileCommission: hasMobileCommission(campaign!, id, at(time)) });

describe('the mobile-box window, in Sofia time', () => {
  it.each([
    ['2024-05-20T10:00:00', 'open'],
    ['2024-05-25T23:59:59', 'open'],
    ['2024-05-26T00:00:00', 'late'],
    ['2024-06-03T23:59:59', 'late'],
    ['2024-06-04T00:00:00', 'closed'],
  ])('%s → %s', (time, window) => {
    expect(applicationWindow(election, at(time))).toBe(window);
  });

  it('counts the days left to the deadline', () => {
    expect(daysLeft(election, 'mobile-box-request', at('2024-05-20T10:00:00'))).toBe(5);
    expect(daysLeft(election, 'mobile-box-request', at('2024-05-25T23:59:59'))).toBe(0);
  });
});

describe('decideApplication', () => {
  const apply = (time: string, citizenship: 'BG' | 'EU', ballots: ('ep' | 'ns')[], place = 'sofia') =>
    decideApplication(config, election, { citizenship, ballots, settlement: settlement(place, time) }, at(time));

  it('accepts both ballots from a Bulgarian citizen before the deadline', () => {
    expect(apply('2024-05-25T23:59:59', 'BG', ['ep', 'ns'])).toEqual({ ok: true, late: false });
  });

  it('lets a citizen of another EU state ask for the European Parliament only', () => {
    expect(ballotsFor(config, 'EU')).toEqual(['ep']);
    expect(apply('2024-05-20T10:00:00', 'EU', ['ep'])).toEqual({ ok: true, late: false });
    expect(apply('2024-05-20T10:00:00', 'EU', ['ep', 'ns'])).toEqual({ ok: false, refusal: 'not_eligible' });
  });

  it('seed 004, line 99: "не по-късно от 5 дни преди изборния ден (3 юни 2024 г.) и при условие, че на територията на населеното място е назначена подвижна секционна избирателна комисия": the city of Sofia is one settlement with 14 commissions, so a late application from any of its districts is accepted', () => {
    // Лозенец has no section of its own: until this rule it was turned away.
    expect(campaign!.commissions.map((commission) => commission.settlement)).toEqual(['sofia']);
    expect(apply('2024-05-26T00:00:00', 'BG', ['ns'], 'sofia')).toEqual({ ok: true, late: true });
    expect(apply('2024-06-03T23:59:59', 'BG', ['ns'], 'sofia')).toEqual({ ok: true, late: true });
    expect(districtsOf(campaign!).every((district) => liesIn(mainSettlement(campaign!), district.id))).toBe(true);
  });

  it('seed 004, line 110: "имате възможност да го направите до 3 юни 2024 г., при условие че на територията на населеното място е назначена подвижна избирателна комисия": a village of the municipality without one is refused, with no_mobile_commission', () => {
    expect(settlementById(campaign!, 'lozen')?.districts).toEqual(['pancharevo']);
    expect(apply('2024-05-26T00:00:00', 'BG', ['ns'], 'lozen')).toEqual({ ok: false, refusal: 'no_mobile_commission' });
    // Before the regular deadline the settlement does not matter.
    expect(apply('2024-05-25T23:59:59', 'BG', ['ns'], 'lozen')).toEqual({ ok: true, late: false });
  });

  it('seed 004, line 99 ("е назначена подвижна секционна избирателна комисия"): a commission counts from the day of the decision that appointed it, where the data dates it', () => {
    const commissions = [{ settlement: 'village', appointedOn: '2024-05-29' }, { settlement: 'town' }];
    expect(commissionAppointed(commissions, 'village', 'Europe/Sofia', at('2024-05-28T23:59:59'))).toBe(false);
    expect(commissionAppointed(commissions, 'village', 'Europe/Sofia', at('2024-05-29T00:00:00'))).toBe(true);
    // The seed dates no decision: without a date the commission counts for the whole late window.
    expect(commissionAppointed(commissions, 'town', 'Europe/Sofia', at('2024-05-26T00:00:00'))).toBe(true);
    expect(commissionAppointed(commissions, 'elsewhere', 'Europe/Sofia', at('2024-05-26T00:00:00'))).toBe(false);
  });

  it('seed 004, line 99 ("не по-късно от 5 дни преди изборния ден (3 юни 2024 г.)"): closed after the late deadline, commission or not', () => {
    expect(apply('2024-06-04T00:00:00', 'BG', ['ns'], 'sofia')).toEqual({ ok: false, refusal: 'deadline_passed' });
    expect(apply('2024-06-04T00:00:00', 'BG', ['ns'], 'lozen')).toEqual({ ok: false, refusal: 'deadline_passed' });
  });
});

describe('the districts of Sofia', () => {
  it('are the 24 of the data file, 14 of them with a mobile section from the source document', () => {
    const districts = districtsOf(campaign!);
    expect(districts).toHaveLength(24);
    expect(
      districts
        .filter((d) => d.mobileSection)
        .map((d) => d.name.bg)
        .sort(),
    ).toEqual(
      [
        'Витоша',
        'Изгрев',
        'Искър',
        'Красна поляна',
        'Красно село',
        'Люлин',
        'Младост',
        'Надежда',
        'Оборище',
        'Овча купел',
        'Подуяне',
        'Слатина',
        'Средец',
        'Триадица',
      ].sort(),
    );
  });
});

describe('clock', () => {
  it('takes NOW in local development and tests only', () => {
    expect(clock({ ENVIRONMENT: 'development', NOW: '2024-05-20T10:00:00+03:00' }).toISOString()).toBe('2024-05-20T07:00:00.000Z');
    expect(clock({ ENVIRONMENT: 'production', NOW: '2024-05-20T10:00:00+03:00' }).getFullYear()).toBeGreaterThanOrEqual(2026);
    expect(clock({ NOW: '2024-05-20T10:00:00+03:00' }).getFullYear()).toBeGreaterThanOrEqual(2026);
    expect(clock({ ENVIRONMENT: 'test', NOW: 'not a date' }).getFullYear()).toBeGreaterThanOrEqual(2026);
  });
});
