import { describe, expect, it } from 'vitest';
import { dictionaries, LOCALES, t } from '../../site/i18n';
import { en } from '../../site/i18n/en';

const englishKeys = Object.keys(en).sort();
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI dictionaries', () => {
  it.each(LOCALES)('%s has exactly the English keys', (locale) => {
    expect(Object.keys(dictionaries[locale]).sort()).toEqual(englishKeys);
  });

  it.each(LOCALES)('%s has no empty value', (locale) => {
    const empty = Object.entries(dictionaries[locale]).filter(([, value]) => value.trim() === '');
    expect(empty.map(([key]) => key)).toEqual([]);
  });

  it.each(LOCALES)('%s uses the same placeholders as English', (locale) => {
    for (const key of englishKeys) {
      const k = key as keyof typeof en;
      expect(placeholders(dictionaries[locale][k]), `${locale} ${key}`).toEqual(placeholders(en[k]));
    }
  });

  it('fills named placeholders and leaves unknown ones visible', () => {
    expect(t('en', 'nav.home')).toBe('Home');
    expect(t('kk', 'nav.home')).toBe('Басты бет');
  });
});
