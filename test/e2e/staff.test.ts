import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityChecker, hasHorizontalScroll, openContext } from './browser';
import { signInThroughPages } from './staff-sign-in';
import { totpCode } from '#functions/staff/totp';

// The district staff's whole day with two new applications, in Bulgarian, on a 360 px phone:
// sign in, accept both, put them on Младост's route, check the addresses, download the list and
// hand it over to the police (СДВР); the police prepare the route (move a stop, set coordinates,
// print, download); the district reads their order; the voters see "assigned". Every staff page
// on the way is checked with axe-core and at 320 px for horizontal scrolling.
const baseUrl = inject('baseUrl');
const staff = inject('demoStaff');
const checker = accessibilityChecker(baseUrl);
const BOM = '\uFEFF';

/** A valid ЕГН from its first nine digits (the tenth is the checksum). */
function egn(first9: string): string {
  const weights = [2, 4, 8, 5, 10, 9, 7, 3, 6];
  const sum = [...first9].reduce((total, digit, index) => total + Number(digit) * weights[index]!, 0) % 11;
  return `${first9}${sum === 10 ? 0 : sum}`;
}

interface Voter {
  idNumber: string;
  fullName: string;
  block: string;
  reference?: string;
}
const voters: Voter[] = [
  { idNumber: egn('470611052'), fullName: 'Божана Кирилова Илиева', block: '118' },
  { idNumber: egn('430928114'), fullName: 'Тодор Ангелов Вълчев', block: '121' },
];

