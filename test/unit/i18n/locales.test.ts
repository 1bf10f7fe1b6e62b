import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '#functions/env';
import { localeOfPath, localizedPath, negotiateLocale } from '#core/i18n';
import { apiLocale } from '#functions/http/api-middleware';

const CASES: [string | null, string][] = [
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
];

describe('negotiateLocale (the site’s / redirect)', () => {
  it.each(CASES)('%j → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe('the API’s locale (Hono’s languageDetector)', () => {
  const app = new Hono<AppEnv>().use(apiLocale).get('/', (c) => c.text(c.get('locale')));
  it.each(CASES)('%j → %s, the same as the site', async (header, expected) => {
    const response = await app.request('/', header === null ? {} : { headers: { 'Accept-Language': header } });
    expect(await response.text()).toBe(expected);
  });

  it('prefers ?lang= over Accept-Language', async () => {
    expect(await (await app.request('/?lang=kk', { headers: { 'Accept-Language': 'bg' } })).text()).toBe('kk');
    expect(await (await app.request('/?lang=xx', { headers: { 'Accept-Language': 'bg' } })).text()).toBe('bg');
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
