import { describe, expect, it } from 'vitest';
import { getElection } from '#functions/elections/registry';
import { campaignsOf } from '#functions/mobile-box/campaign';
import { districtsOf } from '#functions/mobile-box/districts';
import { applicationWindow, ballotsFor, daysLeft, decideApplication } from '#core/mobile-box/rules';
import { clock } from '#functions/platform/clock';

const election = getElection('bg-2024-06-09')!;
const config = election.mobileBox!;
const [campaign] = campaignsOf(election);
const at = (sofiaTime: string) => new Date(`${sofiaTime}+03:00`);
const withSection = districtsOf(campaign!).find((d) => d.id === 'mladost')!;
const withoutSection = districtsOf(campaign!).find((d) => d.id === 'lozenets')!;

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
  const apply = (time: string, citizenship: 'BG' | 'EU', ballots: ('ep' | 'ns')[], district = withSection) =>
    decideApplication(config, election, { citizenship, ballots, district }, at(time));

  it('accepts both ballots from a Bulgarian citizen before the deadline', () => {
    expect(apply('2024-05-25T23:59:59', 'BG', ['ep', 'ns'])).toEqual({ ok: true, late: false });
  });

  it('lets a citizen of another EU state ask for the European Parliament only', () => {
    expect(ballotsFor(config, 'EU')).toEqual(['ep']);
    expect(apply('2024-05-20T10:00:00', 'EU', ['ep'])).toEqual({ ok: true, late: false });
    expect(apply('2024-05-20T10:00:00', 'EU', ['ep', 'ns'])).toEqual({ ok: false, refusal: 'not_eligible' });
  });

  it('takes late applications only where a mobile section is appointed', () => {
    expect(apply('2024-05-26T00:00:00', 'BG', ['ns'], withSection)).toEqual({ ok: true, late: true });
    expect(apply('2024-06-03T23:59:59', 'BG', ['ns'], withSection)).toEqual({ ok: true, late: true });
    expect(apply('2024-05-26T00:00:00', 'BG', ['ns'], withoutSection)).toEqual({ ok: false, refusal: 'no_mobile_section' });
    expect(apply('2024-05-25T23:59:59', 'BG', ['ns'], withoutSection)).toEqual({ ok: true, late: false });
  });

  it('is closed after the late deadline, with or without a section', () => {
    expect(apply('2024-06-04T00:00:00', 'BG', ['ns'], withSection)).toEqual({ ok: false, refusal: 'deadline_passed' });
    expect(apply('2024-06-04T00:00:00', 'BG', ['ns'], withoutSection)).toEqual({ ok: false, refusal: 'deadline_passed' });
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
