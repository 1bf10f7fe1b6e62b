import { enrolThroughPages } from '#test/e2e/staff-sign-in';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityChecker, openContext } from '#test/e2e/browser';
import { LOCALES, type Locale } from '#core/i18n';

// A vote added as data only: the invented election test/fixtures/content/elections/
// test-2024-05-12-pvr.json (one ballot, `pvr`, form 30-ПВР) in the invented municipality
// Примерово, with the server's clock inside its window (global-setup.ts). Without JavaScript,
// in Bulgarian (the form, the status page and the staff list also in the other four languages),
// on a 360 px phone: the voter picks the municipality, applies, applies again
// (answered like the first), checks the status; the district officer reviews and registers the voter on the section the
// data names; the police download the lists.
const baseUrl = inject('campaignBaseUrl');
const staff = inject('campaignStaff');
const checker = accessibilityChecker(baseUrl);
const ELECTION = 'test-2024-05-12-pvr';

/** A valid ЕГН from its first nine digits (the tenth is the checksum). */
function egn(first9: string): string {
  const weights = [2, 4, 8, 5, 10, 9, 7, 3, 6];
  const sum = [...first9].reduce((total, digit, index) => total + Number(digit) * weights[index]!, 0) % 11;
  return `${first9}${sum === 10 ? 0 : sum}`;
}
const VOTER = { idNumber: egn('500505050'), fullName: 'Ганка Петрова Примерова' };

// What each language's form says of the one ballot and the districts, from the data files (written out by hand).
const IN_EVERY_LOCALE: Record<Locale, { ballot: string; districts: string[] }> = {
  bg: { ballot: 'Президент и вицепрезидент (Приложение № 30-ПВР)', districts: ['Север', 'Юг', 'Изток'] },
  en: { ballot: 'President and Vice-President (form № 30-ПВР)', districts: ['North', 'South', 'East'] },
  ru: { ballot: 'Президент и вице-президент (приложение № 30-ПВР)', districts: ['Север', 'Юг', 'Восток'] },
  ky: { ballot: 'Президент жана вице-президент (№ 30-ПВР тиркеме)', districts: ['Түндүк', 'Түштүк', 'Чыгыш'] },
  kk: { ballot: 'Президент және вице-президент (№ 30-ПВР қосымша)', districts: ['Солтүстік', 'Оңтүстік', 'Шығыс'] },
};

async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.locator(selector).click()]);
}

async function fillApplication(page: Page): Promise<void> {
  await page.locator('#mb-ballots-0').check();
  await page.locator('#mb-idNumber').fill(VOTER.idNumber);
  await page.locator('#mb-fullName').fill(VOTER.fullName);
  await page.locator('#mb-address-district').selectOption('sever');
  await page.locator('#mb-address-street').fill('ул. Първа');
  await page.locator('#mb-address-number').fill('3');
  await page.locator('#mb-phone').fill('0888 505 050');
  await page.locator('#mb-declaration').check();
  await page.locator('#mb-consent').check();
}

