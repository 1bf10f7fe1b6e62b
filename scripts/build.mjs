#!/usr/bin/env node
// The production build: Astro (prerendered guides + the Worker), then the Pagefind
// search index over the built guides, one index per language (from <html lang>).
import { run } from './env.mjs';

export async function build() {
  await run('astro', ['build']);
  await run('pagefind', ['--site', 'dist/client', '--output-subdir', 'pagefind', '--silent']);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await build();
}
