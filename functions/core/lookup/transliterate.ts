import type { Country } from '#core/countries';

/** Bulgarian Cyrillic → Latin by the table of the Transliteration Act (Закон за транслитерацията, 2009). */
const BULGARIAN: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sht',
  ъ: 'a',
  ь: 'y',
  ю: 'yu',
  я: 'ya',
};

/**
 * The letters Russian, Kyrgyz and Kazakh Cyrillic add, by their usual romanisations (ё as е,
 * the way people type it; ң as Kyrgyz "ng"). Search keys fold the other spellings onto these.
 */
const OTHER: Readonly<Record<string, string>> = {
  ё: 'e',
  ы: 'y',
  э: 'e',
  ә: 'a',
  ғ: 'g',
  қ: 'k',
  ң: 'ng',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
  і: 'i',
  ї: 'i',
  є: 'ye',
  ґ: 'g',
  ў: 'u',
};

const VOWELS = new Set('аеиоуъюяэыёәөұүіaeiouy');
const isLetter = (char: string | undefined) => char !== undefined && /\p{L}/u.test(char);

function letter(chars: string[], i: number, country: Country): string | undefined {
  const char = chars[i]!.toLowerCase();
  const next = chars[i + 1]?.toLowerCase();
  // The Act: "ия" at the end of a word is "ia" (София → Sofia).
  if (char === 'я' && chars[i - 1]?.toLowerCase() === 'и' && !isLetter(next)) return 'a';
  // Outside Bulgarian, ъ and ь are signs, not sounds: "y" only where ь makes a glide (Ильич → Ilyich), nothing elsewhere (Гоголь → Gogol).
  if (country !== 'BG' && char === 'ъ') return '';
  if (country !== 'BG' && char === 'ь') return next !== undefined && VOWELS.has(next) ? 'y' : '';
  return BULGARIAN[char] ?? OTHER[char];
}

/**
 * Cyrillic letters in Latin, letter by letter; anything else is kept. For Bulgaria this is the
 * Transliteration Act: its table, "ия" at the end of a word as "ia", and "България" as
 * "Bulgaria" (the one exception the Act allows). Case follows the source: a capital gives a
 * capital, a word in capitals stays in capitals.
 *
 * @example latin('бул. Шипченски проход') // 'bul. Shipchenski prohod'
 * @example latin('София') // 'Sofia'
 */
export function latin(value: string, country: Country = 'BG'): string {
  const chars = [
    ...value.replace(/(?<!\p{L})(България|БЪЛГАРИЯ|българия)(?!\p{L})/gu, (name) =>
      name === 'БЪЛГАРИЯ' ? 'BULGARIA' : name[0] === 'Б' ? 'Bulgaria' : 'bulgaria',
    ),
  ];
  return chars
    .map((char, i) => {
      const out = letter(chars, i, country);
      if (out === undefined) return char;
      if (char === char.toLowerCase()) return out;
      const capital = (other: string | undefined) => isLetter(other) && other === other!.toUpperCase();
      const shouting = capital(chars[i + 1]) || (capital(chars[i - 1]) && !isLetter(chars[i + 1]));
      return shouting ? out.toUpperCase() : out.charAt(0).toUpperCase() + out.slice(1);
    })
    .join('');
}

/** Latin and Cyrillic letters that look alike (as lower case: "В" and "B", "Н" and "H" do too). */
const LOOK_ALIKES: readonly [string, string][] = [
  ['a', 'а'],
  ['b', 'в'],
  ['c', 'с'],
  ['e', 'е'],
  ['h', 'н'],
  ['i', 'і'],
  ['k', 'к'],
  ['m', 'м'],
  ['o', 'о'],
  ['p', 'р'],
  ['t', 'т'],
  ['x', 'х'],
  ['y', 'у'],
];
const TO_CYRILLIC = new Map(LOOK_ALIKES);
const TO_LATIN = new Map(LOOK_ALIKES.map(([l, c]) => [c, l]));

/**
 * A word typed in two scripts at once ("Витoша" with a Latin o, "Сhui" with a Cyrillic С), with
 * the look-alike letters put into the script most of the word is in. Lower case in, lower case out.
 *
 * @example oneScript('витoша') // 'витоша' (Cyrillic о)
 */
export function oneScript(word: string): string {
  const cyrillic = (word.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const latinLetters = (word.match(/\p{Script=Latin}/gu) ?? []).length;
  if (cyrillic === 0 || latinLetters === 0) return word;
  const swap = cyrillic >= latinLetters ? TO_CYRILLIC : TO_LATIN;
  return [...word].map((char) => swap.get(char) ?? char).join('');
}