/** Applies through the public API, as the online form does, for the national-assembly ballot. */
async function apply(voter: Voter): Promise<string> {
  const response = await fetch(`${baseUrl}/api/mobile-box-requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      election: 'bg-2024-06-09',
      ballots: ['ns'],
      citizenship: 'BG',
      idNumber: voter.idNumber,
      fullName: voter.fullName,
      address: { district: 'mladost', street: 'ж.к. Младост 1А', block: voter.block, entrance: 'В', floor: '2', apartment: '7' },
      phone: '0888 300 400',
      submittedBy: 'self',
      declaration: true,
      consent: true,
    }),
  });
  expect(response.status).toBe(201);
  const { requests } = (await response.json()) as { requests: { reference: string }[] };
  return requests[0]!.reference;
}

function account(email: string) {
  const found = staff.find((s) => s.email === email);
  if (!found?.password) throw new Error(`no demo password for ${email}`);
  return found;
}

/** The sign-in page, then the code from the account's authenticator app (the second step), both checked. */
async function signIn(page: Page, email: string): Promise<void> {
  await signInThroughPages(page, baseUrl, account(email), checked);
  expect(new URL(page.url()).pathname).not.toMatch(/\/(login|verify)\/$/);
}

async function go(page: Page, path: string): Promise<void> {
  const response = await page.goto(`${baseUrl}${path}`);
  expect(response?.status(), path).toBe(200);
}

async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.locator(selector).click()]);
}

const withoutJavaScript = new WeakSet<Page>();

/** axe-core clean, and no horizontal scrolling at 360 px nor at 320 px. */
async function checked(page: Page): Promise<void> {
  await checker.expectAccessible(page, !withoutJavaScript.has(page));
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: viewport.height });
  expect(await hasHorizontalScroll(page), `${page.url()} at 320 px`).toBe(false);
  await page.setViewportSize(viewport);
}

async function download(page: Page, selector: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  return readFile((await file.path())!);
}

const stopOrder = (page: Page) =>
  page
    .locator('[data-route-stops] tbody tr')
    .evaluateAll((rows) => rows.map((row) => row.querySelector('[data-stop-request]')?.getAttribute('data-stop-request') ?? ''));

describe('the staff area', () => {
  let context: BrowserContext;
  let page: Page;
  let sectionPath = '';
  /** The suggested order the district saw, before the police prepared the route. */
  let suggested: string[] = [];
  beforeAll(async () => {
    for (const voter of voters) voter.reference = await apply(voter);
    // The officer's browser runs no JavaScript: every step is a plain form or link.
    context = await openContext({ bypassCSP: true, javaScriptEnabled: false });
    page = await context.newPage();
    withoutJavaScript.add(page);
  });
  afterAll(async () => {
    await context?.close();
    await checker.close();
  });

  it('a Младост officer accepts two requests, registers them on the route, checks the list and hands it over to the police', async () => {
    await signIn(page, 'mladost@demo.voter-desk.local');
    await checked(page);
    await go(page, '/bg/admin/summary/');
    await checked(page);
    await go(page, '/bg/admin/requests/new/');
    await checked(page);

    for (const voter of voters) {
      await go(page, '/bg/admin/');
      const row = page.locator(`[data-request-row="${voter.reference}"]`);
      expect(await row.getAttribute('data-status')).toBe('received');
      await Promise.all([page.waitForNavigation(), row.locator('a').click()]);
      expect(await page.locator('main').innerText()).toContain(voter.fullName);
      await checked(page);
      await submit(page, 'form[data-decision=accept] button[type=submit]');
      expect(await page.locator('h1[data-request]').getAttribute('data-status')).toBe('accepted');
    }

    await go(page, '/bg/admin/sections/');
    await checked(page);
    const link = page.locator('[data-section-district=mladost] [data-section-link]');
    await Promise.all([page.waitForNavigation(), link.click()]);
    sectionPath = new URL(page.url()).pathname;
    expect(await page.locator('h1[data-section]').innerText()).toContain('Младост');
    await checked(page);

    for (const voter of voters) await page.locator(`[data-register-request="${voter.reference}"]`).check();
    await submit(page, '[data-register-submit]');
    expect(await page.locator('[data-section-done]').getAttribute('data-section-done')).toBe('registered');
    const computed = await stopOrder(page);
    expect([...computed].sort()).toEqual(voters.map((v) => v.reference).sort());
    suggested = computed;
    // The order is the police's: the district reads it and checks the addresses, and moves nothing.
    expect(await page.locator('[data-order]').getAttribute('data-order')).toBe('police');
    expect(await page.locator('[data-move-up], [data-move-down], [data-stop-location]').count()).toBe(0);
    expect(await page.locator('[data-remove-link]').count()).toBe(2);
    await checked(page);

    const csv = (await download(page, '[data-download=csv]')).toString('utf8');
    expect(csv.startsWith(BOM)).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('"№","Номер на заявление","Заявления по образец","Име, презиме, фамилия","Адрес","Район","Телефон","Бележки"');
    const byReference = new Map(voters.map((v) => [v.reference!, v]));
    const rows = lines.slice(1);
    expect(rows).toHaveLength(2);
    rows.forEach((line, index) => {
      const voter = byReference.get(computed[index]!)!;
      expect(line).toBe(
        `"${index + 1}","${voter.reference}","31-НС","${voter.fullName}","ж.к. Младост 1А, бл. ${voter.block}, вх. В, ет. 2, ап. 7","Младост","0888 300 400",""`,
      );
    });
    expect(csv).not.toContain(voters[0]!.idNumber);

    // Seed 004, line 137: the district hands the addresses over to СДВР.
    expect(await page.locator('[data-handover-state]').getAttribute('data-handover-state')).toBe('not-sent');
    await submit(page, '[data-handover-submit]');
    expect(await page.locator('[data-handover-state]').getAttribute('data-handover-state')).toBe('sent');
    expect(await page.locator('[data-section-done]').innerText()).toContain('СДВР');
    await checked(page);

    await go(page, '/en/admin/sections/');
    await checked(page);
    await go(page, sectionPath.replace('/bg/', '/en/'));
    await checked(page);
  }, 180_000); // about 30 s alone: a dozen pages, each checked by axe-core twice

  it('seed 004, line 137 ("Директорът на СДВР ще изготви специализирани маршрути"): the police prepare the route handed over to them: move a stop, set coordinates, print and download', async () => {
    const police = await openContext({ bypassCSP: true, javaScriptEnabled: false });
    const policePage = await police.newPage();
    withoutJavaScript.add(policePage);
    await signIn(policePage, 'police@demo.voter-desk.local');
    expect(await policePage.locator('[data-police-landing]').count()).toBe(1);
    await checked(policePage);
    await go(policePage, '/bg/admin/sections/');
    expect(await policePage.locator('[data-section-district=mladost]').getAttribute('data-handed-over')).toBe('yes');
    await checked(policePage);
    await Promise.all([policePage.waitForNavigation(), policePage.locator('[data-section-district=mladost] [data-section-link]').click()]);
    expect(await policePage.locator('[data-order]').getAttribute('data-order')).toBe('computed');
    // Where to go only: no names, phones or references on the police's page.
    const text = await policePage.locator('main').innerText();
    for (const voter of voters) for (const secret of [voter.fullName, voter.reference!, voter.idNumber, '0888 300 400']) expect(text).not.toContain(secret);
    expect(await policePage.locator('[data-register-form], [data-handover-form], [data-remove-link]').count()).toBe(0);
    await checked(policePage);

    // The police know the streets better than the suggested order: the second stop goes first.
    const addresses = () => policePage.locator('[data-route-stops] tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-stop')));
    const before = await addresses();
    await submit(policePage, `[data-move-up="${before[1]}"]`);
    expect(await addresses()).toEqual([before[1], before[0]]);
    expect(await policePage.locator('[data-order]').getAttribute('data-order')).toBe('kept');

    // Coordinates for both stops (a decimal comma is fine): the map files and the sketch follow.
    const places = [
      ['42,6512', '23.3721'],
      ['42.6498', '23.3760'],
    ] as const;
    for (const [index, [lat, lon]] of places.entries()) {
      const id = await policePage.locator('[data-route-stops] tbody tr').nth(index).getAttribute('data-stop');
      await policePage.locator(`[data-stop-location="${id}"] summary`).click();
      await policePage.locator(`#stop-${id}-lat`).fill(lat);
      await policePage.locator(`#stop-${id}-lon`).fill(lon);
      await submit(policePage, `[data-locate-submit="${id}"]`);
      expect(await policePage.locator('[data-section-done]').getAttribute('data-section-done')).toBe('located');
    }
    expect(await addresses()).toEqual([before[1], before[0]]);
    await checked(policePage);
    const geoJson = JSON.parse((await download(policePage, '[data-download=geojson]')).toString('utf8')) as {
      features: { geometry: { type: string; coordinates: unknown } }[];
    };
    const points = geoJson.features.filter((f) => f.geometry.type === 'Point').map((f) => f.geometry.coordinates);
    expect(points).toEqual(
      expect.arrayContaining([
        [23.3721, 42.6512],
        [23.376, 42.6498],
      ]),
    );
    const list = (await download(policePage, '[data-download=csv]')).toString('utf8');
    expect(list.slice(1).split('\r\n')[0]).toBe('"№","Адрес","Район","Подвижна секция"');

    await go(policePage, `${sectionPath}print/`);
    expect(await policePage.locator('[data-sheet-stop]').count()).toBe(2);
    expect(await policePage.locator('[data-route-sketch] svg').count()).toBe(1);
    expect(await policePage.locator('[data-route-signatures]').count()).toBe(1);
    await checked(policePage);

    // Only the lists handed over to them: Младост's.
    await go(policePage, '/bg/admin/sections/');
    const files = unzipSync(new Uint8Array(await download(policePage, '[data-routes-zip]')));
    const lists = Object.values(files).map((bytes) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
    expect(lists).toHaveLength(1);
    expect(lists[0]!.split('\r\n').slice(0, 2)).toEqual([
      `${BOM}"№","Адрес","Район","Подвижна секция"`,
      expect.stringMatching(/^"1","ж\.к\. Младост 1А, бл\. \d+, вх\. В, ет\. 2, ап\. 7","Младост",/),
    ]);
    await police.close();

    // The district reads the police's order, still without a way to change it.
    await go(page, sectionPath);
    expect(await page.locator('[data-order]').getAttribute('data-order')).toBe('police');
    expect(await stopOrder(page)).toEqual([suggested[1], suggested[0]]);
    expect(await page.locator('[data-changed-after-handover]').count()).toBe(0);
  }, 180_000);

  it('each applicant’s status page says the request is assigned to the mobile polling station', async () => {
    const voterContext = await openContext({ bypassCSP: true });
    const voterPage = await voterContext.newPage();
    for (const voter of voters) {
      await voterPage.goto(`${baseUrl}/bg/mobile-ballot-box/status/`);
      await voterPage.locator('#status-reference').fill(voter.reference!);
      await voterPage.locator('#status-idNumber').fill(voter.idNumber);
      await submit(voterPage, 'main form button[type=submit]');
      const answer = voterPage.locator('[data-status-answer]');
      expect(await answer.getAttribute('data-status-answer')).toBe('assigned');
      expect(await answer.innerText()).toContain('подвижна секция');
    }
    await voterContext.close();
  });

  it('a new officer enrols an authenticator app at the first sign-in without JavaScript, keeps the recovery codes, and signs in with one later', async () => {
    const officer = inject('newStaff');
    const context = await openContext({ bypassCSP: true, javaScriptEnabled: false });
    const officerPage = await context.newPage();
    withoutJavaScript.add(officerPage);
    await officerPage.goto(`${baseUrl}/bg/admin/login/`);
    await officerPage.locator('#login-email').fill(officer.email);
    await officerPage.locator('#login-password').fill(officer.password);
    await submit(officerPage, '[data-staff-login] button[type=submit]');
    expect(new URL(officerPage.url()).pathname).toBe('/bg/admin/enrol/');
    await checked(officerPage);
    // Without JavaScript the passkey is not offered; the authenticator app is.
    expect(await officerPage.locator('[data-passkey]').isVisible()).toBe(false);
    expect(await officerPage.locator('[data-totp-uri]').getAttribute('href')).toMatch(
      /^otpauth:\/\/totp\/Voter%20Desk:new-officer%40demo\.voter-desk\.local\?/,
    );
    // Until it has a second factor, the account reaches no staff page.
    await officerPage.goto(`${baseUrl}/bg/admin/`);
    expect(new URL(officerPage.url()).pathname).toBe('/bg/admin/enrol/');
    const secret = (await officerPage.locator('[data-totp-secret]').innerText()).replace(/\s/g, '');

    await officerPage.locator('#enrol-code').fill('000000');
    await submit(officerPage, '[data-enrol-totp] button[type=submit]');
    expect(await officerPage.locator('[data-error-summary]').innerText()).toContain('Кодът е грешен');
    await checked(officerPage);

    await officerPage.locator('#enrol-code').fill(totpCode(secret, Date.now()));
    await submit(officerPage, '[data-enrol-totp] button[type=submit]');
    const codes = await officerPage.locator('[data-recovery-codes] li').allInnerTexts();
    expect(codes).toHaveLength(10);
    await checked(officerPage);
    await submit(officerPage, '[data-recovery-continue]');
    expect(new URL(officerPage.url()).pathname).toBe('/bg/admin/');

    await go(officerPage, '/bg/admin/sessions/');
    await checked(officerPage);
    expect(await officerPage.locator('[data-sessions] tbody tr').count()).toBe(1);
    await submit(officerPage, '[data-staff-signout] button');

    // The phone is not at hand: a recovery code, once.
    await officerPage.goto(`${baseUrl}/bg/admin/login/`);
    await officerPage.locator('#login-email').fill(officer.email);
    await officerPage.locator('#login-password').fill(officer.password);
    await submit(officerPage, '[data-staff-login] button[type=submit]');
    expect(new URL(officerPage.url()).pathname).toBe('/bg/admin/verify/');
    await officerPage.locator('.sign-in-option summary').click();
    await officerPage.locator('#verify-recovery').fill(codes[0]!.toLowerCase());
    await submit(officerPage, '[data-verify-recovery] button[type=submit]');
    expect(new URL(officerPage.url()).pathname).toBe('/bg/admin/');
    await context.close();
  });

  it('the city reads the audit log of all of it', async () => {
    const city = await openContext({ bypassCSP: true });
    const cityPage = await city.newPage();
    await signIn(cityPage, 'city@demo.voter-desk.local');
    await go(cityPage, '/bg/admin/audit/');
    await checked(cityPage);
    const actions = await cityPage.locator('[data-audit-entry]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')));
    for (const action of ['request.decide', 'section.register', 'section.reorder', 'route.download', 'section.handover']) expect(actions).toContain(action);
    // The police read the applicants' addresses on the route page (HTML, not the API): each read is in the log under their account.
    const routeReaders = await cityPage
      .locator('[data-audit-entry][data-action="route.read"]')
      .evaluateAll((rows) => rows.map((row) => row.children[1]?.textContent?.trim()));
    expect(routeReaders).toContain('police@demo.voter-desk.local');
    expect(await cityPage.locator('[data-audit-log]').innerText()).not.toContain(voters[0]!.fullName);
    await city.close();
  });
});
