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

interface WeightedTag {
  tag: string;
  q: number;
  order: number;
}

function parseAcceptLanguage(header: string): WeightedTag[] {
  return header
    .split(',')
    .map((part, order) => {
      const [rawTag = '', ...params] = part.trim().split(';');
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      return { tag: rawTag.trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, order };
    })
    .filter((entry) => entry.tag !== '' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
}

/**
 * Picks the supported locale that best matches an `Accept-Language` header.
 * A region or script subtag still matches its language (`ru-KZ` → `ru`); `*` and
 * unknown languages fall through to the next preference, then to `en`.
 *
 * @example negotiateLocale('kk-KZ,ru;q=0.8') // 'kk'
 */
export function negotiateLocale(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  for (const { tag } of parseAcceptLanguage(header)) {
    const language = tag.split('-')[0];
    if (isLocale(language)) return language;
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
