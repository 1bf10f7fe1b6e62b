import { signInThroughPages } from './staff-sign-in';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { demoData } from '#scripts/seed/demo-data';
import { accessibilityChecker, openContext } from './browser';

// One phone's browser through the whole file: what it opened once opens again offline, and
// after everything personal it did, the Cache Storage holds nothing personal.
const baseUrl = inject('baseUrl');
const staff = inject('demoStaff');
const checker = accessibilityChecker(baseUrl);
const [bg] = demoData();
const BG_ID = bg!.register[0]![0]!;
const DRAFT_KEY = 'voter-desk:mobile-box-draft';

/** A valid ЕГН from its first nine digits (the tenth is the checksum). */
function egn(first9: string): string {
  const weights = [2, 4, 8, 5, 10, 9, 7, 3, 6];
  const sum = [...first9].reduce((total, digit, index) => total + Number(digit) * weights[index]!, 0) % 11;
  return `${first9}${sum === 10 ? 0 : sum}`;
}

// Applicants of this file only (other files use other numbers).
const formApplicant = { idNumber: egn('610812034'), fullName: 'Радка Стоянова Денева', street: 'ж.к. Младост 2' };
const apiApplicant = { idNumber: egn('580214071'), fullName: 'Стефан Кръстев Миланов' };

interface Entry {
  cache: string;
  url: string;
  contentType: string;
  body: string;
}

/** Everything in the page's Cache Storage, every cache, with the bodies. */
function cacheEntries(page: Page): Promise<Entry[]> {
  return page.evaluate(async () => {
    const entries: Entry[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        entries.push({ cache: name, url: request.url, contentType: response?.headers.get('content-type') ?? '', body: (await response?.text()) ?? '' });
      }
    }
    return entries;
  });
}

/** Waits until the worker has stored the page at this path (from the first visit's message or its own fetch). */
async function kept(page: Page, path: string): Promise<void> {
  // Polled from here: page.waitForFunction takes an async check's promise as its answer, and
  // would return at once.
  const stored = () =>
    page.evaluate(async (url) => {
      for (const name of await caches.keys()) if (await (await caches.open(name)).match(url)) return true;
      return false;
    }, `${baseUrl}${path}`);
  await expect.poll(stored, { timeout: 20_000, interval: 200 }).toBe(true);
}

async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.locator(selector).click()]);
}

const offlineNotice = (page: Page) => page.locator('[data-offline]');

