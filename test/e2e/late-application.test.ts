import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '#scripts/dev-server';
import { run } from '#scripts/env';
import { localLimitVars } from '#scripts/local-limits';
import { accessibilityChecker, openContext } from './browser';
import { activate, egn, tabTo, typeInto } from './keyboard';

// Seed 004, lines 99 and 110: after 25 May and until 3 June a voter may still apply "при условие,
// че на територията на населеното място е назначена подвижна секционна избирателна комисия".
// The city of Sofia is one settlement with 14 commissions, so Лозенец (a district without a
// station of its own) may apply late; the village of Лозен (district Панчарево) may not.
//
// The suite's server judges the deadlines at 20 May (global-setup.ts); this file starts a server
// of its own on the same build, with its own local D1, whose clock (NOW, honoured in development
// and tests only) stands at 28 May 2024, inside the late window. Nothing in a page or a request
// can move a clock.
const LATE_NOW = '2024-05-28T10:00:00+03:00';
let server: DevServer;
let baseUrl = '';
let checker: ReturnType<typeof accessibilityChecker>;

beforeAll(async () => {
  const persistTo = await mkdtemp(join(tmpdir(), 'voter-desk-e2e-late-'));
  await run('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo], { CI: 'true' });
  server = await startDevServer({ persistTo, vars: { NOW: LATE_NOW, ...localLimitVars({ LOOKUP: 200, MOBILE_BOX: 200, REPORT: 100 }) } });
  baseUrl = server.baseUrl;
  checker = accessibilityChecker(baseUrl);
}, 150_000);
afterAll(async () => {
  await checker?.close();
  server?.stop();
});

/** Chooses an option of a select with the arrow keys, as a keyboard user does (down from where it stands, else up). */
async function choose(page: Page, selector: string, value: string): Promise<void> {
  await tabTo(page, selector);
  for (const key of ['ArrowDown', 'ArrowUp']) {
    for (let presses = 0; presses < 40 && (await page.locator(selector).inputValue()) !== value; presses++) await page.keyboard.press(key);
  }
  expect(await page.locator(selector).inputValue()).toBe(value);
}

interface Flow {
  javaScriptEnabled: boolean;
  idNumber: string;
}
const flows: Flow[] = [
  { javaScriptEnabled: true, idNumber: egn('440212061') },
  { javaScriptEnabled: false, idNumber: egn('410815047') },
];

describe.each(flows)('a late application from Лозенец, JavaScript $javaScriptEnabled, keyboard only', (flow) => {
  let context: BrowserContext;
  let page: Page;
  const accessible = () => checker.expectAccessible(page, flow.javaScriptEnabled);
  beforeAll(async () => {
    context = await openContext({ javaScriptEnabled: flow.javaScriptEnabled, bypassCSP: true });
    page = await context.newPage();
  });
  afterAll(async () => context?.close());

  async function fill(district: string): Promise<void> {
    await tabTo(page, '#mb-ballots-1');
    await page.keyboard.press('Space');
    await typeInto(page, '#mb-idNumber', flow.idNumber);
    await typeInto(page, '#mb-fullName', 'Стефка Иванова Николова');
    await choose(page, '#mb-address-district', district);
  }

  async function rest(): Promise<void> {
    await typeInto(page, '#mb-address-street', 'ул. Крум Попов');
    await typeInto(page, '#mb-address-number', '20');
    await typeInto(page, '#mb-phone', '0888 456 789');
    // Seed 004, lines 85 and 104: the voter declares the permanent disability.
    await tabTo(page, '#mb-declaration');
    await page.keyboard.press('Space');
    await tabTo(page, '#mb-consent');
    await page.keyboard.press('Space');
    await activate(page, '[data-mobile-box-form] button[type=submit]');
  }

  it('seed 004, line 99 ("при условие, че на територията на населеното място е назначена подвижна секционна избирателна комисия"): the page names the settlement with a commission; a village without one is refused, Лозенец in the city is taken as late', async () => {
    await page.goto(`${baseUrl}/bg/mobile-ballot-box/`);
    expect(await page.locator('[data-window="late"]').count()).toBe(1);
    expect(await page.locator('[data-late-settlements]').innerText()).toContain('София');
    await accessible();

    if (flow.javaScriptEnabled) {
      // Панчарево holds villages: the settlement is asked, the city first; Лозенец holds none.
      await fill('pancharevo');
      expect(await page.locator('[data-settlement-field]').isVisible()).toBe(true);
      expect(await page.locator('#mb-address-settlement').inputValue()).toBe('sofia');
      await choose(page, '#mb-address-settlement', 'lozen');
      await rest();
      // Line 110 ("при условие че на територията на населеното място е назначена подвижна избирателна комисия"): none in Лозен.
      const summary = page.locator('[data-error-summary]');
      expect(await summary.innerText()).toContain('в Лозен такава не е назначена');
      await accessible();
      await choose(page, '#mb-address-district', 'lozenets');
      expect(await page.locator('[data-settlement-field]').isVisible()).toBe(false);
      expect(await page.locator('#mb-address-settlement').inputValue()).toBe('sofia');
      await activate(page, '[data-mobile-box-form] button[type=submit]');
    } else {
      // Without JavaScript the settlement is always asked, the city chosen.
      await fill('lozenets');
      expect(await page.locator('#mb-address-settlement').inputValue()).toBe('sofia');
      await rest();
    }

    // Check your answers: Лозенец, in the settlement of София.
    const answers = await page.locator('.summary-list').innerText();
    expect(answers).toContain('Лозенец');
    expect(answers).toContain('София');
    await accessible();
    await activate(page, '.check-answers .actions button:not(.secondary)');
    const sent = page.locator('[data-mobile-box-sent]');
    expect(await sent.innerText()).toContain('Заявлението ви е изпратено');
    expect((await sent.innerText()).match(/[A-Z0-9]{5}-[A-Z0-9]{5}/g)).toHaveLength(1);
    expect(await page.locator('[data-late-application]').innerText()).toContain('след основния срок');
    await accessible();
  });
});
