import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { assertChromiumInstalled, CHROMIUM_FLAGS, CHROMIUM_PATH } from '#scripts/chromium';

export interface ContextOptions {
  width?: number;
  height?: number;
  javaScriptEnabled?: boolean;
  acceptLanguage?: string;
  /** axe-core is injected as a script, which the pages' CSP would block. */
  bypassCSP?: boolean;
  colorScheme?: 'light' | 'dark';
  /** A position the browser reports, with the permission already granted. */
  geolocation?: { latitude: number; longitude: number };
}

/** A fresh Chromium profile with a phone-sized viewport by default. */
export async function openContext(options: ContextOptions = {}): Promise<BrowserContext> {
  assertChromiumInstalled();
  const profile = mkdtempSync(join(tmpdir(), 'voter-desk-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_FLAGS],
    headless: true,
    viewport: { width: options.width ?? 360, height: options.height ?? 640 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    bypassCSP: options.bypassCSP ?? false,
    colorScheme: options.colorScheme ?? 'light',
    ...(options.acceptLanguage ? { extraHTTPHeaders: { 'Accept-Language': options.acceptLanguage } } : {}),
    ...(options.geolocation ? { geolocation: options.geolocation, permissions: ['geolocation'] } : {}),
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core (WCAG 2.0–2.2 A and AA rules plus best practices) on the page. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

/** True when the page is wider than the viewport (horizontal scrolling). */
export function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/**
 * Checks pages for horizontal scroll and axe-core violations. axe needs JavaScript, so a page
 * seen without it is checked as the same HTML in a second, script-enabled page.
 */
export function accessibilityChecker(baseUrl: string) {
  let axeContext: BrowserContext | undefined;
  return {
    async expectAccessible(page: Page, scripted = true): Promise<void> {
      const { expect } = await import('vitest');
      expect(await hasHorizontalScroll(page)).toBe(false);
      if (scripted) {
        expect(await axeViolations(page)).toEqual([]);
        return;
      }
      axeContext ??= await openContext({ bypassCSP: true });
      const copy = await axeContext.newPage();
      await copy.goto(`${baseUrl}/en/`);
      await copy.setContent(await page.content(), { waitUntil: 'load' });
      expect(await axeViolations(copy)).toEqual([]);
      await copy.close();
    },
    close: async () => axeContext?.close(),
  };
}

/**
 * The texts on the page that name "Voter Desk" without an English language mark around the name
 * (`lang="en"` on it or an ancestor): in a page in another language a screen reader would read
 * the English name with that language's rules. Titles and meta descriptions cannot carry a mark.
 */
export function unmarkedBrandNames(page: Page, brand = 'Voter Desk'): Promise<string[]> {
  return page.evaluate((name) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const found: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (!text.includes(name)) continue;
      if (node.parentElement?.closest('[lang]')?.getAttribute('lang') !== 'en') found.push(text.trim());
    }
    return found;
  }, brand);
}
