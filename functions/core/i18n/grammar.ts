/**
 * Case endings of Kyrgyz and Kazakh, for the words our dates and times end in: month names and
 * numbers. Both languages choose a suffix by vowel harmony (the word's last vowel) and by its last
 * sound (a vowel, a nasal, another voiced consonant or a voiceless one); a figure takes the ending
 * of the number as it is read aloud, after a hyphen ("17:30-ға": "он жеті отыз" ends in "отыз").
 * Bulgarian, Russian and English dates need no ending: their day and month read right in any case.
 * The forms are checked by hand in test/unit/i18n/grammar.test.ts.
 */

/** The grammatical cases a message can ask of a date, a time or a number. */
export const CASES = ['nominative', 'genitive', 'dative', 'locative', 'ablative'] as const;
export type GrammaticalCase = (typeof CASES)[number];
export type TurkicLocale = 'ky' | 'kk';

export const isCase = (name: string): name is GrammaticalCase => (CASES as readonly string[]).includes(name);
export const isTurkic = (locale: string): locale is TurkicLocale => locale === 'ky' || locale === 'kk';

const VOWELS = 'аәеёиоөуұүыіэюя';
const NASALS = 'мнң';
const VOICELESS = 'кқпстфхцчшщ';

type Ending = 'vowel' | 'nasal' | 'voiced' | 'voiceless';

function lastSound(word: string): Ending {
  const last = word.replace(/ь$/u, '').slice(-1).toLowerCase();
  if (VOWELS.includes(last) && last !== 'у' && last !== 'и') return 'vowel';
  if (NASALS.includes(last)) return 'nasal';
  if (VOICELESS.includes(last)) return 'voiceless';
  return 'voiced';
}

/** The word's last vowel that decides harmony ("у" and "и" in Kazakh say nothing of it). */
function harmonyVowel(locale: TurkicLocale, word: string): string {
  const letters = [...word.toLowerCase()].reverse();
  const neutral = locale === 'kk' ? 'уи' : '';
  return letters.find((letter) => VOWELS.includes(letter) && !neutral.includes(letter)) ?? 'а';
}

/** Kazakh: back or front. Kyrgyz also: rounded or not, for the open vowel (а е о ө) and the close one (ы и у ү). */
function suffixVowels(locale: TurkicLocale, word: string): { open: string; close: string } {
  const vowel = harmonyVowel(locale, word);
  if (locale === 'kk') return 'әеөүіэ'.includes(vowel) ? { open: 'е', close: 'і' } : { open: 'а', close: 'ы' };
  if ('оё'.includes(vowel)) return { open: 'о', close: 'у' };
  if ('ую'.includes(vowel)) return { open: 'а', close: 'у' };
  if ('өү'.includes(vowel)) return { open: 'ө', close: 'ү' };
  if ('еиэ'.includes(vowel)) return { open: 'е', close: 'и' };
  return { open: 'а', close: 'ы' };
}

/**
 * The case ending a word takes (without a hyphen), or '' in the nominative.
 *
 * @example caseEnding('kk', 'мамыр', 'dative') // 'ға'
 * @example caseEnding('ky', 'август', 'ablative') // 'тан'
 */
export function caseEnding(locale: TurkicLocale, word: string, grammaticalCase: GrammaticalCase): string {
  if (grammaticalCase === 'nominative') return '';
  const sound = lastSound(word);
  const { open, close } = suffixVowels(locale, word);
  const kazakhBack = locale === 'kk' && open === 'а';
  switch (grammaticalCase) {
    case 'dative':
      if (sound === 'voiceless') return kazakhBack ? `қ${open}` : `к${open}`;
      return kazakhBack ? `ғ${open}` : `г${open}`;
    case 'locative':
      return sound === 'voiceless' ? `т${open}` : `д${open}`;
    case 'ablative':
      if (sound === 'voiceless') return `т${open}н`;
      return locale === 'kk' && sound === 'nasal' ? `н${open}н` : `д${open}н`;
    case 'genitive':
      if (sound === 'voiceless') return locale === 'kk' ? `т${close}ң` : `т${close}н`;
      if (sound === 'vowel' || (locale === 'kk' && sound === 'nasal')) return locale === 'kk' ? `н${close}ң` : `н${close}н`;
      return locale === 'kk' ? `д${close}ң` : `д${close}н`;
  }
}

/** A word with its case ending; a final soft sign gives way to the ending ("июнь" → "июнда"). */
export function inflect(locale: TurkicLocale, word: string, grammaticalCase: GrammaticalCase): string {
  const ending = caseEnding(locale, word, grammaticalCase);
  return ending ? word.replace(/ь$/u, '') + ending : word;
}

