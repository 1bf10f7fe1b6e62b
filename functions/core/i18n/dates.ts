import { template } from './dictionary';
import { type GrammaticalCase, isCase, isTurkic, monthInCase, numberInCase, timeInCase } from './grammar';
import type { Locale } from './locales';
import { fill } from './plural';

export { CASES, type GrammaticalCase } from './grammar';

/** What a browser script needs to write dates without the browser's own locale data. */
export interface DateFormat {
  pattern: string;
  months: readonly string[];
}

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
const monthName = (locale: Locale, month: number) => template(locale, `common.date.month.${MONTHS[month - 1] ?? 1}`);

/** The locale's long date pattern and month names, from the dictionaries (never from Intl). */
export function dateFormat(locale: Locale): DateFormat {
  return { pattern: template(locale, 'common.date.pattern'), months: MONTHS.map((m) => monthName(locale, m)) };
}

const parts = (day: string) => day.split('-').map(Number) as [number, number, number];

/**
 * A calendar day (`YYYY-MM-DD`) in a date format. Pure string work, so a page and a browser
 * script write the same words whatever ICU data the runtime has (Chromium ships trimmed data
 * that writes Kazakh dates as "2026 M03 15" and Kyrgyz ones in English).
 *
 * @example writeDay({ pattern: '{day} {month} {year}', months: ['January', …] }, '2024-01-09') // '9 January 2024'
 */
export function writeDay(format: DateFormat, day: string): string {
  const [year, month, date] = parts(day);
  return fill(format.pattern, { day: date, month: format.months[month - 1] ?? String(month), year });
}

/**
 * A day as it stands inside a sentence, its month in the case the sentence asks for: Kazakh
 * "2024 жылғы 25 мамырға", Kyrgyz "2024-жылдын 25-майына" (the forms of seeds 001 and 000);
 * Bulgarian, Russian and English write the same words in every case.
 */
function dayInSentence(locale: Locale, day: string, grammaticalCase: GrammaticalCase): string {
  const [year, month, date] = parts(day);
  const name = monthName(locale, month);
  return fill(template(locale, 'common.date.inSentence'), { day: date, month: isTurkic(locale) ? monthInCase(locale, name, grammaticalCase) : name, year });
}

/**
 * A day in a locale. The nominative is the long date that stands alone (a table cell, a
 * heading, "Voting day: …"); any other case gives the form a sentence needs.
 *
 * @example formatDay('bg', '2024-06-09') // '9 юни 2024 г.'
 * @example formatDay('ky', '2024-05-25', 'dative') // '2024-жылдын 25-майына'
 * @example formatDay('kk', '2024-05-25', 'dative') // '2024 жылғы 25 мамырға'
 */
export function formatDay(locale: Locale, day: string, grammaticalCase: GrammaticalCase = 'nominative'): string {
  return grammaticalCase === 'nominative' ? writeDay(dateFormat(locale), day) : dayInSentence(locale, day, grammaticalCase);
}

/** @example formatTime('kk', '17:30', 'dative') // '17:30-ға' */
export function formatTime(locale: Locale, time: string, grammaticalCase: GrammaticalCase = 'nominative'): string {
  return isTurkic(locale) ? timeInCase(locale, time, grammaticalCase) : time;
}

/** @example formatNumber('ky', 6, 'ablative') // '6-дан' */
export function formatNumber(locale: Locale, value: number, grammaticalCase: GrammaticalCase = 'nominative'): string {
  return isTurkic(locale) ? numberInCase(locale, value, grammaticalCase) : String(value);
}

/** A day, optionally with a time, handed to `t()` so that the message decides its case. */
export interface DayValue {
  readonly kind: 'day';
  readonly day: string;
  readonly time?: string;
  /** `until`: the day ends at `time` (a closing hour); `at`: a moment of that day. */
  readonly timeIs?: 'until' | 'at';
}
/** A clock time (`HH:MM`) handed to `t()`. */
export interface TimeValue {
  readonly kind: 'time';
  readonly time: string;
}
/** What a placeholder of `t()` can be given. */
export type MessageValue = string | number | DayValue | TimeValue;

/** @example t('ky', 'sections.transfer.cityOpen', { date: onDay('2024-06-03') }) */
export const onDay = (day: string): DayValue => ({ kind: 'day', day });
/** A deadline day with its closing hour, when it has one. */
export const dayUntil = (day: string, closesAt?: string): DayValue => (closesAt ? { kind: 'day', day, time: closesAt, timeIs: 'until' } : onDay(day));
/** A moment: a day and the time on it. */
export const dayAt = (day: string, time: string): DayValue => ({ kind: 'day', day, time, timeIs: 'at' });
export const atTime = (time: string): TimeValue => ({ kind: 'time', time });

/** A day with a closing hour, standing alone: "14 March 2026, until 18:00". */
export function formatDayUntil(locale: Locale, day: string, time?: string): string {
  return time ? writeValue(locale, dayUntil(day, time)) : formatDay(locale, day);
}

/**
 * A message value as its placeholder asks. Without a case a day stands alone ("14 March 2026,
 * until 18:00"); with one it takes the form a sentence needs: its time, or else its month, in
 * that case ("2026 жылғы 14 наурыз, сағат 18:00-ге"; in English "18:00 on 14 March 2026").
 * A text with a case is a mistake in the code (a date formatted too early), so it throws.
 */
export function writeValue(locale: Locale, value: MessageValue, caseName?: string): string {
  const grammaticalCase = caseName === undefined ? undefined : isCase(caseName) ? caseName : undefined;
  if (caseName !== undefined && grammaticalCase === undefined) throw new Error(`unknown case "${caseName}"`);
  if (typeof value === 'string') {
    if (grammaticalCase && grammaticalCase !== 'nominative')
      throw new Error(`"${value}" is text, so it cannot be put in the ${grammaticalCase}: pass a day, a time or a number`);
    return value;
  }
  if (typeof value === 'number') return formatNumber(locale, value, grammaticalCase);
  if (value.kind === 'time') return formatTime(locale, value.time, grammaticalCase);
  if (!value.time) return formatDay(locale, value.day, grammaticalCase);
  if (!grammaticalCase) {
    const standalone = template(locale, value.timeIs === 'until' ? 'guides.timeline.until' : 'staff.dateTime');
    return fill<MessageValue>(standalone, { date: formatDay(locale, value.day), time: atTime(value.time) }, (inner, c) => writeValue(locale, inner, c));
  }
  return fill(template(locale, 'common.date.withTime'), {
    date: dayInSentence(locale, value.day, 'nominative'),
    time: formatTime(locale, value.time, grammaticalCase),
  });
}
