import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { LOCALES, onDay, t } from '#core/i18n';
import { axeViolations, hasHorizontalScroll, openContext, unmarkedBrandNames } from './browser';

// The accessibility statement (/<locale>/accessibility/): prerendered in five languages, clean
// under axe-core on a phone, in dark mode and at 320 px, and linked from the footer of every
// kind of page (static, on demand, staff, the language chooser and the 404 page).
const baseUrl = inject('baseUrl');
const statementPath = (locale: string) => `/${locale}/accessibility/`;

describe('the accessibility statement on a 360×640 phone', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await openContext({ width: 360, height: 640, bypassCSP: true });
  });
  afterAll(async () => context?.close());

  it.each(LOCALES)('/%s/accessibility/ renders in its language and passes axe', async (locale) => {
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl}${statementPath(locale)}`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe(locale);
    expect(await page.locator('h1').innerText()).toBe(t(locale, 'about.title'));
    expect(await page.locator('main h2').allInnerTexts()).toEqual([
      t(locale, 'about.standard.title'),
      t(locale, 'about.tested.title'),
      t(locale, 'about.limits.title'),
      t(locale, 'about.report.title'),
    ]);
    expect(await page.locator('main').innerText()).toMatch(/WCAG\)? 2\.2/);
    if (locale !== 'en') expect(await unmarkedBrandNames(page)).toEqual([]);
    // The address comes from ACCESSIBILITY_CONTACT in wrangler.toml, read when the site was built.
    expect(await page.locator('[data-accessibility-contact] a').getAttribute('href')).toMatch(/^mailto:[^@\s]+@[^@\s]+$/);
    const date = await page.locator('[data-statement-date]').getAttribute('data-statement-date');
    expect(await page.locator('[data-statement-date]').innerText()).toBe(t(locale, 'about.date', { date: onDay(date!) }));
    expect(await page.locator(`main a[href="/${locale}/lookup/"]`).count()).toBe(1);
    expect(await page.locator(`link[rel="alternate"][hreflang]`).count()).toBe(LOCALES.length + 1);
    expect(await hasHorizontalScroll(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await hasHorizontalScroll(page), `${locale} at 320 px`).toBe(false);
    await page.close();
  });
});

describe('the accessibility statement in dark mode', () => {
  it.each(['bg', 'kk'])('/%s/accessibility/ keeps enough contrast (axe)', async (locale) => {
    const context = await openContext({ colorScheme: 'dark', bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}${statementPath(locale)}`);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the footer links to the statement', () => {
  /** The footer of a page's HTML. */
  const footer = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${baseUrl}${path}`, { redirect: 'manual', ...init });
    const html = await response.text();
    return { status: response.status, footer: /<footer[\s\S]*<\/footer>/.exec(html)?.[0] ?? '' };
  };

  it.each([
    ['ru', '/ru/'],
    ['en', '/en/guides/bulgaria-2024-elections/'],
    ['ky', '/ky/lookup/'],
    ['kk', '/kk/developers/'],
    ['bg', '/bg/mobile-ballot-box/'],
    ['en', '/en/mobile-ballot-box/status/'],
    ['bg', '/bg/admin/login/'],
  ])('%s: %s', async (locale, path) => {
    const page = await footer(path);
    expect(page.status).toBe(200);
    expect(page.footer).toContain(`href="${statementPath(locale)}"`);
    expect(page.footer).toContain(t(locale as (typeof LOCALES)[number], 'about.footer.link'));
  });

  it('on the 404 page and on the language chooser (in every language there)', async () => {
    const missing = await footer('/en/no-such-page/');
    expect(missing.status).toBe(404);
    expect(missing.footer).toContain(`href="${statementPath('en')}"`);
    const chooser = await footer('/', { headers: { 'Accept-Language': '' } });
    expect(chooser.status).toBe(200);
    for (const locale of LOCALES) expect(chooser.footer).toContain(`href="${statementPath(locale)}"`);
  });

  it('has a description of its own, not the home page’s', async () => {
    const description = async (path: string) => /<meta name="description" content="([^"]*)"/.exec(await (await fetch(`${baseUrl}${path}`)).text())?.[1];
    for (const locale of LOCALES) {
      expect(await description(statementPath(locale))).toBe(t(locale, 'about.description'));
      expect(await description(`/${locale}/`)).not.toBe(t(locale, 'about.description'));
    }
  });
});
