import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Frame, Page, Response as PageResponse } from 'playwright-core';
import { demoData } from '#scripts/seed/demo-data';
import { SECURITY_HEADERS } from '#functions/http/security-headers';
import { accessibilityChecker, openContext, unmarkedBrandNames } from './browser';
import { startEmbedHost } from './embed-host';

// The embeddable lookup in real frames: a municipality's page on another 127.0.0.1 origin
// (test/e2e/embed-host.ts), the only origin global-setup lists in EMBED_ORIGINS.
const baseUrl = inject('baseUrl');
const embedHost = inject('embedHost');
const [bg, , kz] = demoData();
const BG_ID = bg!.register[0]![0]!;
const BG_STATION = bg!.register[0]![1]!;
const KZ_ID = kz!.register[0]![0]!;
const KZ_STATION = kz!.register[0]![1]!;

const checker = accessibilityChecker(baseUrl);
afterAll(checker.close);

/** The municipality's page at `host` framing our `path`, with our sizing script unless told not to. */
const hostPage = (host: string, path: string, options: { script?: boolean; width?: number } = {}) => {
  const query = new URLSearchParams({ frame: `${baseUrl}${path}` });
  if (options.script !== false) query.set('script', `${baseUrl}/embed.js`);
  if (options.width) query.set('width', String(options.width));
  return `${host}/?${query}`;
};

/** The frame-ancestors of a response's policy. */
const frameAncestors = (response: Response | PageResponse) => {
  const policy = response instanceof Response ? response.headers.get('content-security-policy') : response.headers()['content-security-policy'];
  return /frame-ancestors ([^;]+)/.exec(policy ?? '')?.[1];
};

/** The framed page, once the iframe has loaded `times` documents. */
async function framed(page: Page, times = 1): Promise<Frame> {
  await page.waitForFunction((n) => Number(document.querySelector('iframe')?.dataset.loaded ?? 0) >= n, times);
  return (await (await page.locator('iframe').elementHandle())!.contentFrame())!;
}

/** Every response of the flow from our origin, to check that none sets a cookie. */
function recordResponses(page: Page): PageResponse[] {
  const responses: PageResponse[] = [];
  page.on('response', (response) => {
    if (response.url().startsWith(baseUrl)) responses.push(response);
  });
  return responses;
}

async function expectNoCookies(context: BrowserContext, responses: PageResponse[]) {
  expect(responses.length).toBeGreaterThan(0);
  for (const response of responses) expect(await response.headerValue('set-cookie'), response.url()).toBeNull();
  expect(await context.cookies()).toEqual([]);
}

