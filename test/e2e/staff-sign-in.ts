import type { Page } from 'playwright-core';
import { totpCode } from '#functions/staff/totp';

export interface StaffAccount {
  email: string;
  password: string | undefined;
  /** The demo account's authenticator-app secret (`npm start` enrols it; `npm run totp` prints its code). */
  totpSecret: string | undefined;
}

const submit = (page: Page, selector: string) => Promise.all([page.waitForNavigation(), page.locator(selector).click()]);

/**
 * Signs a demo account in through the pages, as its officer would without JavaScript: e-mail and
 * password, then the code the authenticator app shows now (the real clock). A code is accepted
 * once: when another test file used this account's code of the current 30 seconds, the next
 * code is waited for. `onEachPage` runs on the sign-in page and on the code page (accessibility checks).
 */
export async function signInThroughPages(page: Page, baseUrl: string, account: StaffAccount, onEachPage?: (page: Page) => Promise<void>): Promise<void> {
  if (!account.password || !account.totpSecret) throw new Error(`no demo password or TOTP secret for ${account.email}`);
  await page.goto(`${baseUrl}/bg/admin/login/`);
  await onEachPage?.(page);
  await page.locator('#login-email').fill(account.email);
  await page.locator('#login-password').fill(account.password);
  await submit(page, '[data-staff-login] button[type=submit]');
  if (new URL(page.url()).pathname !== '/bg/admin/verify/') throw new Error(`after the password: ${page.url()}`);
  await onEachPage?.(page);
  for (let attempt = 0; attempt < 2; attempt++) {
    await page.locator('#verify-code').fill(totpCode(account.totpSecret, Date.now()));
    await submit(page, '[data-verify-totp] button[type=submit]');
    if (new URL(page.url()).pathname !== '/bg/admin/verify/') return;
    await new Promise((resolve) => setTimeout(resolve, 30_500 - (Date.now() % 30_000)));
  }
  throw new Error(`the code of ${account.email} was refused twice`);
}

/**
 * The first sign-in of an account `npm run user:add` saved: e-mail and password, then it enrols
 * the authenticator app the enrolment page offers (its secret read off the page) and goes on past
 * the recovery codes. Returns the secret, for the next sign-ins.
 */
export async function enrolThroughPages(page: Page, baseUrl: string, account: { email: string; password: string }): Promise<string> {
  await page.goto(`${baseUrl}/bg/admin/login/`);
  await page.locator('#login-email').fill(account.email);
  await page.locator('#login-password').fill(account.password);
  await submit(page, '[data-staff-login] button[type=submit]');
  if (new URL(page.url()).pathname !== '/bg/admin/enrol/') throw new Error(`after the first password: ${page.url()}`);
  const secret = (await page.locator('[data-totp-secret]').innerText()).replace(/\s/g, '');
  await page.locator('#enrol-code').fill(totpCode(secret, Date.now()));
  await submit(page, '[data-enrol-totp] button[type=submit]');
  await submit(page, '[data-recovery-continue]');
  return secret;
}
