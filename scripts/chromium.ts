// Debian's Chromium, as the browser tests (test/e2e/browser.ts) and the Lighthouse bench start it.
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium tries to reach Google's hosts,
// which this closed network refuses.
export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function assertChromiumInstalled(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}. Install Debian's package with\n` +
        `  sudo apt-get update && sudo apt-get install -y chromium\n` +
        `or point CHROMIUM_PATH at another Chromium binary. (npx playwright install cannot work here.)`,
    );
  }
}