describe('a campaign that exists only as data', () => {
  let context: BrowserContext;
  let page: Page;
  let reference = '';
  beforeAll(async () => {
    context = await openContext({ javaScriptEnabled: false, bypassCSP: true });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await checker.close();
  });

  it('the voter chooses the municipality, sees the election’s own ballot and form, applies and checks the status', async () => {
    await page.goto(`${baseUrl}/bg/mobile-ballot-box/`);
    // Three municipalities take applications in this build: the choice comes first.
    const areas = await page.locator('[data-area-choice] a').evaluateAll((links) => links.map((a) => a.getAttribute('data-area')));
    expect(areas.sort()).toEqual(['bg-drugovo', 'bg-primerovo', 'bg-sofia']);
    await checker.expectAccessible(page, false);
    await submit(page, '[data-area="bg-primerovo"]');

    expect(await page.locator('[data-campaign]').getAttribute('data-campaign')).toBe(ELECTION);
    expect(await page.locator('[data-window="open"]').count()).toBe(1);
    const ballots = await page.locator('input[name=ballots]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(ballots).toEqual(['pvr']);
    expect(await page.locator('main').innerText()).toContain('Президент и вицепрезидент (Приложение № 30-ПВР)');
    const districts = await page
      .locator('#mb-address-district option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(districts).toEqual(['sever', 'yug', 'iztok']);
    await checker.expectAccessible(page, false);

    // The invented municipality names no video: the page shows none.
    expect(await page.locator('[data-area-videos]').count()).toBe(0);
    // The declaration is required: left out, the form says so beside it.
    await fillApplication(page);
    await page.locator('#mb-declaration').uncheck();
    await submit(page, '[data-mobile-box-form] button[type=submit]');
    expect(await page.locator('[data-error-summary] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(['#mb-declaration']);
    await checker.expectAccessible(page, false);
    await page.locator('#mb-declaration').check();
    await submit(page, '[data-mobile-box-form] button[type=submit]');
    expect(await page.locator('.check-answers').count()).toBe(1);
    await checker.expectAccessible(page, false);
    await submit(page, '.check-answers button[type=submit]:not([formaction])');
    const sent = page.locator('[data-mobile-box-sent]');
    expect(await sent.innerText()).toContain('30-ПВР');
    reference = /([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(await sent.innerText())![1]!;
    await checker.expectAccessible(page, false);

    // The same application again: answered like the first, with a reference of its own (nothing
    // says that one was made before); for the staff it is folded into the first.
    await page.goto(`${baseUrl}/bg/mobile-ballot-box/?area=bg-primerovo`);
    await fillApplication(page);
    await submit(page, '[data-mobile-box-form] button[type=submit]');
    await submit(page, '.check-answers button[type=submit]:not([formaction])');
    expect(await page.locator('[data-error-summary]').count()).toBe(0);
    const again = /([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(await page.locator('[data-mobile-box-sent]').innerText())![1]!;
    expect(again).not.toBe(reference);

    await page.goto(`${baseUrl}/bg/mobile-ballot-box/status/`);
    await page.locator('#status-reference').fill(reference);
    await page.locator('#status-idNumber').fill(VOTER.idNumber);
    await submit(page, 'main form button[type=submit]');
    expect(await page.locator('[data-status-answer]').getAttribute('data-status-answer')).toBe('received');
    expect(await page.locator('[data-received-on]').innerText()).toBe('Получено на 20 април 2024 г.');
    await page.goto(`${baseUrl}/bg/mobile-ballot-box/status/`);
    await page.locator('#status-reference').fill(again);
    await page.locator('#status-idNumber').fill(VOTER.idNumber);
    await submit(page, 'main form button[type=submit]');
    expect(await page.locator('[data-status-answer]').getAttribute('data-status-answer')).toBe('received');
  });

  it.each(LOCALES)('%s: the form offers the election’s one ballot and the districts in that language; the status page answers', async (locale) => {
    await page.goto(`${baseUrl}/${locale}/mobile-ballot-box/?area=bg-primerovo`);
    expect(await page.locator('html').getAttribute('lang')).toBe(locale);
    expect(await page.locator('[data-campaign]').getAttribute('data-campaign')).toBe(ELECTION);
    expect(await page.locator('input[name=ballots]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual(['pvr']);
    expect(await page.locator('[data-ballot-rules]').innerText()).toContain(IN_EVERY_LOCALE[locale].ballot);
    const districts = await page
      .locator('#mb-address-district option')
      .evaluateAll((options) => options.filter((o) => (o as HTMLOptionElement).value).map((o) => o.textContent?.trim()));
    expect(districts).toEqual(IN_EVERY_LOCALE[locale].districts);
    await checker.expectAccessible(page, false);

    await page.goto(`${baseUrl}/${locale}/mobile-ballot-box/status/`);
    await page.locator('#status-reference').fill(reference);
    await page.locator('#status-idNumber').fill(VOTER.idNumber);
    await submit(page, 'main form button[type=submit]');
    expect(await page.locator('[data-status-answer]').getAttribute('data-status-answer')).toBe('received');
    await checker.expectAccessible(page, false);
  });

  it('the district officer of Примерово reviews it and registers the voter on the section the data names; the police download the lists', async () => {
    const officer = staff.find((account) => account.email.startsWith('sever@'))!;
    // Its first sign-in: the account `npm run user:add` saved enrols an authenticator app.
    await enrolThroughPages(page, baseUrl, officer);
    expect(new URL(page.url()).pathname).toBe('/bg/admin/');
    expect(await page.locator('[data-election-chooser] select').inputValue()).toBe(ELECTION);

    // An application that came by post the day before: entered with its date of receipt and incoming number.
    await page.goto(`${baseUrl}/bg/admin/requests/new/`);
    await checker.expectAccessible(page, false);
    await page.locator('#mb-channel-1').check();
    await page.locator('#mb-receivedOn').fill('2024-04-19');
    await page.locator('#mb-incomingNumber').fill('ПР-24-017');
    await page.locator('#mb-ballots-0').check();
    await page.locator('#mb-idNumber').fill(egn('510606060'));
    await page.locator('#mb-fullName').fill('Иван Петров Примеров');
    await page.locator('#mb-address-street').fill('ул. Втора');
    await page.locator('#mb-address-number').fill('8');
    await page.locator('#mb-phone').fill('0888 606 060');
    await page.locator('#mb-declaration').check();
    await page.locator('#mb-consent').check();
    await submit(page, '[data-paper-form] button[type=submit]');
    expect(await page.locator('[data-received-on]').getAttribute('data-received-on')).toBe('2024-04-19');
    expect(await page.locator('[data-after-handover]').count()).toBe(0);
    await checker.expectAccessible(page, false);
    const paperReference = await page.locator('[data-paper-created] [data-reference]').getAttribute('data-reference');

    await page.goto(`${baseUrl}/bg/admin/`);
    expect(await page.locator(`[data-request-row="${paperReference}"] [data-received-on]`).getAttribute('data-received-on')).toBe('2024-04-19');
    const row = page.locator(`[data-request-row="${reference}"]`);
    expect(await row.getAttribute('data-status')).toBe('received');
    await checker.expectAccessible(page, false);
    await Promise.all([page.waitForNavigation(), row.locator('a').click()]);
    await submit(page, '[data-decision="accept"] button[type=submit]');
    expect(await page.locator('[data-decision-saved]').getAttribute('data-decision-saved')).toBe('accepted');

    // The municipality's older election (test-2023-10-29-mi) is one choice away, and read only.
    await page.goto(`${baseUrl}/bg/admin/`);
    const choices = await page.locator('[data-election-chooser] option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(choices).toEqual(['test-2024-05-12-pvr', 'test-2023-10-29-mi']);
    await page.locator('[data-election-chooser] select').selectOption('test-2023-10-29-mi');
    await submit(page, '[data-election-chooser] button[type=submit]');
    expect(await page.locator('[data-read-only]').count()).toBe(1);
    expect(await page.locator('[data-paper-entry-link]').count()).toBe(0);
    await checker.expectAccessible(page, false);

    await page.goto(`${baseUrl}/bg/admin/sections/`);
    const section = page.locator('[data-section-row]').first();
    expect(await page.locator('[data-section-row]').count()).toBe(1);
    expect(await section.innerText()).toContain('319900001');
    await checker.expectAccessible(page, false);
    await Promise.all([page.waitForNavigation(), section.locator('a').first().click()]);
    await page.locator('[data-register-form] input[type=checkbox]').first().check();
    await submit(page, '[data-register-form] button[type=submit]');
    expect(await page.locator('[data-route-stops] tbody tr').count()).toBe(1);
    await checker.expectAccessible(page, false);
    await submit(page, '[data-handover-submit]');
    expect(await page.locator('[data-handover-state]').getAttribute('data-handover-state')).toBe('sent');
    // The hand-over names the municipality's own recipient, from its data file, never Sofia's.
    expect(await page.locator('[data-handover-state]').innerText()).toContain('РУ – Примерово');
    expect(await page.locator('main').innerText()).not.toContain('СДВР');
    // The staff area in every language: the same election, the voter's request listed.
    for (const locale of LOCALES) {
      await page.goto(`${baseUrl}/${locale}/admin/`);
      expect(await page.locator('html').getAttribute('lang')).toBe(locale);
      expect(await page.locator('[data-election-chooser] select').inputValue()).toBe(ELECTION);
      expect(await page.locator(`[data-request-row="${reference}"]`).count()).toBe(1);
      await checker.expectAccessible(page, false);
    }
    await submit(page, '[data-staff-signout] button[type=submit]');

    const police = staff.find((account) => account.email.startsWith('police@'))!;
    await enrolThroughPages(page, baseUrl, police);
    await page.goto(`${baseUrl}/bg/admin/sections/`);
    // The police's pages name their own municipality and themselves, from the data.
    expect(await page.locator('main').innerText()).toContain('Община Примерово');
    expect(await page.locator('header').innerText()).toContain('Районно управление – Примерово');
    // The browser's own session: the link as the police click it.
    const zip = await context.request.get(`${baseUrl}${await page.locator('[data-routes-zip]').getAttribute('href')}`);
    expect(zip.status()).toBe(200);
    expect(zip.headers()['content-type']).toBe('application/zip');
  });
});
