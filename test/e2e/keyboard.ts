import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// What a keyboard user does on the mobile-box pages, shared by the browser tests: move with Tab
// (each stop must show its focus), type, press Enter.

/** A valid ЕГН from its first nine digits (the tenth is the checksum). */
export function egn(first9: string): string {
  const weights = [2, 4, 8, 5, 10, 9, 7, 3, 6];
  const sum = [...first9].reduce((total, digit, index) => total + Number(digit) * weights[index]!, 0) % 11;
  return `${first9}${sum === 10 ? 0 : sum}`;
}

/** Moves the focus with Tab (only) until it is on the element; each stop must show its focus. */
export async function tabTo(page: Page, selector: string): Promise<void> {
  for (let presses = 0; presses < 150; presses++) {
    const state = await page.evaluate((target) => {
      const active = document.activeElement;
      return { there: active?.matches(target) ?? false, visible: active && active !== document.body ? active.matches(':focus-visible') : true };
    }, selector);
    expect(state.visible).toBe(true);
    if (state.there) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Types into a text field by keyboard, replacing what is there. */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.type(text);
}

/** Presses Enter on a button or link reached by Tab, and waits for the page it opens. */
export async function activate(page: Page, selector: string): Promise<void> {
  await tabTo(page, selector);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
}

export const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