describe('offline copies on a 360×640 phone', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await openContext({ bypassCSP: true });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await checker.close();
  });

  it('links a manifest in the page’s language with real icons, and registers the worker on public pages only', async () => {
    await page.goto(`${baseUrl}/en/guides/bulgaria-2024-elections/`);
    expect(await page.locator('link[rel=manifest]').getAttribute('href')).toBe('/en/manifest.webmanifest');
    const response = await fetch(`${baseUrl}/kk/manifest.webmanifest`);
    expect(response.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    const manifest = (await response.json()) as {
      lang: string;
      start_url: string;
      scope: string;
      description: string;
      icons: { src: string; sizes: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({ lang: 'kk', start_url: '/kk/', scope: '/' });
    expect(manifest.description).toContain('Қазақстан');
    expect(manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of manifest.icons) {
      const png = Buffer.from(await (await fetch(`${baseUrl}${icon.src}`)).arrayBuffer());
      // The PNG signature, then IHDR: width and height.
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
    }
    const worker = await fetch(`${baseUrl}/sw.js`);
    expect(worker.headers.get('content-type')).toMatch(/javascript/);
    expect(await worker.text()).not.toContain('__BUILD_VERSION__');

    // The first visit ran before the worker: the page asked it to keep the guide.
    await kept(page, '/en/guides/bulgaria-2024-elections/');
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.active?.scriptURL))).toBe(`${baseUrl}/sw.js`);

    await page.goto(`${baseUrl}/bg/admin/login/`);
    expect(await page.locator('[data-sw], link[rel=manifest]').count()).toBe(0);
  });

  it('opens a guide, the lookup page and the form offline after one visit, each saying it may be out of date', async () => {
    for (const path of ['/en/lookup/', '/bg/mobile-ballot-box/']) {
      await page.goto(`${baseUrl}${path}`);
      expect(await offlineNotice(page).isHidden(), path).toBe(true);
      await kept(page, path);
    }
    await context.setOffline(true);
    try {
      const guide = await page.goto(`${baseUrl}/en/guides/bulgaria-2024-elections/`);
      expect(guide?.status()).toBe(200);
      expect(await page.locator('h1').innerText()).toContain('Bulgaria');
      expect(await offlineNotice(page).innerText()).toContain('may be out of date');
      // Its styles and scripts came from the device too: the notice is styled, and shown by its script.
      expect(await offlineNotice(page).evaluate((notice) => getComputedStyle(notice).borderTopWidth)).toBe('3px');
      // The checkers' rules, fetched after the first visit's load event, were kept too: a checker answers.
      const form = page.locator('form[data-checker="mobile-box"]');
      await form.locator('input[name=cannotReachPollingRoom][value=yes]').check();
      await form.locator('input[name=mobileCommission][value=no]').check();
      await form.getByRole('button').click();
      await form.locator('.checker-answer[data-answer]').waitFor();
      expect(await form.locator('.checker-answer').getAttribute('data-answer')).toBe('election-over');

      await page.goto(`${baseUrl}/en/lookup/`);
      expect(await offlineNotice(page).isVisible()).toBe(true);
      await page.locator('#by-number input[name=country][value=BG]').check();
      await page.locator('#idNumber').fill(BG_ID);
      await page.locator('#by-number button[type=submit]').click();
      expect(await page.locator('[data-lookup-answer="id"]').innerText()).toContain('Finding your polling station needs a connection');
      expect(new URL(page.url()).pathname).toBe('/en/lookup/');
      await checker.expectAccessible(page);

      await page.goto(`${baseUrl}/bg/mobile-ballot-box/`);
      expect(await offlineNotice(page).innerText()).toContain('може да е остаряло');
      expect(await page.locator('[data-offline-send]').innerText()).toContain('заявлението още не може да бъде изпратено');
      await checker.expectAccessible(page);

      // A page never opened has no copy.
      await expect(page.goto(`${baseUrl}/ru/guides/kyrgyzstan-consular-services/`)).rejects.toThrow();
    } finally {
      await context.setOffline(false);
    }
  });

  it('keeps the form’s draft offline across a reload, says it cannot be sent, and deletes the draft once sent online', async () => {
    await page.goto(`${baseUrl}/bg/mobile-ballot-box/`);
    await context.setOffline(true);
    try {
      await page.reload();
      expect(await offlineNotice(page).isVisible()).toBe(true);
      await page.locator('#mb-ballots-1').check();
      await page.locator('#mb-idNumber').fill(formApplicant.idNumber);
      await page.locator('#mb-fullName').fill(formApplicant.fullName);
      await page.locator('#mb-address-district').selectOption('mladost');
      await page.locator('#mb-address-street').fill(formApplicant.street);
      await page.locator('#mb-address-number').fill('8');
      await page.locator('#mb-phone').fill('0888 222 333');
      await page.locator('#mb-declaration').check();
      await page.locator('#mb-consent').check();
      await page.locator('[data-mobile-box-form] button[type=submit]').click();
      expect(new URL(page.url()).pathname).toBe('/bg/mobile-ballot-box/');
      expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-offline-send'))).toBe(true);

      await page.reload();
      expect(await offlineNotice(page).isVisible()).toBe(true);
      expect(await page.locator('#mb-fullName').inputValue()).toBe(formApplicant.fullName);
      // The personal number is never kept in the draft: after the reload the voter types it again.
      expect(await page.locator('#mb-idNumber').inputValue()).toBe('');
      expect(await page.locator('#mb-address-district').inputValue()).toBe('mladost');
      expect(await page.locator('#mb-ballots-1').isChecked()).toBe(true);
      expect(await page.locator('#mb-ballots-0').isChecked()).toBe(false);
      const draft = await page.evaluate(
        (key) => JSON.parse(sessionStorage.getItem(key) ?? 'null') as { savedAt: number; fields: [string, string][] } | null,
        DRAFT_KEY,
      );
      expect(draft?.fields).toContainEqual(['fullName', formApplicant.fullName]);
      expect(JSON.stringify(draft)).not.toContain(formApplicant.idNumber);
      await page.locator('#mb-idNumber').fill(formApplicant.idNumber);
      expect(await page.evaluate((key) => sessionStorage.getItem(key) ?? '', DRAFT_KEY)).not.toContain(formApplicant.idNumber);
      expect(Date.now() - draft!.savedAt).toBeLessThan(60_000);
      expect(await page.evaluate(() => localStorage.length)).toBe(0);
    } finally {
      await context.setOffline(false);
    }

    await page.locator('[data-offline-send]').waitFor({ state: 'hidden' });
    await submit(page, '[data-mobile-box-form] button[type=submit]');
    expect(await page.locator('.summary-list').innerText()).toContain(formApplicant.idNumber);
    await submit(page, '.check-answers .actions button:not(.secondary)');
    expect(await page.locator('[data-mobile-box-sent]').innerText()).toMatch(/[A-Z0-9]{5}-[A-Z0-9]{5}/);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  });

  it('keeps no personal answer: after lookups, a status check and a staff page, the caches hold none of them and no /api/ address', async () => {
    const applied = await fetch(`${baseUrl}/api/mobile-box-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        election: 'bg-2024-06-09',
        ballots: ['ep'],
        citizenship: 'BG',
        idNumber: apiApplicant.idNumber,
        fullName: apiApplicant.fullName,
        address: { district: 'izgrev', street: 'ул. Фредерик Жолио-Кюри', number: '20' },
        phone: '0888 444 555',
        submittedBy: 'self',
        declaration: true,
        consent: true,
      }),
    });
    expect(applied.status).toBe(201);
    const reference = ((await applied.json()) as { requests: { reference: string }[] }).requests[0]!.reference;

    // By number, shown in place (the script fetches the answer page), then posted as a page.
    await page.goto(`${baseUrl}/en/lookup/`);
    await page.locator('#by-number input[name=country][value=BG]').check();
    await page.locator('#idNumber').fill(BG_ID);
    await page.locator('#by-number button[type=submit]').click();
    await page.locator('[data-lookup-answer="id"] .station').waitFor();
    await Promise.all([page.waitForNavigation(), page.locator('form[data-lookup-form="id"]').evaluate((form: HTMLFormElement) => form.submit())]);
    expect(new URL(page.url()).pathname).toBe('/en/lookup/result/');
    await page.locator('.station-number').waitFor();

    // By address, with the suggestions the street field asks the API for.
    await page.goto(`${baseUrl}/bg/lookup/`);
    await page.locator('#by-address input[name=country][value=BG]').check();
    await page.locator('#address-settlement').fill('София');
    const suggestions = page.waitForResponse((response) => response.url().includes('/api/stations/streets'));
    await page.locator('#address-street').fill('Витоша');
    await suggestions;
    await page.locator('#address-number').fill('24');
    await page.locator('#by-address button[type=submit]').click();
    await page.locator('[data-lookup-answer="address"] .station').waitFor();
    // Public, cacheable API answers are not kept either.
    expect(
      await page.evaluate(() => Promise.all(['/api/health', '/api/stations/settlements?country=BG&q=Соф'].map((url) => fetch(url).then((r) => r.status)))),
    ).toEqual([200, 200]);

    // The status page, by reference and number.
    await page.goto(`${baseUrl}/bg/mobile-ballot-box/status/`);
    await page.locator('#status-reference').fill(reference);
    await page.locator('#status-idNumber').fill(apiApplicant.idNumber);
    await submit(page, 'main form button[type=submit]');
    expect(await page.locator('[data-status-answer]').getAttribute('data-status-answer')).toBe('received');

    // A staff page, signed in.
    const city = staff.find((account) => account.email === 'city@demo.voter-desk.local');
    await signInThroughPages(page, baseUrl, city!);
    expect(new URL(page.url()).pathname).toBe('/bg/admin/');
    expect(await page.locator('main').innerText()).toContain('Младост');

    await page.goto(`${baseUrl}/en/`);
    const entries = await cacheEntries(page);
    const paths = entries.map((entry) => new URL(entry.url).pathname + new URL(entry.url).search);
    // What was opened is there (so the checks below look at real content) ...
    expect(paths).toEqual(expect.arrayContaining(['/en/lookup/', '/bg/lookup/', '/bg/mobile-ballot-box/', '/en/guides/bulgaria-2024-elections/']));
    expect(entries.every((entry) => /^voter-desk-(pages|assets)-[0-9a-f]{12}$/.test(entry.cache))).toBe(true);
    // ... and nothing else: no API answer, no answer page, no step of the application, no staff page.
    expect(paths.filter((path) => /\/api\/|\/admin|\/lookup\/(result|address|report)|\/mobile-ballot-box\/(check|print|confirm|status)|\?/.test(path))).toEqual(
      [],
    );
    const personal = [BG_ID, formApplicant.idNumber, formApplicant.fullName, apiApplicant.idNumber, apiApplicant.fullName, reference, city!.email];
    for (const entry of entries) {
      for (const value of personal) expect(entry.body.includes(value), `${value} in ${entry.url}`).toBe(false);
    }
    const pages = entries.filter((entry) => entry.contentType.startsWith('text/html'));
    for (const entry of pages) expect(entry.body, entry.url).not.toMatch(/class="station-number"|data-status-answer|data-mobile-box-sent|name="csrf"/);
  });
});

describe('a guide’s checker offline after one visit on a slow connection', () => {
  it('answers, though its rules arrived after the worker was ready', async () => {
    const context = await openContext({ bypassCSP: true });
    try {
      const page = await context.newPage();
      // The rules, fetched after the load event, take 3 s: longer than the worker takes to be ready.
      await context.route(/\/_astro\/checker-answer\.[\w-]+\.js$/, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 3000));
        await route.continue();
      });
      await page.goto(`${baseUrl}/en/guides/kazakhstan-2026-absentee-certificates/`);
      const stored = () => cacheEntries(page).then((entries) => entries.map((entry) => new URL(entry.url).pathname));
      await expect
        .poll(stored, { timeout: 20_000, interval: 200 })
        .toEqual(
          expect.arrayContaining([
            '/en/guides/kazakhstan-2026-absentee-certificates/',
            expect.stringMatching(/^\/_astro\/OfflineSupport\./),
            expect.stringMatching(/^\/_astro\/checker-answer\./),
          ]),
        );
      await context.setOffline(true);
      await page.reload();
      expect(await offlineNotice(page).isVisible()).toBe(true);
      const form = page.locator('form[data-checker="absentee"]');
      await form.locator('input[name=lostCertificate][value=no]').check();
      await form.locator('input[name=sameSettlement][value=no]').check();
      await form.getByRole('button').click();
      await form.locator('.checker-answer[data-answer]').waitFor();
      // The vote of March 2026 is over by the time this runs.
      expect(await form.locator('.checker-answer').getAttribute('data-answer')).toBe('election-over');
    } finally {
      await context.close();
    }
  });
});
