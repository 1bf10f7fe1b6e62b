import * as bg from './messages/bg';
import * as en from './messages/en';
import * as kk from './messages/kk';
import * as ky from './messages/ky';
import * as ru from './messages/ru';
import type { Locale } from './locales';
import { fill, pluralForm, type PluralForms } from './plural';
import type { MessageKey, Namespace, PlainKey, PluralKey, TextKey, VarsFor } from './types';

type Message = string | PluralForms;
type Dictionaries = Record<Locale, Record<Namespace, Readonly<Record<string, Message>>>>;

/** Every locale's dictionaries, namespace by namespace. */
export const dictionaries: Dictionaries = { bg, en, ru, ky, kk };

const isNamespace = (name: string): name is Namespace => Object.hasOwn(en, name);

function lookup(locale: Locale, key: MessageKey): Message {
  const dot = key.indexOf('.');
  const namespace = key.slice(0, dot);
  const message = isNamespace(namespace) ? dictionaries[locale][namespace][key.slice(dot + 1)] : undefined;
  if (message === undefined) throw new Error(`no message ${key} in ${locale}`);
  return message;
}

/** A message with its placeholders unfilled, for a page to hand to a browser script. */
export function template(locale: Locale, key: TextKey): string {
  const found = lookup(locale, key);
  if (typeof found !== 'string') throw new Error(`${key} has plural forms`);
  return found;
}

/** The plural forms of a message, for a browser script to choose with `pluralForm()`. */
export function pluralTemplate(locale: Locale, key: PluralKey): PluralForms {
  const found = lookup(locale, key);
  if (typeof found === 'string') throw new Error(`${key} has no plural forms`);
  return found;
}

/**
 * A UI string in a locale, with its placeholders filled. The key decides which values are
 * needed (a plural message always takes `count`); TypeScript refuses a missing one.
 *
 * @example t('bg', 'common.nav.home') // 'Начало'
 * @example t('ru', 'lookup.near.found', { count: 5 }) // 'Рядом с вами 5 участков.'
 */
export function t<K extends MessageKey>(locale: Locale, key: K, ...[vars]: VarsFor<K>): string {
  const found = lookup(locale, key);
  const values: Record<string, string | number> = vars ?? {};
  const template = typeof found === 'string' ? found : pluralForm(locale, found, Number(values.count));
  return fill(template, values);
}

/** A translator bound to one locale, for templates. */
export function translator(locale: Locale) {
  return <K extends MessageKey>(key: K, ...vars: VarsFor<K>) => t(locale, key, ...vars);
}

/** The text of a key built from data (e.g. a time zone's name), when the dictionaries have it. */
export function textIfKnown(locale: Locale, key: string): string | undefined {
  const dot = key.indexOf('.');
  const namespace = key.slice(0, dot);
  const found = isNamespace(namespace) ? dictionaries[locale][namespace][key.slice(dot + 1)] : undefined;
  return typeof found === 'string' ? found : undefined;
}

/** A fixed text (no placeholders) by a key held as data, e.g. a field's label. */
export function label(locale: Locale, key: PlainKey): string {
  return t(locale, key);
}
