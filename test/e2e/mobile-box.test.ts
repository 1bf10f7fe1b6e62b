import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { accessibilityChecker, openContext } from './browser';
import { activate, activeId, egn, tabTo, typeInto } from './keyboard';

// The server runs with NOW = 20 May 2024 (global-setup.ts): the regular window is open.
const baseUrl = inject('baseUrl');
const checker = accessibilityChecker(baseUrl);
afterAll(checker.close);

interface Flow {
  locale: 'bg' | 'en';
  javaScriptEnabled: boolean;
  idNumber: string;
  representative: boolean;
  texts: { sent: string; received: string; receivedOn: string; street: string; declaration: string; powerOfAttorney: string };
}

// Two flows cover both languages' pages, with and without JavaScript, with and without a representative.
const flows: Flow[] = [
  {
    locale: 'bg',
    javaScriptEnabled: true,
    idNumber: egn('520303041'),
    representative: true,
    texts: {
      sent: 'Заявлението ви е изпратено',
      received: 'Получено',
      receivedOn: 'Получено на 20 май 2024 г.',
      street: 'ж.к. Младост 1',
      declaration: 'Декларирам, че избирателят има трайно увреждане, поради което не може да гласува в изборното помещение.',
      powerOfAttorney: 'Имам пълномощно, подписано от избирателя.',
    },
  },
  {
    locale: 'en',
    javaScriptEnabled: false,
    idNumber: egn('480707123'),
    representative: false,
    texts: {
      sent: 'Your application has been sent',
      received: 'Received',
      receivedOn: 'Received on 20 May 2024.',
      street: 'ul. Tsar Simeon',
      declaration: 'I declare that the voter has a permanent disability that keeps them from voting in the polling room.',
      powerOfAttorney: 'I hold a power of attorney signed by the voter.',
    },
  },
];

