import { COUNTRIES, type Country } from '#core/countries';

/** Country calling codes of our countries; Kazakhstan shares +7 with Russia and has the numbers starting +7 6 and +7 7. */
const CALLING_CODES: [RegExp, Country][] = [
  [/^\+?359/, 'BG'],
  [/^\+?996/, 'KG'],
  [/^\+?7[67]/, 'KZ'],
];

/**
 * The country of an international (E.164) phone number, when it is one of ours. Used for the
 * language of a reply to a message without a number; the phone number itself is not kept.
 *
 * @example countryOfPhoneNumber('+996 555 123 456') // 'KG'
 */
export function countryOfPhoneNumber(phone: string): Country | undefined {
  const compact = phone.replace(/[\s\-().]/g, '');
  if (!/^\+\d{6,15}$/.test(compact)) return undefined;
  return CALLING_CODES.find(([code]) => code.test(compact))?.[1];
}

/** One of our countries from an ISO 3166-1 code a gateway sends (`KG`, `kg`), else undefined. */
export function ourCountry(code: string | undefined): Country | undefined {
  const upper = code?.trim().toUpperCase();
  return COUNTRIES.find((country) => country === upper);
}
