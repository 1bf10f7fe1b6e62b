import type { Country } from '#core/countries';
import { placeKey } from './normalize';
import { latin, oneScript } from './transliterate';

/*
 * Search keys: what a settlement or street is matched by, whatever script or romanisation it
 * was written in. Both sides go the same way: Cyrillic into Latin (the Transliteration Act for
 * Bulgarian), Latin letters with diacritics into plain ones (Kazakh 2021 Latin, Czech-style
 * ž/š/č), then the spellings people use for one sound are folded onto one ("kh"/"h", "sht"/"st",
 * "zh"/"j", "ts"/"tz", "yu"/"iu"/"ju", "Satbaev"/"Satbayev"…), street-type words ("ул.", "bul.",
 * "blvd", "zh.k.", "көшесі"…) are dropped and what is left is joined without spaces or punctuation.
 * The folding is deliberately loose: it is only ever compared within one settlement's streets.
 */

/** Letters with diacritics that stand for a digraph; the rest simply lose their marks. */
const DIGRAPHS: Readonly<Record<string, string>> = { ş: 'sh', š: 'sh', ž: 'zh', č: 'ch', ć: 'ch', ç: 'ch', đ: 'dj', ı: 'i', ß: 'ss' };

/** Folds applied in order to one word of plain Latin letters. */
const FOLDS: readonly [RegExp, string][] = [
  [/w/g, 'v'],
  [/q/g, 'k'],
  [/x/g, 'ks'],
  [/tch/g, 'ch'],
  [/shch/g, 'st'],
  [/sht/g, 'st'],
  [/kh/g, 'h'],
  [/gh/g, 'g'],
  [/dzh|dj/g, 'j'],
  [/zh/g, 'j'],
  [/tz/g, 'ts'],
  [/y/g, 'i'],
  [/^ie/, 'e'],
  [/([aeou])e/g, '$1ie'],
  [/i{2,}/g, 'i'],
  [/ng+/g, 'n'],
];

function fold(word: string): string {
  return FOLDS.reduce((w, [pattern, replacement]) => w.replace(pattern, replacement), word);
}

/** One word as plain lower-case Latin letters, digits and hyphens. */
function plainLatin(word: string, country: Country): string {
  return [...latin(oneScript(word), country)]
    .map((char) => DIGRAPHS[char] ?? char)
    .join('')
    .normalize('NFD')
    .replace(/[^a-z0-9-]/g, '');
}

/**
 * The readings of a typed "j" (ж in "Jandosov", a glide in "Jurij") and a lone "c" (ц in
 * "Car Simeon", ч in "Cerni vrah"): the official spellings never use either, so each becomes
 * both, the same way throughout the input.
 */
function readings(words: string[]): string[][] {
  let all = [words];
  if (words.some((w) => w.includes('j'))) all = all.flatMap((ws) => [ws.map((w) => w.replace(/j/g, 'zh')), ws.map((w) => w.replace(/j/g, 'y'))]);
  if (words.some((w) => /c(?!h)/.test(w))) all = all.flatMap((ws) => [ws.map((w) => w.replace(/c(?!h)/g, 'ts')), ws.map((w) => w.replace(/c(?!h)/g, 'ch'))]);
  return all;
}

function words(value: string, country: Country): string[] {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}-]+/u)
    .map((word) => plainLatin(word, country))
    .filter((word) => word.replace(/-/g, '') !== '');
}

const folded = (ws: string[]) => ws.map((w) => w.split('-').map(fold).join('-'));
const keyOf = (ws: string[]) =>
  folded(ws)
    .filter((w) => !STREET_WORDS.has(w))
    .join('')
    .replace(/-/g, '');

/** Street-type and settlement-type words in Bulgarian, Russian, Kyrgyz, Kazakh and the Latin spellings people type. */
const STREET_WORDS = new Set(
  [
    'ул',
    'улица',
    'бул',
    'булевард',
    'пл',
    'площад',
    'ж',
    'к',
    'жк',
    'кв',
    'квартал',
    'гр',
    'град',
    'с',
    'село',
    'пр',
    'пр-т',
    'проспект',
    'мкр',
    'микрорайон',
    'пер',
    'переулок',
    'г',
    'город',
    'бульвар',
    'площадь',
    'көчөсү',
    'көч',
    'проспекти',
    'шаары',
    'даңгыл',
    'даңғылы',
    'көшесі',
    'көш',
    'шағын',
    'ауданы',
    'қаласы',
    'ul',
    'ulitsa',
    'ulica',
    'ulitza',
    'str',
    'street',
    'st',
    'bul',
    'bulevard',
    'boulevard',
    'blvd',
    'blv',
    'bd',
    'pl',
    'ploshtad',
    'square',
    'sq',
    'zh',
    'zhk',
    'jk',
    'kompleks',
    'complex',
    'kvartal',
    'grad',
    'city',
    'selo',
    'village',
    'prospekt',
    'prospect',
    'prospekti',
    'pr-t',
    'avenue',
    'ave',
    'av',
    'mikrorayon',
    'microdistrict',
    'pereulok',
    'lane',
    'road',
    'rd',
    'kochosu',
    'koshesi',
    'dangyly',
    'qalasy',
    'kalasy',
  ].flatMap((word) => folded(readings(words(word, 'BG'))[0]!)),
);

/**
 * Every key what a visitor typed may mean (one for Cyrillic, at most four for Latin with a
 * "j" or a lone "c"); empty when nothing is left once street-type words are dropped.
 *
 * @example searchKeys('Zhk Tsentar 1', 'BG') // ['tsentar1']
 * @example searchKeys('Car Simeon', 'BG') // ['tsarsimeon', 'charsimeon']
 */
export function searchKeys(value: string, country: Country): string[] {
  return [...new Set(readings(words(value, country)).map(keyOf))].filter((key) => key !== '');
}

/**
 * The one key stored for a name from the official lists (its first reading).
 *
 * @example searchKey('бул. Витоша', 'BG') // 'vitosha'
 * @example searchKey('Чүй проспекти', 'KG') // 'chui'
 */
export function searchKey(value: string, country: Country): string {
  return searchKeys(value, country)[0] ?? '';
}

/**
 * The keys a query compares: every reading of what was typed, and its old Cyrillic key, which
 * rows loaded before migration 0007 still hold as their search key until they are imported again.
 *
 * @example queryKeys('бул. Витоша', 'BG') // ['vitosha', 'витоша']
 */
export function queryKeys(value: string | undefined, country: Country): string[] {
  if (value === undefined) return [];
  return [...new Set([...searchKeys(value, country), placeKey(value)])].filter((key) => key !== '');
}
