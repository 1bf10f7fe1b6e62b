import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LOCALES, type Locale } from '#core/i18n';
import { dictionaries } from '#core/i18n/translate';

/**
 * One term for one thing, the official one: content/glossary/<locale>.json lists, per locale,
 * the term to use and the wrong variants (calques, Russianisms, unofficial names). None of the
 * variants may appear in that locale's guides, UI strings, election data or data tables.
 */
const glossary = z
  .object({
    locale: z.enum(LOCALES),
    terms: z
      .array(
        z
          .object({
            use: z.string().min(1),
            not: z.array(z.string().min(1)).min(1),
            /** The variant must not touch a letter on either side (for short words and acronyms). */
            wholeWord: z.boolean().optional(),
            caseSensitive: z.boolean().optional(),
            /** The variants are regular expressions (e.g. a case ending glued to a figure without its hyphen). */
            pattern: z.boolean().optional(),
            note: z.string().min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
type Term = z.infer<typeof glossary>['terms'][number];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function variantPattern(term: Term, variant: string): RegExp {
  if (term.pattern) return new RegExp(variant, term.caseSensitive ? 'gu' : 'giu');
  const body = term.wholeWord ? `(?<!\\p{L})${escapeRegExp(variant)}(?!\\p{L})` : escapeRegExp(variant);
  return new RegExp(body, term.caseSensitive ? 'gu' : 'giu');
}

/** Every string of a locale in a JSON value: the `<locale>` members of localized texts. */
function localeStrings(value: unknown, locale: Locale, path = ''): { where: string; text: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => localeStrings(item, locale, `${path}[${index}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) =>
      key === locale && typeof inner === 'string' ? [{ where: `${path}.${key}`, text: inner }] : localeStrings(inner, locale, `${path}.${key}`),
    );
  }
  return [];
}

/** Everything a reader of `locale` sees that the project wrote: guides, UI strings, election and area data, data tables. */
function textsOf(locale: Locale): { where: string; text: string }[] {
  const guides = readdirSync(join('content/guides', locale)).map((name) => ({
    where: `content/guides/${locale}/${name}`,
    text: readFileSync(join('content/guides', locale, name), 'utf8'),
  }));
  const ui = Object.entries(dictionaries[locale]).flatMap(([namespace, entries]) =>
    Object.entries(entries as Record<string, unknown>).flatMap(([key, value]) => {
      const texts = typeof value === 'string' ? [value] : Object.values(value as Record<string, string>);
      return texts.map((text) => ({ where: `functions/core/i18n/messages/${locale}/${namespace}.ts ${key}`, text }));
    }),
  );
  const data = ['content/elections', 'content/areas', 'content/data'].flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .flatMap((name) =>
        localeStrings(JSON.parse(readFileSync(join(dir, name), 'utf8')), locale).map(({ where, text }) => ({ where: `${dir}/${name}${where}`, text })),
      ),
  );
  return [...guides, ...ui, ...data];
}

describe('glossaries', () => {
  it.each(LOCALES)('%s has a glossary', (locale) => {
    expect(existsSync(`content/glossary/${locale}.json`)).toBe(true);
    expect(glossary.parse(JSON.parse(readFileSync(`content/glossary/${locale}.json`, 'utf8'))).locale).toBe(locale);
  });

  it.each(LOCALES)('%s: no guide, UI string, election or data file uses a wrong variant, and each listed term is used', (locale) => {
    const { terms } = glossary.parse(JSON.parse(readFileSync(`content/glossary/${locale}.json`, 'utf8')));
    const texts = textsOf(locale);
    const found: string[] = [];
    for (const term of terms) {
      for (const variant of term.not) {
        for (const { where, text } of texts) {
          for (const match of text.matchAll(variantPattern(term, variant))) {
            const at = match.index ?? 0;
            found.push(`${where}: "${variant}" in "…${text.slice(Math.max(0, at - 30), at + variant.length + 30).replace(/\s+/g, ' ')}…" (use "${term.use}")`);
          }
        }
      }
      expect(
        texts.some(({ text }) => text.toLowerCase().includes(term.use.toLowerCase())),
        `${locale}: "${term.use}" is listed but used nowhere`,
      ).toBe(true);
    }
    expect(found).toEqual([]);
  });

  it.each(LOCALES)('%s: the check reads every namespace of the UI strings, every guide, election, area and data table', (locale) => {
    const places = new Set(textsOf(locale).map(({ where }) => where.split(/ |\.json/)[0]));
    const expected = [
      ...Object.keys(dictionaries.en).map((namespace) => `functions/core/i18n/messages/${locale}/${namespace}.ts`),
      ...readdirSync(join('content/guides', locale)).map((name) => `content/guides/${locale}/${name}`),
      ...['content/elections', 'content/areas', 'content/data'].flatMap((dir) =>
        readdirSync(dir)
          .filter((name) => name.endsWith('.json'))
          .map((name) => `${dir}/${name.replace(/\.json$/, '')}`),
      ),
    ];
    expect(expected.filter((place) => !places.has(place))).toEqual([]);
  });

  it('catches a wrong variant, inflected, and leaves longer words alone when wholeWord is set', () => {
    const participle: Term = { use: 'избирателна секция', not: ['избирателен участък'], note: 'test' };
    expect('в избирателен участък №5'.match(variantPattern(participle, participle.not[0]!))).toHaveLength(1);
    const acronym: Term = { use: 'ЕБ', not: ['ЕС'], wholeWord: true, caseSensitive: true, note: 'test' };
    expect('ЕС мамлекеттери'.match(variantPattern(acronym, 'ЕС'))).toHaveLength(1);
    expect('ЕСЕП, есеп'.match(variantPattern(acronym, 'ЕС'))).toBeNull();
  });
});