const NUMBER_WORDS: Record<TurkicLocale, { units: string[]; tens: string[]; zero: string; hundred: string; thousand: string; million: string }> = {
  kk: {
    zero: 'нөл',
    units: ['', 'бір', 'екі', 'үш', 'төрт', 'бес', 'алты', 'жеті', 'сегіз', 'тоғыз'],
    tens: ['', 'он', 'жиырма', 'отыз', 'қырық', 'елу', 'алпыс', 'жетпіс', 'сексен', 'тоқсан'],
    hundred: 'жүз',
    thousand: 'мың',
    million: 'миллион',
  },
  ky: {
    zero: 'нөл',
    units: ['', 'бир', 'эки', 'үч', 'төрт', 'беш', 'алты', 'жети', 'сегиз', 'тогуз'],
    tens: ['', 'он', 'жыйырма', 'отуз', 'кырк', 'элүү', 'алтымыш', 'жетимиш', 'сексен', 'токсон'],
    hundred: 'жүз',
    thousand: 'миң',
    million: 'миллион',
  },
};

/** The last word of a whole number read aloud, which its case ending follows ("15" → "бес"). */
export function lastNumberWord(locale: TurkicLocale, value: number): string {
  const words = NUMBER_WORDS[locale];
  const n = Math.abs(Math.trunc(value));
  if (n === 0) return words.zero;
  if (n % 10 !== 0) return words.units[n % 10]!;
  if (n % 100 !== 0) return words.tens[(n % 100) / 10]!;
  if (n % 1000 !== 0) return words.hundred;
  return n % 1_000_000 !== 0 ? words.thousand : words.million;
}

/**
 * A number written in figures with its case ending after a hyphen.
 *
 * @example numberInCase('ky', 6, 'ablative') // '6-дан'
 * @example numberInCase('kk', 119, 'dative') // '119-ға'
 */
export function numberInCase(locale: TurkicLocale, value: number, grammaticalCase: GrammaticalCase, written = String(value)): string {
  const ending = caseEnding(locale, lastNumberWord(locale, value), grammaticalCase);
  return ending ? `${written}-${ending}` : written;
}

/**
 * A clock time (`HH:MM`) with its case ending. The ending follows the minutes as they are read,
 * "00" as "нөл" too: "17:30-ға" (отыз), "18:00-ге" / ky "18:00-гө" (нөл), as Kazakh and Kyrgyz
 * notices write "09.00-ден 18.00-ге дейін" and "03:00-дөн".
 *
 * @example timeInCase('kk', '17:30', 'dative') // '17:30-ға'
 * @example timeInCase('ky', '03:00', 'ablative') // '03:00-дөн'
 */
export function timeInCase(locale: TurkicLocale, time: string, grammaticalCase: GrammaticalCase): string {
  const minutes = Number(time.split(':')[1] ?? 0);
  return numberInCase(locale, minutes, grammaticalCase, time);
}

/** Kyrgyz third-person possessive ("май" → "майы", "июнь" → "июну", "апрель" → "апрели"). */
function possessive(word: string): string {
  const stem = word.replace(/ь$/u, '');
  const { close } = suffixVowels('ky', stem);
  return lastSound(stem) === 'vowel' ? `${stem}с${close}` : stem + close;
}

/** Kyrgyz case endings after a possessive (the "pronominal n"): "майы" → "майына", "майынан". */
function afterPossessive(word: string, grammaticalCase: GrammaticalCase): string {
  const { open, close } = suffixVowels('ky', word);
  const endings: Record<GrammaticalCase, string> = { nominative: '', genitive: `н${close}н`, dative: `н${open}`, locative: `нд${open}`, ablative: `н${open}н` };
  return word + endings[grammaticalCase];
}

/**
 * A month's name as it stands after the day inside a sentence. Kazakh puts the case on the
 * month ("2024 жылғы 25 мамырға", seed 001: "2026 жылғы 14 наурызда"); Kyrgyz makes it the
 * possessed word after the year in the genitive and puts the case after that ("2024-жылдын
 * 25-майына", seed 000: "2024-жылдын 14-майынан тартып", "19-июнуна чейин").
 */
export function monthInCase(locale: TurkicLocale, month: string, grammaticalCase: GrammaticalCase): string {
  return locale === 'kk' ? inflect(locale, month, grammaticalCase) : afterPossessive(possessive(month), grammaticalCase);
}