describe.each(flows)('mobile ballot box in $locale, JavaScript $javaScriptEnabled, on a 360×640 phone, keyboard only', (flow) => {
  let context: BrowserContext;
  let page: Page;
  const { locale, javaScriptEnabled } = flow;
  const accessible = () => checker.expectAccessible(page, javaScriptEnabled);
  /** The references the first application got. */
  let firstReferences: string[] = [];
  beforeAll(async () => {
    context = await openContext({ javaScriptEnabled, bypassCSP: true });
    page = await context.newPage();
  });
  afterAll(async () => context?.close());

  it('fills the form, fixes the errors from the summary, checks the answers, prints, sends both ballots and checks the status', async () => {
    await page.goto(`${baseUrl}/${locale}/mobile-ballot-box/`);
    expect(await page.locator('[data-window="open"]').count()).toBe(1);
    expect(await page.locator('main').innerText()).toContain('02 904 1351');
    // Sofia's video for people with hearing or sight difficulties, from the area data (seed 004 line 141).
    expect(await page.locator('[data-area-videos] a').getAttribute('href')).toBe('https://www.sofia.bg/for-deaf-people');
    // The acknowledgement links the privacy notice, in a new tab so that nothing typed is lost.
    const notice = page.locator('[data-tick="consent"] [data-privacy-link] a');
    expect([await notice.getAttribute('href'), await notice.getAttribute('target')]).toEqual([`/${locale}/privacy/`, '_blank']);
    await accessible();

    // Both ballots; the representative if this flow has one (shown only then, with JavaScript).
    await tabTo(page, '#mb-ballots-0');
    await page.keyboard.press('Space');
    await tabTo(page, '#mb-ballots-1');
    await page.keyboard.press('Space');
    if (javaScriptEnabled) expect(await page.locator('[data-representative]').isVisible()).toBe(false);
    if (flow.representative) {
      await tabTo(page, 'input[name=submittedBy]:checked');
      await page.keyboard.press('ArrowDown');
      expect(await page.locator('#mb-submittedBy-1').isChecked()).toBe(true);
    }
    // A mistyped personal number and no street: two errors to fix.
    const mistyped = `${flow.idNumber.slice(0, 9)}${(Number(flow.idNumber[9]) + 1) % 10}`;
    await typeInto(page, '#mb-idNumber', mistyped);
    await typeInto(page, '#mb-fullName', 'Мария Иванова Петрова');
    await tabTo(page, '#mb-address-district');
    for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowDown');
    expect(await page.locator('#mb-address-district').inputValue()).toBe('mladost');
    await typeInto(page, '#mb-address-block', '12');
    await typeInto(page, '#mb-address-entrance', 'А');
    await typeInto(page, '#mb-address-floor', '3');
    await typeInto(page, '#mb-address-apartment', '9');
    await typeInto(page, '#mb-phone', '0888 123 456');
    if (flow.representative) {
      expect(await page.locator('[data-representative]').isVisible()).toBe(true);
      await typeInto(page, '#mb-representative-fullName', 'Иван Петров');
      await typeInto(page, '#mb-representative-idNumber', egn('750101001'));
      await typeInto(page, '#mb-representative-phone', '02 123 4567');
    }
    // One box is left unticked for the summary to ask for: the representative's power of
    // attorney, or, without a representative, the voter's declaration.
    if (flow.representative) {
      await tabTo(page, '#mb-declaration');
      await page.keyboard.press('Space');
    }
    await tabTo(page, '#mb-consent');
    await page.keyboard.press('Space');
    if (javaScriptEnabled) {
      // The draft survives a reload (this tab's storage), everything typed back in place.
      await page.reload();
      expect(await page.locator('#mb-fullName').inputValue()).toBe('Мария Иванова Петрова');
      expect(await page.locator('#mb-ballots-1').isChecked()).toBe(true);
      expect(await page.locator('#mb-address-district').inputValue()).toBe('mladost');
      // The personal numbers are never kept in the draft: after the reload they are typed again.
      expect(await page.locator('#mb-idNumber').inputValue()).toBe('');
      await typeInto(page, '#mb-idNumber', mistyped);
      if (flow.representative) {
        expect(await page.locator('#mb-representative-idNumber').inputValue()).toBe('');
        await typeInto(page, '#mb-representative-idNumber', egn('750101001'));
      }
    }
    await activate(page, '[data-mobile-box-form] button[type=submit]');

    // The error summary: the three problems, in the form's order, each linking to its field; the
    // box left unticked is the representative's power of attorney (seed 004 line 93) or the
    // voter's declaration (lines 85 and 104).
    const summary = page.locator('[data-error-summary]');
    const unticked = flow.representative ? '#mb-representative-powerOfAttorney' : '#mb-declaration';
    expect(await summary.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
      '#mb-idNumber',
      '#mb-address-street',
      unticked,
    ]);
    expect(await page.locator(unticked).getAttribute('aria-invalid')).toBe('true');
    if (javaScriptEnabled) expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary'))).toBe(true);
    expect(await page.locator('#mb-idNumber').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#mb-fullName').inputValue()).toBe('Мария Иванова Петрова');
    await accessible();
    await tabTo(page, '[data-error-summary] a[href="#mb-idNumber"]');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#mb-idNumber');
    if (javaScriptEnabled) expect(await activeId(page)).toBe('mb-idNumber');
    await typeInto(page, '#mb-idNumber', flow.idNumber);
    await typeInto(page, '#mb-address-street', flow.texts.street);
    await tabTo(page, unticked);
    await page.keyboard.press('Space');
    await activate(page, '[data-mobile-box-form] button[type=submit]');

    // Check your answers (the declaration and the power of attorney among them), then change the phone and come back.
    const answers = await page.locator('.summary-list').innerText();
    expect(answers).toContain(flow.idNumber);
    expect(answers).toContain('30-ЕП');
    expect(answers).toContain(flow.texts.declaration);
    expect(answers.includes(flow.texts.powerOfAttorney)).toBe(flow.representative);
    await accessible();
    await activate(page, 'button[name=change][value=phone]');
    expect(new URL(page.url()).hash).toBe('#mb-phone');
    if (javaScriptEnabled) expect(await activeId(page)).toBe('mb-phone');
    await typeInto(page, '#mb-phone', '0888 765 432');
    await activate(page, '[data-mobile-box-form] button[type=submit]');
    expect(await page.locator('.summary-list').innerText()).toContain('0888 765 432');

    // The printable applications: one sheet per ballot, named after its form, details filled in.
    await activate(page, '.check-answers button.secondary');
    const sheets = page.locator('[data-print-sheet]');
    expect(await sheets.evaluateAll((all) => all.map((sheet) => sheet.getAttribute('data-print-sheet')))).toEqual(['30-ЕП', '31-НС']);
    expect(await sheets.first().innerText()).toContain('Приложение № 30-ЕП');
    expect(await sheets.first().innerText()).toContain('Мария Иванова Петрова');
    // In Bulgarian whatever the page's language: the declaration, and room to note the power of attorney.
    expect(await sheets.first().locator('[data-sheet-declaration]').innerText()).toContain('трайно увреждане');
    expect(await sheets.first().locator('[data-sheet-power-of-attorney]').count()).toBe(flow.representative ? 1 : 0);
    expect(await page.locator('main').innerText()).toContain('psik2024@sofia.bg');
    await accessible();
    await activate(page, 'form.no-print button[type=submit]');

    // Send: two references, one per ballot.
    await activate(page, '.check-answers .actions button:not(.secondary)');
    const sent = page.locator('[data-mobile-box-sent]');
    expect(await sent.innerText()).toContain(flow.texts.sent);
    const references = (await sent.innerText()).match(/[A-Z0-9]{5}-[A-Z0-9]{5}/g) ?? [];
    expect(references).toHaveLength(2);
    firstReferences = references;
    expect(page.url()).not.toContain(flow.idNumber);
    await accessible();
    if (javaScriptEnabled) expect(await page.evaluate(() => sessionStorage.length)).toBe(0);

    // The status, by reference and number.
    await activate(page, `a[href="/${locale}/mobile-ballot-box/status/"]`);
    await accessible();
    await typeInto(page, '#status-reference', references[1]!);
    await typeInto(page, '#status-idNumber', flow.idNumber);
    await activate(page, 'main form button[type=submit]');
    expect(await page.locator('[data-status-answer]').innerText()).toContain(flow.texts.received);
    expect(await page.locator('[data-status-answer] [data-received-on]').innerText()).toBe(flow.texts.receivedOn);
    await accessible();
  });

  it('a second application for the same ballot is answered like the first: its own reference, nothing said of the first', async () => {
    await page.goto(`${baseUrl}/${locale}/mobile-ballot-box/`);
    await page.locator('#mb-ballots-0').check();
    await page.locator('#mb-idNumber').fill(flow.idNumber);
    await page.locator('#mb-fullName').fill('Мария Иванова Петрова');
    await page.locator('#mb-address-district').selectOption('mladost');
    await page.locator('#mb-address-street').fill(flow.texts.street);
    await page.locator('#mb-address-number').fill('5');
    await page.locator('#mb-phone').fill('0888 123 456');
    await page.locator('#mb-declaration').check();
    await page.locator('#mb-consent').check();
    await Promise.all([page.waitForNavigation(), page.locator('[data-mobile-box-form] button[type=submit]').click()]);
    await Promise.all([page.waitForNavigation(), page.locator('.check-answers .actions button:not(.secondary)').click()]);
    expect(await page.locator('[data-error-summary]').count()).toBe(0);
    const sent = page.locator('[data-mobile-box-sent]');
    expect(await sent.innerText()).toContain(flow.texts.sent);
    const references = (await sent.innerText()).match(/[A-Z0-9]{5}-[A-Z0-9]{5}/g) ?? [];
    expect(references).toHaveLength(1);
    expect(firstReferences).toHaveLength(2);
    expect(firstReferences).not.toContain(references[0]);
    await checker.expectAccessible(page, javaScriptEnabled);
  });
});