describe('headers of the embed pages', () => {
  const post = (path: string, body: string) =>
    fetch(`${baseUrl}${path}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl }, body });

  it.each(['bg', 'en', 'ru', 'ky', 'kk'])(
    '/%s/embed/lookup/: framable by the listed origin only, no X-Frame-Options, no cookie, the other headers as everywhere',
    async (locale) => {
      const response = await fetch(`${baseUrl}/${locale}/embed/lookup/`);
      expect(response.status).toBe(200);
      expect(frameAncestors(response)).toBe(embedHost);
      expect(response.headers.get('x-frame-options')).toBeNull();
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(response.headers.get('cache-control')).toBe('public, max-age=300');
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        if (!/^(content-security-policy|x-frame-options)$/i.test(name)) expect(response.headers.get(name), name).toBe(value);
      const html = await response.text();
      expect(html).toContain(`<html lang="${locale}"`);
      expect(html).not.toContain('class="site-header"');
    },
  );

  it('answers are personal: private, no-store, framable, no cookie (found, refused, and the GET redirect)', async () => {
    const answers = [
      await post('/bg/embed/lookup/result/', `country=BG&idNumber=${BG_ID}`),
      await post('/bg/embed/lookup/address/', `country=BG&settlement=${encodeURIComponent('София')}&street=${encodeURIComponent('Витоша')}&number=24`),
      await post('/en/embed/lookup/address/', 'country=BG&settlement='),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 422]);
    expect(await answers[0]!.text()).toContain(`class="station-number">${BG_STATION}<`);
    expect(await answers[1]!.text()).toContain('class="station-number">244601003<');
    for (const response of answers) {
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(frameAncestors(response)).toBe(embedHost);
      expect(response.headers.get('x-frame-options')).toBeNull();
      expect(response.headers.get('set-cookie')).toBeNull();
    }
    const redirect = await fetch(`${baseUrl}/bg/embed/lookup/result/`, { redirect: 'manual' });
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get('location')).toBe('/bg/embed/lookup/');
    expect(redirect.headers.get('set-cookie')).toBeNull();
  });

  it('the sizing script is a small static file from our origin, without a cookie', async () => {
    const response = await fetch(`${baseUrl}/embed.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect((await response.text()).length).toBeLessThan(2048);
  });

  it('a foreign Origin still gets 403 (the frame posts with our own origin)', async () => {
    const response = await fetch(`${baseUrl}/bg/embed/lookup/result/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: embedHost },
      body: `country=BG&idNumber=${BG_ID}`,
    });
    expect(response.status).toBe(403);
  });

  it('every other page still refuses to be framed', async () => {
    for (const path of ['/en/mobile-ballot-box/', '/en/lookup/', '/en/no-such-page/']) {
      const response = await fetch(`${baseUrl}${path}`);
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(frameAncestors(response), path).toBe("'none'");
    }
  });
});

describe('framed by the listed origin', () => {
  it('loads, sizes itself, and finds a station by personal number inside the frame, with no cookie', async () => {
    const context = await openContext({ width: 360, height: 640 });
    try {
      const page = await context.newPage();
      const responses = recordResponses(page);
      await page.goto(hostPage(embedHost, '/bg/embed/lookup/', { width: 320 }));
      let frame = await framed(page);
      await frame.locator('h1').waitFor();
      expect(await frame.locator('h1').innerText()).toBe('Намерете своята избирателна секция');
      // Our script set the frame to the page's height: no inner scrolling, and none sideways at 320 px.
      const fits = (f: Frame) =>
        f.evaluate(() => ({
          height: Math.ceil(document.documentElement.getBoundingClientRect().height),
          inner: innerHeight,
          wide: document.documentElement.scrollWidth > innerWidth,
        }));
      await page.waitForFunction(() => document.querySelector('iframe')!.getBoundingClientRect().height > 300);
      let size = await fits(frame);
      expect(size.wide).toBe(false);
      expect(Math.abs(size.inner - size.height)).toBeLessThanOrEqual(1);
      const formHeight = size.height;
      const full = frame.locator('footer a[href="/bg/lookup/"]');
      expect(await full.getAttribute('target')).toBe('_blank');
      expect(await full.innerText()).toContain('нов раздел');

      await frame.locator('#id-country input[value=BG]').check();
      await frame.locator('#idNumber').fill(BG_ID);
      await frame.locator('form[action="/bg/embed/lookup/result/"] button[type=submit]').click();
      frame = await framed(page, 2);
      const station = frame.locator('[data-embed-answer] .station');
      await station.waitFor();
      expect(frame.url()).toBe(`${baseUrl}/bg/embed/lookup/result/`);
      expect(await station.locator('.station-number').innerText()).toBe(BG_STATION);
      // Links that leave the frame open a new tab and say so; problem reports are left to the full lookup.
      const osm = station.locator('a[href^="https://www.openstreetmap.org/"]');
      expect(await osm.getAttribute('target')).toBe('_blank');
      expect(await osm.innerText()).toContain('(отваря се в нов раздел)');
      expect(await station.locator('details.report').count()).toBe(0);
      // The answer page is another height, and the host followed it.
      await page.waitForFunction(([before]) => Math.abs(document.querySelector('iframe')!.getBoundingClientRect().height - before!) > 1, [formHeight]);
      size = await fits(frame);
      expect(Math.abs(size.inner - size.height)).toBeLessThanOrEqual(1);
      expect(size.wide).toBe(false);
      await expectNoCookies(context, responses);
    } finally {
      await context.close();
    }
  });

  it('works without JavaScript and without the sizing script: an address lookup inside the frame', async () => {
    const context = await openContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const responses = recordResponses(page);
      await page.goto(hostPage(embedHost, '/kk/embed/lookup/', { script: false }));
      const frame = page.frames().find((f) => f.url().startsWith(`${baseUrl}/kk/embed/lookup/`))!;
      await frame.locator('h1').waitFor();
      await frame.locator('#address-country input[value=KZ]').check();
      await frame.locator('#address-settlement').fill('Алматы');
      await frame.locator('#address-street').fill('Абай даңғылы');
      await frame.locator('#address-number').fill('2');
      await frame.locator('form[action="/kk/embed/lookup/address/"] button[type=submit]').click();
      await frame.waitForURL(`${baseUrl}/kk/embed/lookup/address/`);
      const station = frame.locator('[data-embed-answer] .station');
      await station.first().waitFor();
      expect(await station.first().locator('.station-number').innerText()).toBe('103');
      expect(frame.url()).not.toMatch(/Абай|number=/);
      expect(await page.locator('iframe').evaluate((f) => f.getBoundingClientRect().height)).toBe(300);
      await expectNoCookies(context, responses);
    } finally {
      await context.close();
    }
  });
});

describe('framed by an origin that is not listed', () => {
  let other: Awaited<ReturnType<typeof startEmbedHost>>;
  beforeAll(async () => {
    other = await startEmbedHost();
  });
  afterAll(async () => other?.close());

  it('Chromium refuses to render it', async () => {
    expect(other.origin).not.toBe(embedHost);
    const context = await openContext();
    try {
      const page = await context.newPage();
      const refusals: string[] = [];
      page.on('console', (message) => {
        if (/frame-ancestors/.test(message.text())) refusals.push(message.text());
      });
      const answered: PageResponse[] = [];
      page.on('response', (response) => {
        if (response.url().startsWith(`${baseUrl}/bg/embed/lookup/`)) answered.push(response);
      });
      await page.goto(hostPage(other.origin, '/bg/embed/lookup/'));
      const frame = await framed(page);
      // The server answered (with a policy that does not list this origin), and the browser showed nothing of it.
      expect(answered.map((r) => r.status())).toEqual([200]);
      expect(frameAncestors(answered[0]!)).toBe(embedHost);
      // Chromium shows its own error page in the frame instead (chrome-error://chromewebdata/).
      expect(frame.url()).not.toContain(baseUrl);
      expect(await frame.locator('body.embed, form, [data-embed-origins]').count()).toBe(0);
      expect(await frame.locator('body').innerText()).not.toContain('Намерете своята избирателна секция');
      expect(refusals.join('\n')).toContain(`frame-ancestors ${embedHost}`);
    } finally {
      await context.close();
    }
  });
});

describe.each(['bg', 'kk'])('/%s/embed/lookup/ at 320 px', (locale) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await openContext({ width: 320, height: 640, bypassCSP: true });
  });
  afterAll(async () => context?.close());

  it('the form: axe-core clean and no horizontal scroll', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/${locale}/embed/lookup/`);
    await checker.expectAccessible(page);
    // "Voter Desk" stands inside Bulgarian or Kazakh sentences here: it is marked as English.
    expect(await page.locator('[lang="en"]', { hasText: 'Voter Desk' }).count()).toBeGreaterThan(0);
    expect(await unmarkedBrandNames(page)).toEqual([]);
    await page.close();
  });

  it('keyboard only: a lookup by personal number, then the answer, axe-core clean', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/${locale}/embed/lookup/?country=KZ`);
    // Tab to the number field (the country is preselected by the site), type, Enter.
    for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.id === 'idNumber')); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('idNumber');
    await page.keyboard.type(locale === 'kk' ? KZ_ID : '7501020019');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/${locale}/embed/lookup/result/`);
    if (locale === 'kk') expect(await page.locator('.station-number').innerText()).toBe(KZ_STATION);
    else expect(await page.locator('[data-error-summary] a[href="#idNumber"]').count()).toBe(1);
    await checker.expectAccessible(page);
    await page.close();
  });
});
