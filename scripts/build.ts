#!/usr/bin/env node
// The production build: Astro (prerendered guides + the Worker), then the Pagefind
// search index over the built guides, one index per language (from <html lang>), then the
// service worker (scripts/service-worker.ts: site/offline/*.ts into dist/client/sw.js).
import { run } from './env';

export async function build() {
  // --force: the rendered guides are cached, and the cache does not notice changes to
  // our rehype plugin or the data it reads (tables, elections, dictionaries).
  await run('astro', ['build', '--force']);
  await run('pagefind', ['--site', 'dist/client', '--output-subdir', 'pagefind', '--silent']);
  await run('tsx', ['scripts/static-headers.ts']);
  // Node's type stripping still prints an ExperimentalWarning on every use.
  await run(process.execPath, ['--disable-warning=ExperimentalWarning', 'scripts/service-worker.ts']);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await build();
}
