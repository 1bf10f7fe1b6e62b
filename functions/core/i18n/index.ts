/**
 * Locales, dictionaries and `t()`: one module that the site, the API and the CLI all import
 * (it imports neither). Keys are `<namespace>.<key>`; see docs/architecture.md "Languages".
 */
export { DEFAULT_LOCALE, LOCALES, LOCALE_NAMES, isLocale, localeOfPath, localeOfTag, localizedPath, negotiateLocale, type Locale } from './locales';
export { dictionaries, label, pluralTemplate, t, template, textIfKnown, translator } from './translate';
export {
  atTime,
  CASES,
  dateFormat,
  dayAt,
  dayUntil,
  formatDay,
  formatDayUntil,
  formatNumber,
  formatTime,
  onDay,
  writeDay,
  writeValue,
  type DateFormat,
  type DayValue,
  type GrammaticalCase,
  type MessageValue,
  type TimeValue,
} from './dates';
export { fill, pluralForm, type PluralForms } from './plural';
export type { MessageKey, Namespace, PlainKey, PlaceholdersOf, PluralKey, TextKey, VarsFor } from './types';
