// After `astro build`: the static pages that carry the Turnstile widget (built with
// TURNSTILE_SITE_KEY set) get the one Content-Security-Policy that allows it, in
// dist/client/_headers; every other static page keeps the strict policy of public/_headers.
// Without a site key no page carries the widget and nothing changes.
import { appendFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { contentSecurityPolicy } from '#functions/http/security-headers';

const root = 'dist/client';

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pages(path);
    return name === 'index.html' ? [path] : [];
  });
}

/** `_headers` rules that give the pages at these paths the policy that allows the widget. */
export function turnstileRules(paths: string[]): string {
  // "! Header" detaches what the earlier /* rule set, so the page carries one policy, not two.
  return paths.map((path) => `${path}\n  ! Content-Security-Policy\n  Content-Security-Policy: ${contentSecurityPolicy({ turnstile: true })}\n`).join('');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const withWidget = pages(root).filter((file) => readFileSync(file, 'utf8').includes('class="cf-turnstile"'));
  if (withWidget.length > 0) {
    appendFileSync(join(root, '_headers'), `\n${turnstileRules(withWidget.map((file) => `/${relative(root, file).replace(/index\.html$/, '')}`))}`);
    console.log(`Turnstile: ${withWidget.length} static pages carry the widget and allow it in their CSP`);
  }
}
