import type { Locale } from '../../functions/platform/locale';
import { t } from './index';

// English pages are read in Europe and Central Asia: day before month.
const intlLocale = (locale: Locale) => (locale === 'en' ? 'en-GB' : locale);
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar day (`YYYY-MM-DD`) written out for the locale; the day is a plain date, so it
 * is formatted in UTC and never shifts with the reader's time zone.
 *
 * @example formatDay('bg', '2024-06-09') // '9 юни 2024 г.'
 */
export function formatDay(locale: Locale, day: string): string {
  const key = `${locale}:day`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'UTC' });
    formatters.set(key, formatter);
  }
  return formatter.format(new Date(`${day}T00:00:00Z`));
}

/** A day with a closing hour, e.g. "14 March 2026, until 18:00". */
export function formatDayUntil(locale: Locale, day: string, time?: string): string {
  return time ? t(locale, 'timeline.until', { date: formatDay(locale, day), time }) : formatDay(locale, day);
}
