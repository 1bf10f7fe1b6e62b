import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ELECTIONS } from '#functions/elections/registry';
import { LOCALES } from '#core/i18n';
import { axeViolations, hasHorizontalScroll, openContext } from './browser';

const baseUrl = inject('baseUrl');
const SLUGS = readdirSync('content/guides/en')
  .map((name) => name.replace(/\.md$/, ''))
  .sort();
const ELECTION_GUIDES = new Set(ELECTIONS.map((election) => election.guide));

/** Collects console errors (CSP violations show up here) and uncaught exceptions. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

describe.each([
  ['phone', 360, 640],
  ['desktop', 1280, 800],
])('every guide in every locale on a %s', (_name, width, height) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await openContext({ width, height, bypassCSP: true });
  });
  afterAll(async () => context?.close());

  it.each(LOCALES.flatMap((locale) => SLUGS.map((slug) => [locale, slug] as const)))('/%s/guides/%s/ renders and passes axe', async (locale, slug) => {
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl}/${locale}/guides/${slug}/`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe(locale);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('.summary').count()).toBe(1);
    // Every vote is over: the page, its link preview and its search excerpt all lead with it.
    if (ELECTION_GUIDES.has(slug)) {
      const notice = (await page.locator('.notice p').innerText()).trim();
      expect(notice.length).toBeGreaterThan(0);
      expect((await page.locator('meta[name="description"]').getAttribute('content'))?.startsWith(`${notice} `)).toBe(true);
      expect(await page.locator('.notice p').getAttribute('data-pagefind-meta')).toBe('notice');
    }
    expect(await hasHorizontalScroll(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('key dates and checkers with JavaScript', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await openContext();
  });
  afterAll(async () => context?.close());

  it('marks past, today and upcoming dates for the reader’s own day, in Sofia time', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    // 23:30 on 25 May in Sofia is still 25 May there, though already 26 May further east.
    await page.clock.install({ time: new Date('2024-05-25T23:30:00+03:00') });
    await page.goto(`${baseUrl}/en/guides/bulgaria-2024-elections/`);
    const status = (id: string) => page.locator(`.timeline-item:has(a[href$="/${id}.ics"])`).getAttribute('data-status');
    expect(await status('voter-lists-part-2')).toBe('past');
    expect(await status('mobile-box-request')).toBe('today');
    expect(await status('mobile-box-late-request')).toBe('upcoming');
    expect(await status('voting-day')).toBe('upcoming');
    expect(await page.locator('.timeline-item:has(a[href$="/mobile-box-request.ics"]) .timeline-status').innerText()).toBe('Today');
    expect(await page.locator('[data-over-after]').isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says the election is over once voting day has passed', async () => {
    const page = await context.newPage();
    await page.clock.install({ time: new Date('2024-06-10T08:00:00+03:00') });
    await page.goto(`${baseUrl}/bg/guides/bulgaria-2024-elections/`);
    expect(await page.locator('[data-over-after]').isVisible()).toBe(true);
    expect(await page.locator('[data-over-after]').innerText()).toContain('9 юни 2024');
    expect(await page.locator('.timeline-item[data-status="past"]').count()).toBe(await page.locator('.timeline-item').count());
    await page.close();
  });

  it('marks the dates the source does not print, with how they were worked out', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/guides/kazakhstan-2026-absentee-certificates/`);
    const derived = (id: string) => page.locator(`.timeline-item:has(a[href$="/${id}.ics"]) .timeline-derived`);
    expect(await derived('voting-day').innerText()).toMatch(/^Worked out.*15 March 2026/);
    expect(await derived('certificates-to-territorial-commissions').innerText()).toMatch(/20 days before voting day/);
    expect(await derived('absentee-certificates').count()).toBe(0);
    await page.close();
  });

  it('answers the mobile-ballot-box checker from the rules and the date', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.clock.install({ time: new Date('2024-05-28T10:00:00+03:00') });
    await page.goto(`${baseUrl}/en/guides/bulgaria-2024-elections/`);
    const form = page.locator('form[data-checker="mobile-box"]');
    expect(await form.isVisible()).toBe(true);
    await form.getByRole('button').click();
    expect(await form.locator('.checker-error').isVisible()).toBe(true);
    await form.locator('input[name=cannotReachPollingRoom][value=yes]').check();
    await form.locator('input[name=mobileCommission][value=yes]').check();
    await form.getByRole('button').click();
    expect(await form.locator('.checker-error').isHidden()).toBe(true);
    expect(await form.locator('.checker-answer').innerText()).toBe(
      'Yes: a mobile sectional election commission has been appointed in your settlement, so you can still apply until 3 June 2024.',
    );
    await form.locator('input[name=mobileCommission][value=no]').check();
    await form.getByRole('button').click();
    expect(await form.locator('.checker-answer').getAttribute('data-answer')).toBe('late-no-commission');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('answers the absentee-certificate checker in Kazakh, closing at 18:00 Almaty time', async () => {
    const page = await context.newPage();
    await page.clock.install({ time: new Date('2026-03-14T17:59:00+05:00') });
    await page.goto(`${baseUrl}/kk/guides/kazakhstan-2026-absentee-certificates/`);
    const form = page.locator('form[data-checker="absentee"]');
    await form.locator('input[name=lostCertificate][value=no]').check();
    await form.locator('input[name=sameSettlement][value=no]').check();
    await form.getByRole('button').click();
    expect(await form.locator('.checker-answer').getAttribute('data-answer')).toBe('apply-now');
    expect(await form.locator('.checker-answer').innerText()).toContain('18:00');
    await form.locator('input[name=sameSettlement][value=yes]').check();
    await form.getByRole('button').click();
    expect(await form.locator('.checker-answer').getAttribute('data-answer')).toBe('same-settlement');
    await page.close();
  });

  it('lets a reader tick a checklist and keeps the ticks on this device', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/ru/guides/kyrgyzstan-consular-services/`);
    const first = page.locator('.task-list-item input[type=checkbox]').first();
    await page.locator('.task-list-item label').first().click();
    expect(await first.isChecked()).toBe(true);
    await page.reload();
    expect(await page.locator('.task-list-item input[type=checkbox]').first().isChecked()).toBe(true);
    await page.close();
  });
});

describe('guides without JavaScript', () => {
  it('keep the rules in the text, hide the checker and still show the dates', async () => {
    const context = await openContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/ky/guides/bulgaria-2024-elections/`);
      expect(await page.locator('form.checker').first().isHidden()).toBe(true);
      expect(await page.locator('.timeline-item').count()).toBeGreaterThan(5);
      expect(await page.locator('.guide').innerText()).toContain('25');
      expect(await page.locator('a[href^="tel:"]').count()).toBeGreaterThan(0);
      await page.goto(`${baseUrl}/en/guides/kyrgyzstan-2024-voter-list/`);
      expect(await page.locator('a[href^="sms:119"]').count()).toBeGreaterThan(0);
      expect(await page.locator('a[href="tel:1255"]').count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});

describe('calendar files', () => {
  it('are served as text/calendar and are valid iCalendar', async () => {
    const response = await fetch(`${baseUrl}/en/calendar/bg-2024-06-09/mobile-box-request.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    const body = await response.text();
    expect(body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    for (const property of ['BEGIN:VEVENT', 'UID:', 'DTSTAMP:', 'DTSTART;VALUE=DATE:20240525', 'END:VCALENDAR']) expect(body).toContain(property);
  });

  it('are linked from every timeline entry', async () => {
    const html = await (await fetch(`${baseUrl}/kk/guides/kazakhstan-2026-absentee-certificates/`)).text();
    const links = [...html.matchAll(/href="(\/kk\/calendar\/[^"]+\.ics)"/g)].map((m) => m[1]!);
    expect(links.length).toBe(4);
    for (const link of links) expect((await fetch(`${baseUrl}${link}`)).status).toBe(200);
  });
});

describe('meta descriptions', () => {
  it('every page has its own, in its language', async () => {
    const pages = LOCALES.flatMap((locale) =>
      [
        '',
        'guides/',
        'search/',
        'lookup/',
        'developers/',
        'developers/staff/',
        'mobile-ballot-box/',
        'mobile-ballot-box/status/',
        ...SLUGS.map((slug) => `guides/${slug}/`),
      ].map((path) => `/${locale}/${path}`),
    );
    const descriptions = new Map<string, string>();
    for (const path of pages) {
      const html = await (await fetch(`${baseUrl}${path}`)).text();
      const description = /<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? '';
      expect(description.trim().length, path).toBeGreaterThan(20);
      expect(descriptions.get(description), `${path} has the description of ${descriptions.get(description)}`).toBeUndefined();
      descriptions.set(description, path);
    }
  });
});

describe('search', () => {
  it('finds guides in the page language with the keyboard alone', async () => {
    const context = await openContext({ bypassCSP: false });
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${baseUrl}/en/search/`);
      expect(await page.locator('[data-search-fallback]').isHidden()).toBe(true);
      await page.getByLabel('Words to search for').focus();
      await page.keyboard.type('mobile ballot box');
      await page.keyboard.press('Enter');
      await page.locator('.search-results li').first().waitFor();
      // The count comes with its plural form: "1 guide matches …", "2 guides match …".
      expect(await page.locator('[data-search-status]').innerText()).toMatch(/^(1 guide matches|\d+ guides match) “mobile ballot box”\.$/);
      expect(await page.locator('.search-results a').first().getAttribute('href')).toMatch(/^\/en\/guides\/bulgaria-2024-elections\//);
      // The excerpt starts with the notice that the vote took place.
      expect(await page.locator('.search-results li p > strong').first().innerText()).toContain('9 June 2024');
      expect(await page.locator('.search-results li p').first().innerText()).toMatch(/^\S/);
      expect(new URL(page.url()).searchParams.get('q')).toBe('mobile ballot box');
      expect(errors).toEqual([]);
      await page.goto(`${baseUrl}/kk/search/?q=${encodeURIComponent('куәлік')}`);
      await page.locator('.search-results li').first().waitFor();
      expect(await page.locator('.search-results a').first().getAttribute('href')).toMatch(/^\/kk\/guides\//);
    } finally {
      await context.close();
    }
  });

  it('without JavaScript says how to browse instead', async () => {
    const context = await openContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/ru/search/`);
      expect(await page.locator('form[data-search]').isHidden()).toBe(true);
      expect(await page.locator('[data-search-fallback]').innerText()).toContain('JavaScript');
      expect(await page.locator('main a[href^="/ru/guides/"]').count()).toBe(SLUGS.length);
    } finally {
      await context.close();
    }
  });
});
