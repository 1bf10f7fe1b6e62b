import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { Validator } from '@seriousme/openapi-schema-validator';
import { demoData } from '#scripts/seed/demo-data';
import { axeViolations, hasHorizontalScroll, openContext } from './browser';

// The real Worker (functions/worker.ts under wrangler dev): what the Hono tests cannot see,
// because Astro, the adapter and the Worker entry sit in front of the app.
const baseUrl = inject('baseUrl');
const [bg] = demoData();
const BG_ID = bg!.register[0]![0]!;
const big = JSON.stringify({ country: 'BG', idNumber: BG_ID, details: 'x'.repeat(17 * 1024) });

describe('/api/* through the Worker', () => {
  it.each(['/api/lookup', '/api/stations/1/reports', '/api/no-such-path'])('%s: a JSON body over 16 KB is a JSON 413, not an empty 500', async (path) => {
    const response = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { code: 'payload_too_large', message: 'The request is too large.' } });
  });

  it('DELETE without an Origin is a JSON 405 with Allow (Astro’s origin check never sees /api)', async () => {
    const response = await fetch(`${baseUrl}/api/lookup`, { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('OPTIONS, POST');
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('method_not_allowed');
  });

  it('serves a valid OpenAPI 3.1 document', async () => {
    const response = await fetch(`${baseUrl}/api/openapi.json`);
    expect(response.status).toBe(200);
    const result = await new Validator().validate((await response.json()) as Parameters<Validator['validate']>[0]);
    expect(result.valid).toBe(true);
  });

  it('runs the Worker entry’s scheduled handler (the Cron Trigger) and the service keeps answering', async () => {
    // wrangler dev's /cdn-cgi/handler/scheduled calls the Worker's `scheduled` export. A time
    // inside every demo election's retention: the handler runs and deletes nothing the other
    // browser tests read (what it deletes is tested in test/api/platform/scheduled.test.ts).
    const time = Math.floor(Date.parse('2024-07-01T03:17:00Z') / 1000);
    const response = await fetch(`${baseUrl}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent('17 3 * * *')}&time=${time}`);
    expect(response.status).toBe(200);
    const lookup = await fetch(`${baseUrl}/api/lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ country: 'BG', idNumber: BG_ID }),
    });
    expect(lookup.status).toBe(200);
  });
});

describe('form pages without JavaScript', () => {
  const form = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}/en/lookup/result/`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl, ...headers },
      body,
    });

  it('refuse a post from a foreign Origin with 403 (security.checkOrigin)', async () => {
    const response = await form(`country=BG&idNumber=${BG_ID}`, { origin: 'https://attacker.example' });
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('station');
  });

  it('refuse another content type with 415 and a body over 16 KB with 413, as pages with the message', async () => {
    const wrongType = await fetch(`${baseUrl}/en/lookup/result/`, { method: 'POST', headers: { 'content-type': 'text/plain', origin: baseUrl }, body: 'x' });
    // text/plain is "form-like" for Astro's origin check, which our Origin passes; the helper refuses the type.
    expect(wrongType.status).toBe(415);
    expect(await wrongType.text()).toContain('The request is sent in a format this address does not accept.');
    const huge = await form(`country=BG&idNumber=${'1'.repeat(17 * 1024)}`);
    expect(huge.status).toBe(413);
    expect(await huge.text()).toContain('The request is too large.');
  });

  it('answer an ordinary post as before', async () => {
    const response = await form(`country=BG&idNumber=${BG_ID}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toContain(`class="station-number">${bg!.register[0]![1]}<`);
  });
});

describe('dates written by browser scripts', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await openContext();
  });
  afterAll(async () => context?.close());

  // Chromium ships trimmed ICU data: with Intl it would write "2026 M03 15" (kk) or "March 15, 2026" (ky).
  const LATIN_MONTHS = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b|\bM\d{2}\b/;

  it.each([
    ['ky', 'kyrgyzstan-2024-voter-list'],
    ['kk', 'kazakhstan-2026-absentee-certificates'],
    ['ky', 'bulgaria-2024-elections'],
    ['kk', 'bulgaria-2024-elections'],
  ])('/%s/guides/%s shows no Latin month and no "M03" after the scripts ran, checkers included', async (locale, slug) => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/${locale}/guides/${slug}/`);
    await page.waitForFunction(() => document.querySelectorAll('form.checker:not([hidden])').length === document.querySelectorAll('form.checker').length);
    for (const checker of await page.locator('form.checker').all()) {
      for (const group of await checker.locator('fieldset').all()) await group.locator('input[type=radio]').first().check();
      await checker.locator('button[type=submit]').click();
      await checker.locator('.checker-answer p').waitFor();
    }
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(LATIN_MONTHS);
    expect(text).toMatch(locale === 'kk' ? /\d{4} ж\. \d{1,2} [а-яәғқңөұүһі]+/ : /\d{4}-ж\., \d{1,2}-[а-яңөү]+/);
    await page.close();
  });
});

describe('/<locale>/developers/', () => {
  it.each(['en', 'bg'])('%s: the API reference, accessible and inside our CSP', async (locale) => {
    const context = await openContext({ bypassCSP: true, width: 360, height: 640 });
    try {
      const page = await context.newPage();
      const response = await page.goto(`${baseUrl}/${locale}/developers/`);
      expect(response?.status()).toBe(200);
      // textContent: off-screen operations skip rendering (content-visibility), so innerText is empty.
      expect(await page.locator('h3 code').allTextContents()).toContain('POST /api/lookup');
      expect(await page.locator('a[href="/api/openapi.json"]').count()).toBe(1);
      expect(await page.locator('script[src^="http"], link[href^="http"][rel=stylesheet]').count()).toBe(0);
      expect(await hasHorizontalScroll(page)).toBe(false);
      expect(await axeViolations(page)).toEqual([]);

      // The staff area's operations are on their own page, linked from the first one.
      expect(await page.locator('h3 code').allTextContents()).not.toContain('GET /api/admin/requests');
      await page.click(`a[href="/${locale}/developers/staff/"]`);
      await page.waitForURL(`${baseUrl}/${locale}/developers/staff/`);
      const staffOps = await page.locator('h3 code').allTextContents();
      expect(staffOps).toContain('GET /api/admin/requests');
      expect(staffOps.every((op) => op.includes(' /api/admin/'))).toBe(true);
      expect(await hasHorizontalScroll(page)).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
