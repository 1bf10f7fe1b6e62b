import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityChecker, hasHorizontalScroll, openContext } from './browser';
import { signInThroughPages } from './staff-sign-in';

// A voter applied twice for the same ballot (another phone, another address the second time):
// nobody learned that from the answers; the Младост officer sees the pair and resolves it, in
// Bulgarian, on a 360 px phone, without JavaScript. Every page is checked with axe-core and at
// 320 px for horizontal scrolling.
const baseUrl = inject('baseUrl');
const staff = inject('demoStaff');
const checker = accessibilityChecker(baseUrl);

/** A valid ЕГН from its first nine digits (the tenth is the checksum). */
function egn(first9: string): string {
  const weights = [2, 4, 8, 5, 10, 9, 7, 3, 6];
  const sum = [...first9].reduce((total, digit, index) => total + Number(digit) * weights[index]!, 0) % 11;
  return `${first9}${sum === 10 ? 0 : sum}`;
}

const application = (idNumber: string, phone: string, block: string) => ({
  election: 'bg-2024-06-09',
  ballots: ['ns'],
  citizenship: 'BG',
  idNumber,
  fullName: 'Величка Стоянова Андонова',
  address: { district: 'mladost', street: 'ж.к. Младост 2', block, entrance: 'Б', floor: '4', apartment: '12' },
  phone,
  submittedBy: 'self',
  declaration: true,
  consent: true,
});

/** Applies through the public API, as the online form does; the reference of the request. */
async function apply(body: ReturnType<typeof application>): Promise<string> {
  const response = await fetch(`${baseUrl}/api/mobile-box-requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { requests: { reference: string }[] }).requests[0]!.reference;
}

async function statusOf(reference: string, idNumber: string): Promise<unknown> {
  const response = await fetch(`${baseUrl}/api/mobile-box-requests/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reference, idNumber }),
  });
  return response.json();
}

async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.locator(selector).click()]);
}

/** axe-core clean (no JavaScript on these pages), and no horizontal scrolling at 360 px nor at 320 px. */
async function checked(page: Page): Promise<void> {
  await checker.expectAccessible(page, false);
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: viewport.height });
  expect(await hasHorizontalScroll(page), `${page.url()} at 320 px`).toBe(false);
  await page.setViewportSize(viewport);
}

/** From the list, the request page of a reference, then its pair page. */
async function openPair(page: Page, reference: string): Promise<void> {
  await page.goto(`${baseUrl}/bg/admin/`);
  const row = page.locator(`[data-request-row="${reference}"]`);
  expect(await row.getAttribute('data-repeat')).toBe('unresolved');
  await submit(page, `[data-request-row="${reference}"] a`);
  await checked(page);
  // Not to be accepted before the pair is resolved: no decision forms, and the way to the pair.
  expect(await page.locator('[data-decision-locked="repeat"]').count()).toBe(1);
  expect(await page.locator('form[data-decision]').count()).toBe(0);
  await submit(page, '[data-pair-link]');
  expect(new URL(page.url()).pathname).toMatch(/^\/bg\/admin\/requests\/\d+\/pair\/$/);
}

describe('a pair of applications, resolved without JavaScript', () => {
  let context: BrowserContext;
  let page: Page;
  const voter = { idNumber: egn('510417063'), first: '', repeat: '' };
  const other = { idNumber: egn('440902127'), first: '', repeat: '' };

  beforeAll(async () => {
    voter.first = await apply(application(voter.idNumber, '0888 410 410', '205'));
    voter.repeat = await apply(application(voter.idNumber, '0877 410 411', '206'));
    other.first = await apply(application(other.idNumber, '0888 520 520', '301'));
    other.repeat = await apply(application(other.idNumber, '0888 520 521', '301'));
    context = await openContext({ bypassCSP: true, javaScriptEnabled: false });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await checker.close();
  });

  it('the officer compares the two side by side, calls the earlier number, and merges the new phone into the earlier application', async () => {
    const officer = staff.find((account) => account.email === 'mladost@demo.voter-desk.local')!;
    await signInThroughPages(page, baseUrl, officer);
    await openPair(page, voter.repeat);
    expect(await page.locator('h1[data-pair]').getAttribute('data-pair-resolved')).toBe('no');
    // The officer is told to call the phone number on the earlier application.
    expect(await page.locator('main').innerText()).toContain('се обадете на телефона от по-ранното заявление');
    const phone = page.locator('[data-pair-table] tr[data-detail="phone"]');
    expect(await phone.getAttribute('data-differs')).toBe('yes');
    expect(await phone.innerText()).toContain('0888 410 410');
    expect(await phone.innerText()).toContain('0877 410 411');
    expect(await page.locator('[data-pair-table] tr[data-detail="address"]').getAttribute('data-differs')).toBe('yes');
    // The name is the same: no row for it.
    expect(await page.locator('[data-pair-table] tr[data-detail="fullName"]').count()).toBe(0);
    expect(await page.locator('main').innerText()).not.toContain(voter.idNumber);
    await checked(page);

    // A rejection without a reason is refused, named in the summary and beside the field.
    await submit(page, '[data-pair-form="reject"] button[type=submit]');
    expect(await page.locator('[data-error-summary]').count()).toBe(1);
    expect(await page.locator('#pair-reason-error').count()).toBe(1);
    await checked(page);

    await page.locator('[data-take="phone"]').check();
    await submit(page, '[data-resolve="merge"]');
    expect(await page.locator('[data-pair-saved]').count()).toBe(1);
    expect(await page.locator('h1[data-pair]').getAttribute('data-pair-resolved')).toBe('yes');
    expect(await page.locator('[data-pair-form]').count()).toBe(0);
    await checked(page);

    // The earlier application kept its reference and took the new phone; the repeat left the list.
    await page.goto(`${baseUrl}/bg/admin/`);
    expect(await page.locator(`[data-request-row="${voter.repeat}"]`).count()).toBe(0);
    await submit(page, `[data-request-row="${voter.first}"] a`);
    expect(await page.locator('[data-request-facts="voter"] [data-fact="phone"] dd').innerText()).toBe('0877 410 411');
    expect(await page.locator('[data-request-facts="voter"] [data-fact="address.block"] dd').innerText()).toBe('205');
    await checked(page);
    // Both references answer as the earlier application.
    expect(await statusOf(voter.repeat, voter.idNumber)).toEqual({ status: 'received', receivedOn: '2024-05-20' });
  }, 120_000);

  it('keeps the later application: it can then be accepted, and the earlier reference answers as it', async () => {
    await openPair(page, other.repeat);
    await submit(page, '[data-resolve="keep_repeat"]');
    expect(await page.locator('[data-pair-saved]').count()).toBe(1);
    await submit(page, '[data-pair-back]');
    expect(await page.locator('h1[data-request]').getAttribute('data-request')).toBe(other.repeat);
    await submit(page, 'form[data-decision=accept] button[type=submit]');
    expect(await page.locator('h1[data-request]').getAttribute('data-status')).toBe('accepted');
    await checked(page);
    expect(await statusOf(other.first, other.idNumber)).toEqual({ status: 'accepted', receivedOn: '2024-05-20' });
  }, 120_000);
});
