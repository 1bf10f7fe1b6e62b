import { bg } from './bg';
import { en } from './en';
import { kk } from './kk';
import { ky } from './ky';
import { ru } from './ru';
import type { Dictionary, MessageKey } from './types';
import type { Locale } from '../../functions/platform/locale';

export type { Dictionary, MessageKey } from './types';
export { LOCALES, LOCALE_NAMES, DEFAULT_LOCALE, isLocale, localizedPath } from '../../functions/platform/locale';
export type { Locale } from '../../functions/platform/locale';

export const dictionaries: Record<Locale, Dictionary> = { bg, en, ru, ky, kk };

/**
 * A UI string in a locale, with `{name}` placeholders filled from `vars`.
 *
 * @example t('bg', 'nav.home') // 'Начало'
 */
export function t(locale: Locale, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const template = dictionaries[locale][key];
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in vars ? String(vars[name]) : match,
  );
}

/** A translator bound to one locale, for templates. */
export function translator(locale: Locale) {
  return (key: MessageKey, vars?: Record<string, string | number>) => t(locale, key, vars);
}
