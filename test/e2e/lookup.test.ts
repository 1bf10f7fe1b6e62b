import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { demoData } from '#scripts/seed/demo-data';
import { accessibilityChecker, openContext } from './browser';

const baseUrl = inject('baseUrl');
const [bg, kg, kz] = demoData();
const BG_ID = bg!.register[0]![0]!;
const BG_STATION = bg!.register[0]![1]!;

const checker = accessibilityChecker(baseUrl);
const expectAccessible = checker.expectAccessible;
afterAll(checker.close);

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('lookup on a 360×640 phone %s', (_label, javaScriptEnabled) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await openContext({ javaScriptEnabled, bypassCSP: true });
  });
  afterAll(async () => context?.close());

  it('by personal number: finds the station, with number, address, hours, access and map links', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/lookup/`);
    await expectAccessible(page, javaScriptEnabled);
    await page.locator('#by-number input[name=country][value=BG]').check();
    await page.locator('#idNumber').fill(BG_ID);
    await page.locator('#by-number button[type=submit]').click();
    const answer = page.locator('[data-lookup-answer="id"] .station');
    await answer.waitFor();
    expect(new URL(page.url()).pathname).toBe(javaScriptEnabled ? '/en/lookup/' : '/en/lookup/result/');
    expect(page.url()).not.toContain(BG_ID);
    expect(await answer.locator('.station-number').innerText()).toBe(BG_STATION);
    expect(await answer.innerText()).toContain('07:00–20:00');
    expect(await answer.locator('a[href^="geo:"]').count()).toBe(1);
    expect(await answer.locator('a[href^="https://www.openstreetmap.org/"]').count()).toBe(1);
    expect(await answer.locator('a[href="/en/guides/bulgaria-2024-elections/"]').count()).toBe(1);
    await expectAccessible(page, javaScriptEnabled);
    await page.close();
  });

  it('by personal number: a mistyped number gets an error summary linking to the field', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/ky/lookup/`);
    await page.locator('#by-number input[name=country][value=KG]').check();
    await page.locator('#idNumber').fill('31203198701310');
    await page.locator('#by-number button[type=submit]').click();
    const summary = page.locator('[data-error-summary]');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('ПИН 1 же 2 менен башталат');
    expect(await page.locator('#idNumber').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#idNumber-error').innerText()).toContain('ПИН 1 же 2 менен башталат');
    if (javaScriptEnabled) expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary'))).toBe(true);
    await summary.locator('a').click();
    expect(await page.evaluate(() => location.hash)).toBe('#idNumber');
    await expectAccessible(page, javaScriptEnabled);
    await page.close();
  });

  it('by address: goes down to the house number and names the station for that side of the street', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/bg/lookup/`);
    await page.locator('#by-address input[name=country][value=BG]').check();
    await page.locator('#address-settlement').fill('София');
    await page.locator('#address-street').fill('Витоша');
    await page.locator('#address-number').fill('24');
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    await page.locator('#by-address button[type=submit]').click();
    const stations = page.locator('[data-lookup-answer="address"] .station');
    await stations.first().waitFor();
    // The address is posted: neither the page's URL nor any request URL holds the house number.
    expect(page.url()).not.toMatch(/number=|Витоша|%D0/);
    expect(urls.filter((url) => /number=24|number%3D24/.test(url))).toEqual([]);
    expect(await stations.count()).toBe(1);
    expect(await stations.first().locator('.station-number').innerText()).toBe('244601003');
    expect(await stations.first().innerText()).toContain('четни 2–200');
    await expectAccessible(page, javaScriptEnabled);
    await page.close();
  });

  it('by address typed in Latin: "Sofia, Vitosha 24" finds the same station as the Cyrillic', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/lookup/`);
    await page.locator('#by-address input[name=country][value=BG]').check();
    if (javaScriptEnabled) {
      // Suggestions come in the script that is typed, the official name as the label.
      await page.locator('#address-settlement').pressSequentially('Sof');
      await page.waitForFunction(() => [...document.querySelectorAll('#settlement-options option')].some((o) => (o as HTMLOptionElement).value === 'Sofia'));
      expect(await page.locator('#settlement-options option[value="Sofia"]').getAttribute('label')).toBe('София');
      await page.locator('#address-settlement').fill('Sofia');
      await page.locator('#address-street').pressSequentially('bul. Vit');
      await page.waitForFunction(() => [...document.querySelectorAll('#street-options option')].some((o) => (o as HTMLOptionElement).value === 'bul. Vitosha'));
    } else {
      await page.locator('#address-settlement').fill('Sofia');
    }
    await page.locator('#address-street').fill('Vitosha');
    await page.locator('#address-number').fill('24');
    await page.locator('#by-address button[type=submit]').click();
    const stations = page.locator('[data-lookup-answer="address"] .station');
    await stations.first().waitFor();
    expect(await stations.count()).toBe(1);
    expect(await stations.first().locator('.station-number').innerText()).toBe('244601003');
    await expectAccessible(page, javaScriptEnabled);
    await page.close();
  });

  it('near me: explains the rule, and lists nearby stations only with JavaScript and after the button', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/kk/lookup/`);
    expect(await page.locator('#near-me .notice').innerText()).toContain('есептен шығару куәлігіңіз');
    if (!javaScriptEnabled) {
      expect(await page.locator('[data-near-nojs]').isVisible()).toBe(true);
      expect(await page.locator('[data-near-button]').isVisible()).toBe(false);
    }
    await page.close();
  });
});

describe('near me with a location', () => {
  it('asks for the position only on the button and lists stations with distances', async () => {
    const [latitude, longitude] = [Number(kz!.stations[0]![6]), Number(kz!.stations[0]![7])];
    const context = await openContext({ geolocation: { latitude, longitude }, bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.addInitScript(() => {
        const original = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);
        (window as unknown as { geoCalls: number }).geoCalls = 0;
        navigator.geolocation.getCurrentPosition = (...args: Parameters<Geolocation['getCurrentPosition']>) => {
          (window as unknown as { geoCalls: number }).geoCalls++;
          original(...args);
        };
      });
      await page.goto(`${baseUrl}/kk/lookup/`);
      expect(await page.evaluate(() => (window as unknown as { geoCalls: number }).geoCalls)).toBe(0);
      const requests: { url: string; body: string | null }[] = [];
      page.on('request', (request) => requests.push({ url: request.url(), body: request.postData() }));
      await page.locator('[data-near-button]').click();
      await page.locator('[data-near-results] li').first().waitFor();
      // The position travels in a POST body, rounded to about 100 m; no URL carries it.
      const near = requests.find((r) => r.url.endsWith('/api/stations/near'))!;
      expect(JSON.parse(near.body!)).toEqual({ lat: Math.round(latitude * 1000) / 1000, lon: Math.round(longitude * 1000) / 1000, limit: 5 });
      expect(requests.map((r) => r.url).join(' ')).not.toMatch(new RegExp(`${String(latitude).slice(0, 5)}|${String(longitude).slice(0, 5)}`));
      expect(await page.locator('[data-near-results] li').count()).toBe(5);
      expect(await page.locator('[data-near-results] li').first().innerText()).toContain('№ 101');
      expect(await page.locator('[data-near-status]').innerText()).toMatch(/5/);
      expect(await page.locator('[data-near-exact]').isVisible()).toBe(true);
      await expectAccessible(page);
    } finally {
      await context.close();
    }
  });
});

/** Opens the lookup page and posts the address form (addresses never travel in a URL). */
async function searchAddress(page: Page, locale: string, [country, settlement, street, number]: [string, string, string, string]) {
  await page.goto(`${baseUrl}/${locale}/lookup/`);
  await page.locator(`#by-address input[name=country][value=${country}]`).check();
  await page.locator('#address-settlement').fill(settlement);
  await page.locator('#address-street').fill(street);
  await page.locator('#address-number').fill(number);
  await page.locator('#by-address button[type=submit]').click();
}

