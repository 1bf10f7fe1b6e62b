import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { LOCALES } from '#core/i18n';
import { axeViolations, hasHorizontalScroll, openContext, unmarkedBrandNames } from './browser';

const baseUrl = inject('baseUrl');

describe('/ sends visitors to their language', () => {
  it.each([
    ['kk-KZ,ru;q=0.8', '/kk/'],
    ['ru-RU', '/ru/'],
    ['bg-BG,bg;q=0.9,en;q=0.5', '/bg/'],
    ['de-DE,fr;q=0.5', '/en/'],
  ])('Accept-Language %s → %s', async (acceptLanguage, expected) => {
    const context = await openContext({ acceptLanguage });
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/`);
      expect(new URL(page.url()).pathname).toBe(expected);
      expect(await page.locator('html').getAttribute('lang')).toBe(expected.slice(1, 3));
    } finally {
      await context.close();
    }
  });

  it('the redirect varies by Accept-Language and no shared cache may keep it', async () => {
    const response = await fetch(`${baseUrl}/`, { headers: { 'Accept-Language': 'ru-RU' }, redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/ru/');
    expect(response.headers.get('vary')).toMatch(/Accept-Language/i);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });

  it('without Accept-Language shows a plain language chooser', async () => {
    const response = await fetch(`${baseUrl}/`, { headers: { 'Accept-Language': '' }, redirect: 'manual' });
    expect(response.status).toBe(200);
    expect(response.headers.get('vary')).toMatch(/Accept-Language/i);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const html = await response.text();
    for (const locale of LOCALES) expect(html).toContain(`href="/${locale}/"`);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  });
});

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('home page of every locale, %s', (_label, javaScriptEnabled) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await openContext({ javaScriptEnabled, bypassCSP: true });
  });
  afterAll(async () => context?.close());

  it.each(LOCALES)('/%s/ renders in its language, fits 360 px and passes axe', async (locale) => {
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl}/${locale}/`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe(locale);
    expect(await page.locator('h1').count()).toBe(1);
    // The brand in the header is English inside a page in another language: marked so for screen readers.
    expect(await unmarkedBrandNames(page)).toEqual([]);
    expect(await page.locator(`link[rel="alternate"][hreflang]`).count()).toBe(LOCALES.length + 1);
    expect(await hasHorizontalScroll(page)).toBe(false);
    // the skip link is the first thing a keyboard reaches, and it is visible when focused
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#main');
    if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('narrow screens and zoom', () => {
  it.each(['/bg/', '/kk/guides/kazakhstan-2026-absentee-certificates/', '/ru/lookup/', '/ky/guides/kyrgyzstan-international-observers/'])(
    '%s fits 320 px (a 640 px window at 200 %% zoom) without horizontal scrolling',
    async (path) => {
      const context = await openContext({ width: 320, height: 640 });
      try {
        const page = await context.newPage();
        await page.goto(`${baseUrl}${path}`);
        expect(await hasHorizontalScroll(page)).toBe(false);
      } finally {
        await context.close();
      }
    },
  );
});

describe('dark mode', () => {
  it.each(['/en/', '/bg/guides/bulgaria-2024-elections/', '/kk/lookup/', '/ru/search/'])('%s keeps enough contrast (axe)', async (path) => {
    const context = await openContext({ colorScheme: 'dark', bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}${path}`);
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('language switcher', () => {
  it('keeps the current page', async () => {
    const context = await openContext();
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/bg/`);
      await page.locator('.lang-switcher a[hreflang="kk"]').click();
      expect(new URL(page.url()).pathname).toBe('/kk/');
      expect(await page.locator('html').getAttribute('lang')).toBe('kk');
    } finally {
      await context.close();
    }
  });
});
