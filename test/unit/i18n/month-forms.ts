import type { GrammaticalCase } from '#core/i18n';

// Every form below is written out by hand, not derived: a reader of Kyrgyz or Kazakh checks the
// table, and the code must match it. One day per month (the 25th).
export type Forms = Record<Exclude<GrammaticalCase, 'nominative'>, string>;

// Kyrgyz: the year in the genitive, the month possessed, then the case (seed 000: "2024-жылдын
// 14-майынан тартып", "19-июнуна чейин").
export const KYRGYZ_MONTHS: [month: string, forms: Forms][] = [
  ['01', { genitive: '25-январынын', dative: '25-январына', locative: '25-январында', ablative: '25-январынан' }],
  ['02', { genitive: '25-февралынын', dative: '25-февралына', locative: '25-февралында', ablative: '25-февралынан' }],
  ['03', { genitive: '25-мартынын', dative: '25-мартына', locative: '25-мартында', ablative: '25-мартынан' }],
  ['04', { genitive: '25-апрелинин', dative: '25-апрелине', locative: '25-апрелинде', ablative: '25-апрелинен' }],
  ['05', { genitive: '25-майынын', dative: '25-майына', locative: '25-майында', ablative: '25-майынан' }],
  ['06', { genitive: '25-июнунун', dative: '25-июнуна', locative: '25-июнунда', ablative: '25-июнунан' }],
  ['07', { genitive: '25-июлунун', dative: '25-июлуна', locative: '25-июлунда', ablative: '25-июлунан' }],
  ['08', { genitive: '25-августунун', dative: '25-августуна', locative: '25-августунда', ablative: '25-августунан' }],
  ['09', { genitive: '25-сентябрынын', dative: '25-сентябрына', locative: '25-сентябрында', ablative: '25-сентябрынан' }],
  ['10', { genitive: '25-октябрынын', dative: '25-октябрына', locative: '25-октябрында', ablative: '25-октябрынан' }],
  ['11', { genitive: '25-ноябрынын', dative: '25-ноябрына', locative: '25-ноябрында', ablative: '25-ноябрынан' }],
  ['12', { genitive: '25-декабрынын', dative: '25-декабрына', locative: '25-декабрында', ablative: '25-декабрынан' }],
];

export const KAZAKH_MONTHS: [month: string, forms: Forms][] = [
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

/** A day standing alone (the nominative, as full ICU writes it) and inside a sentence before a time ("2024-жылдын 25-майы, саат …"). */
export const KYRGYZ_ALONE: Record<string, { alone: string; inSentence: string }> = {
  '01': { alone: '2024-ж., 25-январь', inSentence: '2024-жылдын 25-январы' },
  '02': { alone: '2024-ж., 25-февраль', inSentence: '2024-жылдын 25-февралы' },
  '03': { alone: '2024-ж., 25-март', inSentence: '2024-жылдын 25-марты' },
  '04': { alone: '2024-ж., 25-апрель', inSentence: '2024-жылдын 25-апрели' },
  '05': { alone: '2024-ж., 25-май', inSentence: '2024-жылдын 25-майы' },
  '06': { alone: '2024-ж., 25-июнь', inSentence: '2024-жылдын 25-июну' },
  '07': { alone: '2024-ж., 25-июль', inSentence: '2024-жылдын 25-июлу' },
  '08': { alone: '2024-ж., 25-август', inSentence: '2024-жылдын 25-августу' },
  '09': { alone: '2024-ж., 25-сентябрь', inSentence: '2024-жылдын 25-сентябры' },
  '10': { alone: '2024-ж., 25-октябрь', inSentence: '2024-жылдын 25-октябры' },
  '11': { alone: '2024-ж., 25-ноябрь', inSentence: '2024-жылдын 25-ноябры' },
  '12': { alone: '2024-ж., 25-декабрь', inSentence: '2024-жылдын 25-декабры' },
};

export const KAZAKH_ALONE: Record<string, { alone: string; inSentence: string }> = {
  '01': { alone: '2024 ж. 25 қаңтар', inSentence: '2024 жылғы 25 қаңтар' },
  '02': { alone: '2024 ж. 25 ақпан', inSentence: '2024 жылғы 25 ақпан' },
  '03': { alone: '2024 ж. 25 наурыз', inSentence: '2024 жылғы 25 наурыз' },
  '04': { alone: '2024 ж. 25 сәуір', inSentence: '2024 жылғы 25 сәуір' },
  '05': { alone: '2024 ж. 25 мамыр', inSentence: '2024 жылғы 25 мамыр' },
  '06': { alone: '2024 ж. 25 маусым', inSentence: '2024 жылғы 25 маусым' },
  '07': { alone: '2024 ж. 25 шілде', inSentence: '2024 жылғы 25 шілде' },
  '08': { alone: '2024 ж. 25 тамыз', inSentence: '2024 жылғы 25 тамыз' },
  '09': { alone: '2024 ж. 25 қыркүйек', inSentence: '2024 жылғы 25 қыркүйек' },
  '10': { alone: '2024 ж. 25 қазан', inSentence: '2024 жылғы 25 қазан' },
  '11': { alone: '2024 ж. 25 қараша', inSentence: '2024 жылғы 25 қараша' },
  '12': { alone: '2024 ж. 25 желтоқсан', inSentence: '2024 жылғы 25 желтоқсан' },
};
