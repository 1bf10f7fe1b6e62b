import { describe, expect, it } from 'vitest';
import { localeOfPath, localizedPath, negotiateLocale } from '../../functions/platform/locale';

describe('negotiateLocale', () => {
  it.each([
    [null, 'en'],
    ['', 'en'],
    ['*', 'en'],
    ['de-DE,fr;q=0.9', 'en'],
    ['bg', 'bg'],
    ['ru-KZ', 'ru'],
    ['KK', 'kk'],
    ['kk-KZ,ru;q=0.8,en;q=0.5', 'kk'],
    ['en;q=0.4,ky;q=0.9', 'ky'],
    ['de,ru;q=0.3,bg;q=0.2', 'ru'],
    ['bg;q=0,ru', 'ru'],
    ['ky;q=0.5,kk;q=0.5', 'ky'],
    ['fr, bg ; q=0.7', 'bg'],
  ])('%j → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe('localizedPath', () => {
  it('keeps the page when switching language', () => {
    expect(localizedPath('/bg/guides/bulgaria-2024-elections/', 'kk')).toBe('/kk/guides/bulgaria-2024-elections/');
    expect(localizedPath('/en/', 'ru')).toBe('/ru/');
    expect(localizedPath('/ky', 'bg')).toBe('/bg');
  });

  it('sends paths outside the locales to the home page of the new locale', () => {
    expect(localizedPath('/', 'ky')).toBe('/ky/');
    expect(localizedPath('/admin/requests/', 'bg')).toBe('/bg/');
    expect(localizedPath('/english/', 'ru')).toBe('/ru/');
  });
});

describe('localeOfPath', () => {
  it('reads the locale prefix', () => {
    expect(localeOfPath('/kk/lookup/')).toBe('kk');
    expect(localeOfPath('/api/health')).toBeUndefined();
    expect(localeOfPath('/')).toBeUndefined();
  });
});
