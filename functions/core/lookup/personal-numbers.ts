import type { Country } from '#core/countries';

/** Why a personal number is not valid; each reason has its own message per locale. */
export type IdProblem = 'empty' | 'not-digits' | 'length' | 'date' | 'sex-digit' | 'century-digit' | 'check-digit';

export type IdCheck = { ok: true; normalized: string; kind: IdKind } | { ok: false; problem: IdProblem; kind: IdKind };
export type IdKind = 'EGN' | 'LNCH' | 'IIN' | 'PIN';

/** The number each country uses, and its length. */
export const ID_FORMATS: Record<Country, { kind: IdKind; length: number }> = {
  BG: { kind: 'EGN', length: 10 },
  KG: { kind: 'PIN', length: 14 },
  KZ: { kind: 'IIN', length: 12 },
};

/** How many digits a number of this kind has (an ЛНЧ is as long as an ЕГН: both are Bulgarian). */
export function idLength(kind: IdKind): number {
  if (kind === 'LNCH') return ID_FORMATS.BG.length;
  return Object.values(ID_FORMATS).find((format) => format.kind === kind)!.length;
}

const digitsOf = (value: string) => [...value].map(Number);

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Strips spaces and dashes people type inside numbers; anything else is kept to be reported. */
export function normalizeIdInput(value: string): string {
  return value.normalize('NFKC').replace(/[\s\u00a0-]/g, '');
}

/** The check digits of ЕГН and ИИН: used by the validators above and by synthetic data. */
export const checkDigits = {
  egn(first9: string): string {
    const weights = [2, 4, 8, 5, 10, 9, 7, 3, 6];
    return String((weights.reduce((sum, w, i) => sum + w * Number(first9[i]), 0) % 11) % 10);
  },
  /** undefined when no check digit can make these 11 digits valid. */
  iin(first11: string): string | undefined {
    const pass = (weights: number[]) => weights.reduce((sum, w, i) => sum + w * Number(first11[i]), 0) % 11;
    let check = pass([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    if (check === 10) check = pass([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
    return check === 10 ? undefined : String(check);
  },
};

function shape(value: string, length: number): IdProblem | undefined {
  if (value === '') return 'empty';
  if (!/^\d+$/.test(value)) return 'not-digits';
  if (value.length !== length) return 'length';
  return undefined;
}

/**
 * Bulgarian ЕГН: YYMMDD (month +20 for births in the 1800s, +40 in the 2000s), three
 * digits, and a check digit: weights 2 4 8 5 10 9 7 3 6, sum mod 11, 10 counts as 0.
 *
 * @example checkEgn('7501020018') // { ok: true, … }
 */
export function checkEgn(value: string): IdCheck {
  const problem = shape(value, 10);
  if (problem) return { ok: false, problem, kind: 'EGN' };
  const d = digitsOf(value);
  let month = d[2]! * 10 + d[3]!;
  let century = 1900;
  if (month > 40) {
    month -= 40;
    century = 2000;
  } else if (month > 20) {
    month -= 20;
    century = 1800;
  }
  if (!isRealDate(century + d[0]! * 10 + d[1]!, month, d[4]! * 10 + d[5]!)) return { ok: false, problem: 'date', kind: 'EGN' };
  return checkDigits.egn(value.slice(0, 9)) === value[9] ? { ok: true, normalized: value, kind: 'EGN' } : { ok: false, problem: 'check-digit', kind: 'EGN' };
}

/**
 * Bulgarian ЛНЧ (personal number of a foreigner, e.g. an EU citizen): ten digits, check digit
 * from weights 21 19 17 13 11 9 7 3 1, sum mod 10.
 */
export function checkLnch(value: string): IdCheck {
  const problem = shape(value, 10);
  if (problem) return { ok: false, problem, kind: 'LNCH' };
  const d = digitsOf(value);
  const weights = [21, 19, 17, 13, 11, 9, 7, 3, 1];
  const check = weights.reduce((sum, w, i) => sum + w * d[i]!, 0) % 10;
  return check === d[9] ? { ok: true, normalized: value, kind: 'LNCH' } : { ok: false, problem: 'check-digit', kind: 'LNCH' };
}

/**
 * Kazakh ИИН: YYMMDD, a century-and-sex digit (1–2: 1800s, 3–4: 1900s, 5–6: 2000s), four
 * serial digits and a check digit: weights 1…11 mod 11; if that gives 10, weights
 * 3 4 5 6 7 8 9 10 11 1 2 mod 11; 10 again means the number cannot be valid.
 */
export function checkIin(value: string): IdCheck {
  const problem = shape(value, 12);
  if (problem) return { ok: false, problem, kind: 'IIN' };
  const d = digitsOf(value);
  const centuryDigit = d[6]!;
  if (centuryDigit < 1 || centuryDigit > 6) return { ok: false, problem: 'century-digit', kind: 'IIN' };
  const century = 1800 + Math.floor((centuryDigit - 1) / 2) * 100;
  if (!isRealDate(century + d[0]! * 10 + d[1]!, d[2]! * 10 + d[3]!, d[4]! * 10 + d[5]!)) return { ok: false, problem: 'date', kind: 'IIN' };
  return checkDigits.iin(value.slice(0, 11)) === value[11] ? { ok: true, normalized: value, kind: 'IIN' } : { ok: false, problem: 'check-digit', kind: 'IIN' };
}

/**
 * Kyrgyz ПИН: 14 digits: sex (1 female, 2 male), date of birth DDMMYYYY, five serial digits.
 * It has no check digit.
 */
export function checkPin(value: string): IdCheck {
  const problem = shape(value, 14);
  if (problem) return { ok: false, problem, kind: 'PIN' };
  if (value[0] !== '1' && value[0] !== '2') return { ok: false, problem: 'sex-digit', kind: 'PIN' };
  const day = Number(value.slice(1, 3));
  const month = Number(value.slice(3, 5));
  const year = Number(value.slice(5, 9));
  if (year < 1900 || !isRealDate(year, month, day)) return { ok: false, problem: 'date', kind: 'PIN' };
  return { ok: true, normalized: value, kind: 'PIN' };
}

/**
 * Checks a personal number for a country. Bulgaria accepts an ЕГН or, failing that, an ЛНЧ;
 * when both fail the ЕГН's reason is reported, since most voters have one.
 */
export function checkPersonalNumber(country: Country, raw: string): IdCheck {
  const value = normalizeIdInput(raw);
  switch (country) {
    case 'BG': {
      const egn = checkEgn(value);
      if (egn.ok) return egn;
      const lnch = checkLnch(value);
      return lnch.ok ? lnch : egn;
    }
    case 'KZ':
      return checkIin(value);
    case 'KG':
      return checkPin(value);
  }
}
