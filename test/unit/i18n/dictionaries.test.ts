import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dictionaries, formatDay, LOCALES, t, type Namespace } from '#core/i18n';
import * as english from '#core/i18n/messages/en';
import { fill } from '#core/i18n/plural';

type Message = string | Readonly<Record<string, string>>;
const NAMESPACES = Object.keys(english) as Namespace[];
const entries = (locale: (typeof LOCALES)[number], namespace: Namespace) => Object.entries(dictionaries[locale][namespace]) as [string, Message][];
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)(?:, ?\w+)?\}/g)].map((m) => m[1]!))].sort();
const textsOf = (message: Message) => (typeof message === 'string' ? [message] : Object.values(message));
const allPlaceholders = (message: Message) => [...new Set(textsOf(message).flatMap(placeholders))].sort();

describe('dictionaries', () => {
  it.each(LOCALES)('%s has exactly the English keys in every namespace', (locale) => {
    for (const namespace of NAMESPACES) {
      expect(Object.keys(dictionaries[locale][namespace]).sort(), `${locale} ${namespace}`).toEqual(Object.keys(english[namespace]).sort());
    }
  });

  it.each(LOCALES)('%s has no empty text, plural forms included', (locale) => {
    const empty = NAMESPACES.flatMap((ns) =>
      entries(locale, ns)
        .filter(([, m]) => textsOf(m).some((text) => text.trim() === ''))
        .map(([key]) => `${ns}.${key}`),
    );
    expect(empty).toEqual([]);
  });

  it.each(LOCALES)('%s keeps every placeholder of the English text, in every plural form', (locale) => {
    const dropped: string[] = [];
    for (const namespace of NAMESPACES) {
      for (const [key, message] of entries(locale, namespace)) {
        const expected = allPlaceholders(english[namespace][key as keyof (typeof english)[typeof namespace]] as Message);
        for (const text of textsOf(message)) if (placeholders(text).join() !== expected.join()) dropped.push(`${namespace}.${key}: "${text}"`);
      }
    }
    expect(dropped).toEqual([]);
  });

  it.each(LOCALES)('%s plural messages have exactly the CLDR categories of the language', (locale) => {
    const categories = [...new Intl.PluralRules(locale).resolvedOptions().pluralCategories].sort();
    for (const namespace of NAMESPACES) {
      for (const [key, message] of entries(locale, namespace)) {
        const englishMessage = english[namespace][key as keyof (typeof english)[typeof namespace]] as Message;
        expect(typeof message, `${locale} ${namespace}.${key}`).toBe(typeof englishMessage);
        if (typeof message !== 'string') expect(Object.keys(message).sort(), `${locale} ${namespace}.${key}`).toEqual(categories);
      }
    }
  });
});

/** Source files that may use keys: everything but the dictionaries themselves. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path.endsWith(join('i18n', 'messages')) ? [] : sourceFiles(path);
    return /\.(ts|astro|mjs)$/.test(name) ? [path] : [];
  });
}

describe('every key', () => {
  const source = ['functions', 'site', 'db', 'scripts']
    .flatMap(sourceFiles)
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  /** Prefixes of keys built at run time: `lookup.invalid.${problem}` uses every `lookup.invalid.*`. */
  const dynamicPrefixes = [...source.matchAll(/`([a-zA-Z]+\.(?:[\w-]+\.)*)\$\{/g)].map((m) => m[1]!);

  it('is used by the code (a key nothing reads is a leftover)', () => {
    const unused = NAMESPACES.flatMap((namespace) =>
      Object.keys(english[namespace])
        .map((key) => `${namespace}.${key}`)
        .filter((key) => !source.includes(`'${key}'`) && !source.includes(`"${key}"`) && !dynamicPrefixes.some((prefix) => key.startsWith(prefix))),
    );
    expect(unused).toEqual([]);
  });

  it('named in the code exists (keys in template strings too)', () => {
    const named = [...source.matchAll(new RegExp(String.raw`t\((?:\w+, )?'((?:${NAMESPACES.join('|')})\.[\w.-]+)'`, 'g'))].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(500);
    const missing = named.filter((key) => {
      const [namespace, ...rest] = key.split('.');
      return !(rest.join('.') in english[namespace as Namespace]);
    });
    expect(missing).toEqual([]);
  });
});

describe('t()', () => {
  it('fills named placeholders', () => {
    expect(t('en', 'common.nav.home')).toBe('Home');
    expect(t('kk', 'common.nav.home')).toBe('Басты бет');
    expect(t('en', 'lookup.help.call', { number: '119' })).toBe('Call 119');
  });

  it('lets a date that ends in its own full stop end the sentence, without a second one', () => {
    const day = (locale: 'bg' | 'ru' | 'en') => formatDay(locale, '2024-06-04');
    expect(t('bg', 'guides.guide.reviewed', { date: day('bg') })).toBe('Сверено с изходния документ на 4 юни 2024 г.');
    expect(t('ru', 'guides.guide.over', { date: day('ru') })).toMatch(/^Это голосование прошло 4 июня 2024 г\. Правила/);
    expect(t('en', 'guides.guide.reviewed', { date: day('en') })).toBe('Checked against the source document on 4 June 2024.');
    expect(fill('до {date}.', { time: '18:00' })).toBe('до {date}.');
  });

  it('chooses the plural form by the locale’s rules', () => {
    // Russian: 1, 21 → one; 2–4, 22 → few; 5–20, 11 → many.
    const ru = (count: number) => t('ru', 'lookup.near.found', { count });
    expect([1, 21].map(ru)).toEqual(['Рядом с вами 1 участок.', 'Рядом с вами 21 участок.']);
    expect([2, 4, 22].map(ru)).toEqual(['Рядом с вами 2 участка.', 'Рядом с вами 4 участка.', 'Рядом с вами 22 участка.']);
    expect([5, 11, 12].map(ru)).toEqual(['Рядом с вами 5 участков.', 'Рядом с вами 11 участков.', 'Рядом с вами 12 участков.']);
    expect(t('en', 'lookup.near.found', { count: 1 })).toBe('1 station near you.');
    expect(t('en', 'lookup.near.found', { count: 3 })).toBe('3 stations near you.');
    expect(t('bg', 'errors.field.too_long', { fieldName: 'X', count: 1 })).toBe('„X“ може да съдържа най-много 1 знак.');
  });
});