describe('report a problem with this answer', () => {
  it('sends the report from the result, with JavaScript, and confirms it', async () => {
    const context = await openContext({ bypassCSP: true });
    try {
      const page = await context.newPage();
      await searchAddress(page, 'ru', ['KG', 'Бишкек', 'Чүй проспекти', '7']);
      const station = page.locator('[data-lookup-answer="address"] .station').first();
      await station.waitFor();
      expect(await station.locator('.station-number').innerText()).toBe(kg!.ranges[0]![5]);
      await station.locator('summary').click();
      await station.locator('textarea').fill('Вход со двора, а не с проспекта.');
      await station.locator('form[data-report] button').click();
      await station.locator('[data-report-outcome]:not(:empty)').waitFor();
      expect(await station.locator('[data-report-outcome]').innerText()).toMatch(/^Спасибо\. Ваше сообщение \(номер \d+\)/);
    } finally {
      await context.close();
    }
  });

  it('works without JavaScript too', async () => {
    const context = await openContext({ javaScriptEnabled: false, bypassCSP: true });
    try {
      const page = await context.newPage();
      await searchAddress(page, 'en', ['KZ', 'Алматы', 'Абай даңғылы', '2']);
      const station = page.locator('.station').first();
      await station.locator('summary').click();
      await station.locator('input[name=kind][value=access]').check();
      await station.locator('input[name=contact]').fill('+7 700 000 00 00');
      await station.locator('form[data-report] button').click();
      // Forgot the details: the error names the field, and what was typed is still there.
      await page.locator('[data-error-summary]').waitFor();
      expect(await page.locator('[data-error-summary]').innerText()).toContain('Fill in “What is wrong?”.');
      // The summary links to the field, whose id comes from the same station.
      const href = await page.locator('[data-error-summary] a').getAttribute('href');
      expect(await page.locator(href!).evaluate((el) => el.tagName)).toBe('TEXTAREA');
      expect(await page.locator('input[name=contact]').inputValue()).toBe('+7 700 000 00 00');
      expect(await page.locator('input[name=kind][value=access]').isChecked()).toBe(true);
      await expectAccessible(page, false);
      await page.locator('textarea').fill('The ramp is closed.');
      await page.locator('form[data-report] button').click();
      await page.locator('.panel').waitFor();
      expect(await page.locator('.panel').innerText()).toMatch(/^Thank you\. Your report \(reference \d+\)/);
      await expectAccessible(page, false);
    } finally {
      await context.close();
    }
  });
});
