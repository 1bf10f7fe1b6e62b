import { describe, expect, it } from 'vitest';
import { CASES, formatDay, formatNumber, formatTime, LOCALES, t, type GrammaticalCase } from '#core/i18n';

// Every form below is written out by hand, not derived: a reader of Kyrgyz or Kazakh checks the
// table, and the code must match it. One day per month (the 25th, as in "25-майга чейин").
type Forms = Record<Exclude<GrammaticalCase, 'nominative'>, string>;

const KYRGYZ_MONTHS: [month: string, forms: Forms][] = [
  ['01', { genitive: '25-январдын', dative: '25-январга', locative: '25-январда', ablative: '25-январдан' }],
  ['02', { genitive: '25-февралдын', dative: '25-февралга', locative: '25-февралда', ablative: '25-февралдан' }],
  ['03', { genitive: '25-марттын', dative: '25-мартка', locative: '25-мартта', ablative: '25-марттан' }],
  ['04', { genitive: '25-апрелдин', dative: '25-апрелге', locative: '25-апрелде', ablative: '25-апрелден' }],
  ['05', { genitive: '25-майдын', dative: '25-майга', locative: '25-майда', ablative: '25-майдан' }],
  ['06', { genitive: '25-июндун', dative: '25-июнга', locative: '25-июнда', ablative: '25-июндан' }],
  ['07', { genitive: '25-июлдун', dative: '25-июлга', locative: '25-июлда', ablative: '25-июлдан' }],
  ['08', { genitive: '25-августтун', dative: '25-августка', locative: '25-августта', ablative: '25-августтан' }],
  ['09', { genitive: '25-сентябрдын', dative: '25-сентябрга', locative: '25-сентябрда', ablative: '25-сентябрдан' }],
  ['10', { genitive: '25-октябрдын', dative: '25-октябрга', locative: '25-октябрда', ablative: '25-октябрдан' }],
  ['11', { genitive: '25-ноябрдын', dative: '25-ноябрга', locative: '25-ноябрда', ablative: '25-ноябрдан' }],
  ['12', { genitive: '25-декабрдын', dative: '25-декабрга', locative: '25-декабрда', ablative: '25-декабрдан' }],
];

const KAZAKH_MONTHS: [month: string, forms: Forms][] = [
  ['01', { genitive: '25 қаңтардың', dative: '25 қаңтарға', locative: '25 қаңтарда', ablative: '25 қаңтардан' }],
  ['02', { genitive: '25 ақпанның', dative: '25 ақпанға', locative: '25 ақпанда', ablative: '25 ақпаннан' }],
  ['03', { genitive: '25 наурыздың', dative: '25 наурызға', locative: '25 наурызда', ablative: '25 наурыздан' }],
  ['04', { genitive: '25 сәуірдің', dative: '25 сәуірге', locative: '25 сәуірде', ablative: '25 сәуірден' }],
  ['05', { genitive: '25 мамырдың', dative: '25 мамырға', locative: '25 мамырда', ablative: '25 мамырдан' }],
  ['06', { genitive: '25 маусымның', dative: '25 маусымға', locative: '25 маусымда', ablative: '25 маусымнан' }],
  ['07', { genitive: '25 шілденің', dative: '25 шілдеге', locative: '25 шілдеде', ablative: '25 шілдеден' }],
  ['08', { genitive: '25 тамыздың', dative: '25 тамызға', locative: '25 тамызда', ablative: '25 тамыздан' }],
  ['09', { genitive: '25 қыркүйектің', dative: '25 қыркүйекке', locative: '25 қыркүйекте', ablative: '25 қыркүйектен' }],
  ['10', { genitive: '25 қазанның', dative: '25 қазанға', locative: '25 қазанда', ablative: '25 қазаннан' }],
  ['11', { genitive: '25 қарашаның', dative: '25 қарашаға', locative: '25 қарашада', ablative: '25 қарашадан' }],
  ['12', { genitive: '25 желтоқсанның', dative: '25 желтоқсанға', locative: '25 желтоқсанда', ablative: '25 желтоқсаннан' }],
];

const inflected = CASES.filter((c): c is keyof Forms => c !== 'nominative');

describe('formatDay with a grammatical case', () => {
  it.each(KYRGYZ_MONTHS)('ky, month %s: the month takes the ending, after "2024-жылы"', (month, forms) => {
    for (const c of inflected) expect(formatDay('ky', `2024-${month}-25`, c), c).toBe(`2024-жылы ${forms[c]}`);
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

  it('gives the issue’s sentences: ky "25-майга чейин", kk "25 мамырға дейін"', () => {
    expect(`${formatDay('ky', '2024-05-25', 'dative')} чейин`).toBe('2024-жылы 25-майга чейин');
    expect(`${formatDay('kk', '2024-05-25', 'dative')} дейін`).toBe('2024 жылғы 25 мамырға дейін');
  });
});

describe('formatTime and formatNumber with a grammatical case', () => {
  // The ending follows the number as it is read: the minutes, or the hour when the minutes are zero.
  it('kk: vowel harmony after the last word read ("17:30-ға": он жеті отыз)', () => {
    const kk: [string, GrammaticalCase, string][] = [
      ['17:30', 'dative', '17:30-ға'],
      ['18:00', 'dative', '18:00-ге'],
      ['17:00', 'dative', '17:00-ге'],
      ['09:00', 'ablative', '09:00-дан'],
      ['08:00', 'ablative', '08:00-ден'],
      ['10:00', 'ablative', '10:00-нан'],
      ['07:00', 'ablative', '07:00-ден'],
      ['20:00', 'dative', '20:00-ға'],
      ['03:00', 'ablative', '03:00-тен'],
      ['13:45', 'dative', '13:45-ке'],
      ['12:40', 'locative', '12:40-та'],
      ['14:50', 'dative', '14:50-ге'],
      ['19:00', 'locative', '19:00-да'],
      ['16:00', 'genitive', '16:00-ның'],
      ['15:00', 'genitive', '15:00-тің'],
    ];
    for (const [time, c, expected] of kk) expect(formatTime('kk', time, c), `${time} ${c}`).toBe(expected);
  });

  it('ky: vowel harmony, rounded vowels too ("03:00-төн": үч; "10:00-дон": он)', () => {
    const ky: [string, GrammaticalCase, string][] = [
      ['17:30', 'dative', '17:30-га'],
      ['18:00', 'dative', '18:00-ге'],
      ['17:00', 'dative', '17:00-ге'],
      ['09:00', 'ablative', '09:00-дан'],
      ['08:00', 'ablative', '08:00-ден'],
      ['10:00', 'ablative', '10:00-дон'],
      ['03:00', 'ablative', '03:00-төн'],
      ['04:00', 'dative', '04:00-кө'],
      ['20:00', 'dative', '20:00-га'],
      ['13:50', 'dative', '13:50-гө'],
      ['12:40', 'locative', '12:40-та'],
      ['15:00', 'genitive', '15:00-тин'],
      ['16:00', 'locative', '16:00-да'],
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
