import { writeValue, type MessageValue } from './dates';
import { lookup } from './dictionary';
import type { Locale } from './locales';
import { fill, pluralForm } from './plural';
import type { MessageKey, PlainKey, VarsFor } from './types';

export { dictionaries, pluralTemplate, template, textIfKnown } from './dictionary';

/**
 * A UI string in a locale, with its placeholders filled. The key decides which values are
 * needed (a plural message always takes `count`); TypeScript refuses a missing one. A day, a
 * time or a number is written in the grammatical case its placeholder asks for
 * (`{date, dative}`: "25-майга" in Kyrgyz), see dates.ts.
 *
 * @example t('bg', 'common.nav.home') // 'Начало'
 * @example t('ru', 'lookup.near.found', { count: 5 }) // 'Рядом с вами 5 участков.'
 */
export function t<K extends MessageKey>(locale: Locale, key: K, ...[vars]: VarsFor<K>): string {
  const found = lookup(locale, key);
  const values: Record<string, MessageValue> = vars ?? {};
  const template = typeof found === 'string' ? found : pluralForm(locale, found, Number(values.count));
  return fill(template, values, (value, grammaticalCase) => writeValue(locale, value, grammaticalCase));
}

/** A translator bound to one locale, for templates. */
export function translator(locale: Locale) {
  return <K extends MessageKey>(key: K, ...vars: VarsFor<K>) => t(locale, key, ...vars);
}

/** A fixed text (no placeholders) by a key held as data, e.g. a field's label. */
export function label(locale: Locale, key: PlainKey): string {
  return t(locale, key);
}
