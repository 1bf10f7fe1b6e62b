/**
 * The key a settlement or street is stored under in its own script: case, punctuation and the
 * usual prefixes ("ул.", "бул.", "улица", "көчөсү"…) do not matter, so "ул. Граф Игнатиев" and
 * "граф игнатиев" are one street of the address ranges' natural key. Searches compare the Latin
 * `searchKey` (search-key.ts) instead, which also matches romanised input.
 *
 * @example placeKey('бул. Витоша') // 'витоша'
 */
export function placeKey(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»„“”"'`’.,;:()]/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '' && !STREET_WORDS.has(word))
    .join(' ');
}

const STREET_WORDS = new Set([
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
  'көчөсү',
  'көч',
  'даңгыл',
  'даңғылы',
  'көшесі',
  'көш',
  'шағын',
  'ауданы',
  'str',
  'street',
  'blvd',
  'boulevard',
  'ave',
  'avenue',
]);

/**
 * A house number as a number and an optional letter/fraction suffix ("12А", "14/2").
 * Ranges match on the number part.
 */
export function houseNumber(value: string): number | undefined {
  const match = /^\s*(\d{1,5})/.exec(value.normalize('NFKC'));
  return match ? Number(match[1]) : undefined;
}

/** True when a house number falls in a range of the given parity. */
export function inRange(number: number, from: number, to: number, parity: 'all' | 'odd' | 'even'): boolean {
  if (number < from || number > to) return false;
  if (parity === 'odd') return number % 2 === 1;
  if (parity === 'even') return number % 2 === 0;
  return true;
}
