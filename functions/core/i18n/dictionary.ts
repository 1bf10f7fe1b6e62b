import * as bg from './messages/bg';
import * as en from './messages/en';
import * as kk from './messages/kk';
import * as ky from './messages/ky';
import * as ru from './messages/ru';
import type { Locale } from './locales';
import type { PluralForms } from './plural';
import type { MessageKey, Namespace, PluralKey, TextKey } from './types';

type Message = string | PluralForms;
type Dictionaries = Record<Locale, Record<Namespace, Readonly<Record<string, Message>>>>;

/** Every locale's dictionaries, namespace by namespace. */
export const dictionaries: Dictionaries = { bg, en, ru, ky, kk };

const isNamespace = (name: string): name is Namespace => Object.hasOwn(en, name);

/** A key's message as the dictionary holds it (a text, or plural forms). */
export function lookup(locale: Locale, key: MessageKey): Message {
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

/** The text of a key built from data (e.g. a time zone's name), when the dictionaries have it. */
export function textIfKnown(locale: Locale, key: string): string | undefined {
  const dot = key.indexOf('.');
  const namespace = key.slice(0, dot);
  const found = isNamespace(namespace) ? dictionaries[locale][namespace][key.slice(dot + 1)] : undefined;
  return typeof found === 'string' ? found : undefined;
}
