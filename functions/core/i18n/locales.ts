import { parseAccept } from 'hono/utils/accept';

/** The five locales of the product, in the order the language switcher shows them. */
export const LOCALES = ['bg', 'en', 'ru', 'ky', 'kk'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Each locale's own name, written in that language, for the language switcher. */
export const LOCALE_NAMES: Record<Locale, string> = {
  bg: 'Български',
  en: 'English',
  ru: 'Русский',
  ky: 'Кыргызча',
  kk: 'Қазақша',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** A language tag's locale when we have it: `ru-KZ` → `ru`, `KK` → `kk`. */
export function localeOfTag(tag: string): Locale | undefined {
  const language = tag.trim().toLowerCase().split('-')[0];
  return isLocale(language) ? language : undefined;
}

/**
 * Picks the supported locale that best matches an `Accept-Language` header, parsed by
 * Hono's own Accept parser (q-values, order, `q=0`). A region or script subtag still
 * matches its language (`ru-KZ` → `ru`); `*` and unknown languages fall through to the next
 * preference, then to `en`. The API's `languageDetector` uses the same matching.
 *
 * @example negotiateLocale('kk-KZ,ru;q=0.8') // 'kk'
 */
export function negotiateLocale(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  for (const { type, q } of parseAccept(header)) {
    const locale = q > 0 ? localeOfTag(type) : undefined;
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/**
 * The same page in another locale: swaps the first path segment when it is a locale.
 *
 * @example localizedPath('/bg/guides/x/', 'kk') // '/kk/guides/x/'
 */
export function localizedPath(pathname: string, locale: Locale): string {
  const segments = pathname.split('/');
  if (isLocale(segments[1])) {
    segments[1] = locale;
    return segments.join('/');
  }
  return `/${locale}/`;
}

/** The locale a path belongs to, or undefined outside the locale prefixes. */
export function localeOfPath(pathname: string): Locale | undefined {
  const first = pathname.split('/')[1];
  return isLocale(first) ? first : undefined;
}
