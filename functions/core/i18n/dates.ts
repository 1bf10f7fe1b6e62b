import type { Locale } from './locales';
import { fill } from './plural';
import { t, template } from './translate';

/** What a browser script needs to write dates without the browser's own locale data. */
export interface DateFormat {
  pattern: string;
  months: readonly string[];
}

/** The locale's long date pattern and month names, from the dictionaries (never from Intl). */
export function dateFormat(locale: Locale): DateFormat {
  const months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
  return { pattern: template(locale, 'common.date.pattern'), months: months.map((m) => t(locale, `common.date.month.${m}`)) };
}

/**
 * A calendar day (`YYYY-MM-DD`) in a date format. Pure string work, so a page and a browser
 * script write the same words whatever ICU data the runtime has (Chromium ships trimmed data
 * that writes Kazakh dates as "2026 M03 15" and Kyrgyz ones in English).
 *
 * @example writeDay({ pattern: '{day} {month} {year}', months: ['January', …] }, '2024-01-09') // '9 January 2024'
 */
export function writeDay(format: DateFormat, day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return fill(format.pattern, { day: date, month: format.months[month - 1] ?? String(month), year });
}

/** @example formatDay('bg', '2024-06-09') // '9 юни 2024 г.' */
export function formatDay(locale: Locale, day: string): string {
  return writeDay(dateFormat(locale), day);
}

/** A day with a closing hour, e.g. "14 March 2026, until 18:00". */
export function formatDayUntil(locale: Locale, day: string, time?: string): string {
  const date = formatDay(locale, day);
  return time ? t(locale, 'guides.timeline.until', { date, time }) : date;
}
