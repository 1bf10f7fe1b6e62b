import { describe, expect, it } from 'vitest';
import { CASES, formatDay, formatNumber, formatTime, LOCALES, t, type GrammaticalCase } from '#core/i18n';

import { KAZAKH_MONTHS, KYRGYZ_MONTHS, type Forms } from './month-forms';

const inflected = CASES.filter((c): c is keyof Forms => c !== 'nominative');

describe('formatDay with a grammatical case', () => {
  it.each(KYRGYZ_MONTHS)('ky, month %s: the possessed month takes the ending, after "2024-жылдын"', (month, forms) => {
    for (const c of inflected) expect(formatDay('ky', `2024-${month}-25`, c), c).toBe(`2024-жылдын ${forms[c]}`);
  });

  it.each(KAZAKH_MONTHS)('kk, month %s: the month takes the ending, after "2024 жылғы"', (month, forms) => {
    for (const c of inflected) expect(formatDay('kk', `2024-${month}-25`, c), c).toBe(`2024 жылғы ${forms[c]}`);
  });

  it('keeps the nominative as the long date that stands alone (as full ICU writes it)', () => {
    expect(formatDay('ky', '2024-05-25')).toBe('2024-ж., 25-май');
    expect(formatDay('kk', '2024-05-25')).toBe('2024 ж. 25 мамыр');
    expect(formatDay('ky', '2024-05-25', 'nominative')).toBe('2024-ж., 25-май');
  });

  it('writes the same words in every case in bg, ru and en, whose day and month read right in any case', () => {
    for (const c of CASES) {
      expect(formatDay('bg', '2024-05-25', c)).toBe('25 май 2024 г.');
      expect(formatDay('ru', '2024-05-25', c)).toBe('25 мая 2024 г.');
      expect(formatDay('en', '2024-05-25', c)).toBe('25 May 2024');
    }
  });

  it('gives the sentences of the seeds: ky "2024-жылдын 19-июнуна чейин", kk "25 мамырға дейін", "2026 жылғы 14 наурызда"', () => {
    expect(`${formatDay('ky', '2024-06-19', 'dative')} чейин`).toBe('2024-жылдын 19-июнуна чейин');
    expect(`${formatDay('ky', '2024-05-14', 'ablative')} тартып`).toBe('2024-жылдын 14-майынан тартып');
    expect(formatDay('kk', '2026-03-14', 'locative')).toBe('2026 жылғы 14 наурызда');
    expect(`${formatDay('kk', '2024-05-25', 'dative')} дейін`).toBe('2024 жылғы 25 мамырға дейін');
  });
});

describe('formatTime and formatNumber with a grammatical case', () => {
  // The ending follows the number as it is read: the minutes, or the hour when the minutes are zero.
  it('kk: vowel harmony after the minutes as read, "00" as "нөл" ("17:30-ға": отыз; "09.00-ден 18.00-ге")', () => {
    const kk: [string, GrammaticalCase, string][] = [
      ['17:30', 'dative', '17:30-ға'],
      ['18:00', 'dative', '18:00-ге'],
      ['09:00', 'ablative', '09:00-ден'],
      ['20:00', 'dative', '20:00-ге'],
      ['03:00', 'ablative', '03:00-ден'],
      ['19:00', 'locative', '19:00-де'],
      ['16:00', 'genitive', '16:00-дің'],
      ['13:45', 'dative', '13:45-ке'],
      ['12:40', 'locative', '12:40-та'],
      ['14:50', 'dative', '14:50-ге'],
      ['10:10', 'ablative', '10:10-нан'],
      ['11:20', 'locative', '11:20-да'],
      ['08:15', 'ablative', '08:15-тен'],
      ['07:06', 'genitive', '07:06-ның'],
    ];
    for (const [time, c, expected] of kk) expect(formatTime('kk', time, c), `${time} ${c}`).toBe(expected);
  });

  it('ky: vowel harmony, rounded vowels too ("03:00-дөн", "17:30-га": отуз; "10:10-дон": он)', () => {
    const ky: [string, GrammaticalCase, string][] = [
      ['17:30', 'dative', '17:30-га'],
      ['18:00', 'dative', '18:00-гө'],
      ['09:00', 'ablative', '09:00-дөн'],
      ['03:00', 'ablative', '03:00-дөн'],
      ['20:00', 'locative', '20:00-дө'],
      ['15:00', 'genitive', '15:00-дүн'],
      ['10:10', 'ablative', '10:10-дон'],
      ['12:40', 'locative', '12:40-та'],
      ['13:50', 'dative', '13:50-гө'],
      ['08:03', 'dative', '08:03-кө'],
      ['07:05', 'ablative', '07:05-тен'],
      ['11:06', 'genitive', '11:06-нын'],
      ['06:09', 'dative', '06:09-га'],
    ];
    for (const [time, c, expected] of ky) expect(formatTime('ky', time, c), `${time} ${c}`).toBe(expected);
  });

  it('numbers in figures: ky "6-дан 15-ке", "119-га"; kk "6-дан 15-ке", "119-ға"', () => {
    expect(`${formatNumber('ky', 6, 'ablative')} ${formatNumber('ky', 15, 'dative')}`).toBe('6-дан 15-ке');
    expect(formatNumber('ky', 119, 'dative')).toBe('119-га');
    expect(formatNumber('ky', 100, 'dative')).toBe('100-гө');
    expect(formatNumber('ky', 1000, 'locative')).toBe('1000-де');
    expect(`${formatNumber('kk', 6, 'ablative')} ${formatNumber('kk', 15, 'dative')}`).toBe('6-дан 15-ке');
    expect(formatNumber('kk', 119, 'dative')).toBe('119-ға');
    expect(formatNumber('kk', 40, 'locative')).toBe('40-та');
    expect(formatNumber('kk', 2, 'genitive')).toBe('2-нің');
    expect(formatNumber('kk', 0, 'dative')).toBe('0-ге');
  });

  it.each(LOCALES.filter((l) => l !== 'ky' && l !== 'kk'))('%s writes times and numbers as they are', (locale) => {
    for (const c of CASES) {
      expect(formatTime(locale, '17:30', c)).toBe('17:30');
      expect(formatNumber(locale, 6, c)).toBe('6');
    }
  });
});

describe('t() with case placeholders', () => {
  it('puts a day value in the case the message asks for, and refuses a date formatted too early', () => {
    expect(t('kk', 'common.date.withTime', { date: 'X', time: 'Y' })).toBe('X, сағат Y');
    expect(() => t('ky', 'guides.timeline.until', { date: formatDay('ky', '2026-03-14'), time: '18:00' })).toThrow(/cannot be put in the dative/);
  });
});
