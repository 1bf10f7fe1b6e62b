import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { LOCALES, onDay, t } from '#core/i18n';
import { axeViolations, hasHorizontalScroll, openContext } from './browser';

// The privacy notice (/<locale>/privacy/, GDPR Article 13): prerendered in five languages, clean
// under axe-core on a phone and at 320 px, naming what only the deploy settings and the data
// can say, and linked from the footer and from every form that takes personal data.
const baseUrl = inject('baseUrl');
const noticePath = (locale: string) => `/${locale}/privacy/`;

describe('the privacy notice on a 360×640 phone', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await openContext({ width: 360, height: 640, bypassCSP: true });
  });
  afterAll(async () => context?.close());

  it.each(LOCALES)('/%s/privacy/ renders in its language, says what the data and the settings say, and passes axe', async (locale) => {
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl}${noticePath(locale)}`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe(locale);
    expect(await page.locator('h1').innerText()).toBe(t(locale, 'privacy.title'));
    expect(await page.locator('main h2').allInnerTexts()).toEqual([
      t(locale, 'privacy.controller.title'),
      t(locale, 'privacy.purposes.title'),
      t(locale, 'privacy.basis.title'),
      t(locale, 'privacy.recipients.title'),
      t(locale, 'privacy.retention.title'),
      t(locale, 'privacy.rights.title'),
      t(locale, 'privacy.authority.title'),
    ]);
    // wrangler.toml leaves the controller, its officer and the legal basis to the operator: the notice says so.
    expect(await page.locator('[data-privacy-controller] dd').innerText()).toBe(t(locale, 'privacy.controller.missing'));
    expect(await page.locator('[data-privacy-dpo] dd').innerText()).toBe(t(locale, 'privacy.dpo.missing'));
    expect(await page.locator('[data-privacy-basis="default"]').innerText()).toBe(t(locale, 'privacy.basis.default'));
    // From content/: the police get the addresses only, and the applications go 90 days after voting day.
    const recipients = await page.locator('[data-privacy-recipients]').innerText();
    expect(recipients).toContain('СДВР');
    const retention = await page.locator('[data-privacy-retention]').innerText();
    expect(retention).toContain(t(locale, 'privacy.retention.mobileBox', { election: '', date: onDay('2024-09-07') }).slice(2));
    expect(await page.locator('[data-privacy-authority]').getAttribute('href')).toBe('https://www.cpdp.bg/');
    expect(await hasHorizontalScroll(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await hasHorizontalScroll(page), `${locale} at 320 px`).toBe(false);
    await page.close();
  });
});

describe('the notice is linked from the footer and from every form that takes personal data', () => {
  const html = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${baseUrl}${path}`, { redirect: 'manual', ...init });
    return { status: response.status, text: await response.text() };
  };
  const footerOf = (text: string) => /<footer[\s\S]*<\/footer>/.exec(text)?.[0] ?? '';
  const mainOf = (text: string) => /<main[\s\S]*<\/main>/.exec(text)?.[0] ?? '';

  it.each([
    ['ru', '/ru/'],
    ['ky', '/ky/lookup/'],
    ['bg', '/bg/mobile-ballot-box/'],
    ['kk', '/kk/accessibility/'],
    ['en', '/en/no-such-page/'],
    ['bg', '/bg/admin/login/'],
  ])('footer, %s: %s', async (locale, path) => {
    const page = await html(path);
    expect(footerOf(page.text)).toContain(`href="${noticePath(locale)}"`);
  });

  it('the language chooser links it in every language', async () => {
    const chooser = await html('/', { headers: { 'Accept-Language': '' } });
    for (const locale of LOCALES) expect(footerOf(chooser.text)).toContain(`href="${noticePath(locale)}"`);
  });

  it.each([
    ['the lookup by personal number', '/en/lookup/'],
    ['the mobile-ballot-box application, beside its acknowledgement', '/bg/mobile-ballot-box/'],
    ['the status check', '/kk/mobile-ballot-box/status/'],
    ['the embeddable lookup (in a new tab)', '/ru/embed/lookup/'],
  ])('%s', async (_what, path) => {
    const page = await html(path);
    expect(page.status).toBe(200);
    const locale = path.split('/')[1]!;
    expect(mainOf(page.text) || page.text).toMatch(new RegExp(`data-privacy-link[^>]*>\\s*<a href="${noticePath(locale)}"`));
  });

  it('has a description of its own', async () => {
    for (const locale of LOCALES) {
      const page = await html(noticePath(locale));
      expect(/<meta name="description" content="([^"]*)"/.exec(page.text)?.[1]).toBe(t(locale, 'privacy.description'));
    }
  });
});
