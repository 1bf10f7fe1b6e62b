import type { Country } from '#core/countries';
import { checkPersonalNumber, ID_FORMATS, type IdProblem } from '#core/lookup/personal-numbers';

/**
 * What a text message holds: a personal number of one of our countries, a number that is
 * mistyped, or none. The country is told by the number itself, its length first (ЕГН/ЛНЧ 10
 * digits, ИИН 12, ПИН 14: `ID_FORMATS`), then by the same checks the web lookup runs
 * (`checkPersonalNumber`: date, check digit…). Nothing here is kept.
 */
export type NumberReading =
  | { kind: 'number'; country: Country; digits: string }
  | { kind: 'mistyped'; country?: Country | undefined; problem: IdProblem }
  | { kind: 'none' };

/** Digit groups of fewer digits than this are something else (a house number, "119"), not a mistyped personal number. */
const SHORTEST_ATTEMPT = 8;
/** More digits than this in one run are not one personal number mistyped. */
const LONGEST_ATTEMPT = 16;

/** Each country by the length of its number. */
const COUNTRY_BY_LENGTH = new Map(Object.entries(ID_FORMATS).map(([country, format]) => [format.length, country as Country]));

/**
 * Decimal digits of any script as ASCII: NFKC folds full-width digits (`２１２`); Arabic-Indic and
 * Persian digits are mapped by their offset from their zero.
 */
function asciiDigits(text: string): string {
  return text.normalize('NFKC').replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => String(digit.charCodeAt(0) & 0xf));
}

/**
 * The runs of digits in a text, each as its groups: digits may be split by spaces, dashes or dots
 * (`212 031 98701310`, `7501-02-0018`), as people type them; anything else ends a run.
 */
function digitRuns(text: string): string[][] {
  return [...asciiDigits(text).matchAll(/\d+(?:[\s\u00a0.\-‐‑–—]+\d+)*/g)].map((match) => match[0].split(/[^\d]+/).filter(Boolean));
}

/**
 * The numbers a run may hold: the whole run when it has the length of a country's number;
 * otherwise consecutive groups that do, so two numbers sent side by side stay apart.
 */
function candidates(groups: string[]): string[] {
  const whole = groups.join('');
  if (COUNTRY_BY_LENGTH.has(whole.length)) return [whole];
  const found: string[] = [];
  for (let start = 0; start < groups.length; start++) {
    let digits = '';
    for (let end = start; end < groups.length && digits.length < LONGEST_ATTEMPT; end++) {
      digits += groups[end];
      if (COUNTRY_BY_LENGTH.has(digits.length)) found.push(digits);
    }
  }
  return found;
}

/**
 * Reads the personal number out of a message: the first one that passes its country's checks;
 * else the first that has a country's length but fails them (mistyped, with the rule it breaks);
 * else a run of 8 to 16 digits that has no country's length (mistyped: `length`).
 *
 * @example readNumber('ПИН: 212 031 98701310') // { kind: 'number', country: 'KG', digits: '21203198701310' }
 */
export function readNumber(text: string): NumberReading {
  const runs = digitRuns(text);
  let mistyped: NumberReading | undefined;
  for (const digits of runs.flatMap(candidates)) {
    const country = COUNTRY_BY_LENGTH.get(digits.length)!;
    const check = checkPersonalNumber(country, digits);
    if (check.ok) return { kind: 'number', country, digits: check.normalized };
    mistyped ??= { kind: 'mistyped', country, problem: check.problem };
  }
  if (mistyped) return mistyped;
  const attempt = runs.map((groups) => groups.join('')).find((digits) => digits.length >= SHORTEST_ATTEMPT && digits.length <= LONGEST_ATTEMPT);
  return attempt ? { kind: 'mistyped', problem: 'length' } : { kind: 'none' };
}
