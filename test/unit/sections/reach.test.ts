import { describe, expect, it } from 'vitest';
import { getElection } from '#functions/elections/registry';
import { campaignsOf } from '#functions/mobile-box/campaign';
import { districtById } from '#functions/mobile-box/districts';
import { isOverdue } from '#functions/sections/lists';
import { mayReceive, sectionReach } from '#functions/sections/sections';
import { sectionConstituencies } from '#functions/sections/constituencies';
import { routesPreparable } from '#functions/staff/campaign';

const [campaign] = campaignsOf(getElection('bg-2024-06-09')!);
const at = (sofiaTime: string) => new Date(`${sofiaTime}+03:00`);
const mladost = { district: 'mladost', constituency: '23' };
const sredets = { district: 'sredets', constituency: '24' };
const lozenets = districtById(campaign!, 'lozenets')!;
const lozenetsUser = { role: 'district' as const, district: 'lozenets' };

describe('where a late applicant goes: the same МИР, never a guess', () => {
  it('seed 004, lines 118–134 ("23-ти многомандатен избирателен район: … 24-ти … 25-ти"): the data gives the МИР of the 14 districts with a section, and no other', () => {
    expect(sectionConstituencies(campaign!)).toEqual(['23', '24', '25']);
    expect(lozenets.mobileSection).toBe(false);
    expect(lozenets.constituency).toBeUndefined();
  });

  it('seed 004, line 136 ("Така тези избиратели ще бъдат включени в списъците за гласуване на мобилните секции"): a district without a section sends its voters to a section of its own МИР only once someone has set it', () => {
    expect(mayReceive(mladost, lozenets, undefined)).toBe('unknown');
    expect(mayReceive(mladost, lozenets, '23')).toBe('yes');
    expect(mayReceive(sredets, lozenets, '23')).toBe('no');
    // A district with its own section keeps to it.
    expect(mayReceive(sredets, districtById(campaign!, 'mladost')!, '23')).toBe('no');
    expect(mayReceive(mladost, districtById(campaign!, 'mladost')!, '23')).toBe('yes');
  });

  it('seed 004, line 136: until its МИР is set, such a district reaches no section; then the sections of that МИР only', () => {
    expect(sectionReach(lozenetsUser, mladost, campaign!, undefined)).toBe('none');
    expect(sectionReach(lozenetsUser, mladost, campaign!, '23')).toBe('own-voters');
    expect(sectionReach(lozenetsUser, sredets, campaign!, '23')).toBe('none');
    expect(sectionReach({ role: 'district', district: 'mladost' }, mladost, campaign!, undefined)).toBe('full');
    expect(sectionReach({ role: 'police', district: null }, mladost, campaign!, undefined)).toBe('full');
  });
});

describe('СДВР prepares the routes', () => {
  it('seed 004, line 137 ("трябва да информират СДВР за адресите на регистрираните избиратели до 4 юни 2024 г."): a list not handed over is overdue from 5 June, to its district and the city', () => {
    expect(isOverdue(campaign!, { handedOverAt: null }, at('2024-06-04T23:59:59'))).toBe(false);
    expect(isOverdue(campaign!, { handedOverAt: null }, at('2024-06-05T00:00:00'))).toBe(true);
    expect(isOverdue(campaign!, { handedOverAt: '2024-06-04T20:00:00.000Z' }, at('2024-06-05T00:00:00'))).toBe(false);
  });

  it('seed 004, line 137 ("Директорът на СДВР ще изготви специализирани маршрути, които ще се следват от автомобилите"): the police prepare routes after the hand-over deadline, until the end of voting day', () => {
    expect(routesPreparable(campaign!, at('2024-06-05T10:00:00'))).toBe(true);
    expect(routesPreparable(campaign!, at('2024-06-09T23:59:59'))).toBe(true);
    expect(routesPreparable(campaign!, at('2024-06-10T00:00:00'))).toBe(false);
  });
});
