import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Locale } from '#core/i18n';
import { startDevServer, type DevServer } from '#scripts/dev-server';
import { run } from '#scripts/env';
import { localLimitVars } from '#scripts/local-limits';
import { accessibilityChecker, openContext, unmarkedBrandNames } from './browser';

// Issue 22: with no election of the municipality open, /<locale>/mobile-ballot-box/ says when the
// last one closed and where to follow the next, and offers no form. This file starts a server of
// its own on the suite's build, with its own local D1, whose clock (NOW, honoured in development
// and tests only) stands after Sofia 2024's late deadline (3 June 2024), well within the 90 days
// after voting day that its requests are kept, so the status page still answers.
const CLOSED_NOW = '2024-06-20T10:00:00+03:00';

// Written out by hand: the day in the case each sentence asks for (issue 25).
const CLOSED: Record<Locale, string> = {
  bg: 'Заявленията за тези избори се приемаха до края на 3 юни 2024 г.',
  en: 'Applications for this election closed at the end of 3 June 2024.',
  ru: 'Заявления на эти выборы принимались до конца дня 3 июня 2024 г.',
  ky: 'Бул шайлоого арыздар 2024-жылдын 3-июнунун аягына чейин кабыл алынган.',
  kk: 'Бұл сайлауға өтініштер 2024 жылғы 3 маусымның соңына дейін қабылданды.',
};
// The municipality's phone for questions (content/areas/bg-sofia.json), as each language asks the reader to call.
const CALL: Record<Locale, string> = {
  bg: 'Обадете се на 02 904 1351',
  en: 'Call 02 904 1351',
  ru: 'Позвоните по номеру 02 904 1351',
  ky: '02 904 1351 номерине чалыңыз',
  kk: '02 904 1351 нөміріне қоңырау шалыңыз',
};
const LOCALES = Object.keys(CLOSED) as Locale[];

let server: DevServer;
let baseUrl = '';
let checker: ReturnType<typeof accessibilityChecker>;
let context: BrowserContext;

beforeAll(async () => {
  const persistTo = await mkdtemp(join(tmpdir(), 'voter-desk-e2e-closed-'));
  await run('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo], { CI: 'true' });
  server = await startDevServer({ persistTo, vars: { NOW: CLOSED_NOW, ...localLimitVars({ LOOKUP: 200, MOBILE_BOX: 200, REPORT: 100 }) } });
  baseUrl = server.baseUrl;
  checker = accessibilityChecker(baseUrl);
  context = await openContext({ javaScriptEnabled: false, bypassCSP: true });
}, 150_000);
afterAll(async () => {
  await context?.close();
  await checker?.close();
  server?.stop();
});

describe('no election open in the municipality', () => {
  it.each(LOCALES)('%s: the page says when the last one closed and where to follow the next, with no form', async (locale) => {
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl}/${locale}/mobile-ballot-box/`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('[data-window="closed"]').innerText()).toContain(CLOSED[locale]);
    expect(await page.locator('[data-mobile-box-form]').count()).toBe(0);
    const next = page.locator('[data-next-vote]');
    expect(await next.count()).toBe(1);
    const links = await next.locator('a').evaluateAll((anchors) => anchors.map((a) => ({ text: a.textContent?.trim(), href: a.getAttribute('href') })));
    expect(links).toContainEqual({ text: expect.stringContaining(CALL[locale]), href: 'tel:+35929041351' });
    await checker.expectAccessible(page, false);
    await page.close();
  });

  it.each(LOCALES)('%s: the status page still takes a reference while the requests are kept', async (locale) => {
    const page = await context.newPage();
    expect((await page.goto(`${baseUrl}/${locale}/mobile-ballot-box/status/`))?.status()).toBe(200);
    expect(await page.locator('#status-reference').count()).toBe(1);
    expect(await page.locator('#status-idNumber').count()).toBe(1);
    await page.close();
  });
});

describe('the brand name in a field hint (issue 25)', () => {
  // The staff sign-in's code field says which entry of the authenticator app to read: "Voter Desk".
  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s: the sign-in code hint marks "Voter Desk" as English', async (locale) => {
    const main = inject('baseUrl');
    const staff = inject('demoStaff').find((account) => account.password);
    expect(staff).toBeDefined();
    // A context of its own: a sign-in left at the code step would carry over to the next language.
    const own = await openContext({ javaScriptEnabled: false, bypassCSP: true });
    const page = await own.newPage();
    await page.goto(`${main}/${locale}/admin/login/`);
    await page.locator('#login-email').fill(staff!.email);
    await page.locator('#login-password').fill(staff!.password!);
    await Promise.all([page.waitForNavigation(), page.locator('[data-staff-login] button[type=submit]').click()]);
    expect(new URL(page.url()).pathname).toBe(`/${locale}/admin/verify/`);
    expect(await page.locator('#verify-code-hint [lang="en"]').innerText()).toBe('Voter Desk');
    expect(await unmarkedBrandNames(page)).toEqual([]);
    await own.close();
  });
});
