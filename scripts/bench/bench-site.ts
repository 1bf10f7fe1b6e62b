#!/usr/bin/env node
// `npm run bench:site`: builds the site, then prints for every built HTML page the bytes
// sent gzip-compressed for the page and everything it loads (HTML, CSS, JS, fonts,
// images), and the largest. Target: every page under 20 KB. A first visit also fetches the
// service worker (the page's `data-sw`), the web app manifest and the icon the browser checks
// installability with (the smallest "any" icon of at least 144 px): all are counted. The
// search index is fetched only when someone searches, so it is reported on its own line.
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { build } from '#scripts/build';

const CLIENT = resolve('dist/client');
const TARGET = 20 * 1024;

if (!process.argv.includes('--no-build')) await build();

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

const gzipCache = new Map<string, number>();
async function gzipped(path: string): Promise<number> {
  const cached = gzipCache.get(path);
  if (cached !== undefined) return cached;
  const size = gzipSync(await readFile(path), { level: 6 }).length;
  gzipCache.set(path, size);
  return size;
}

/** The part of a web app manifest that says which icon the browser checks installability with. */
const manifestIcons = z.object({ icons: z.array(z.object({ src: z.string(), sizes: z.unknown().optional(), purpose: z.string().optional() })).optional() });

function fileForUrl(url: string, fromFile: string): string | undefined {
  if (/^(https?:|data:|mailto:|tel:|sms:|geo:|#)/.test(url)) return undefined;
  const clean = url.split(/[?#]/)[0] ?? '';
  const base = clean.startsWith('/') ? CLIENT : join(fromFile, '..');
  return join(base, clean.startsWith('/') ? clean.slice(1) : clean);
}

/** Every sub-resource a browser fetches to show the page, following CSS imports and url(). */
async function resources(htmlPath: string, html: string): Promise<string[]> {
  const found = new Set<string>();
  const queue: string[] = [];
  // A regular expression's capture group: always there when the expression matched.
  const add = (url: string | undefined, from: string) => {
    const file = url === undefined ? undefined : fileForUrl(url, from);
    if (file && !found.has(file)) {
      found.add(file);
      queue.push(file);
    }
  };
  for (const [tag] of html.matchAll(/<(link|script|img|source)\b([^>]*)>/gi)) {
    const rel = /rel="([^"]+)"/i.exec(tag)?.[1] ?? '';
    const src = /\s(?:src|href)="([^"]+)"/i.exec(tag)?.[1];
    if (!src) continue;
    if (tag.startsWith('<link') && !/stylesheet|preload|modulepreload|icon|manifest/.test(rel)) continue;
    add(src, htmlPath);
  }
  for (const [, worker] of html.matchAll(/\sdata-sw="([^"]+)"/g)) add(worker, htmlPath);
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (file.endsWith('.css')) {
      const css = await readFile(file, 'utf8').catch(() => '');
      for (const [, url] of css.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) add(url, file);
      for (const [, url] of css.matchAll(/@import\s+['"]([^'"]+)['"]/g)) add(url, file);
    }
    if (file.endsWith('.webmanifest')) {
      const icons = manifestIcons.parse(JSON.parse(await readFile(file, 'utf8').catch(() => '{}'))).icons ?? [];
      const size = (icon: (typeof icons)[number]) =>
        Math.max(
          ...String(icon.sizes)
            .split(' ')
            .map((s) => Number(s.split('x')[0]) || 0),
        );
      const checked = icons.filter((icon) => (icon.purpose ?? 'any').includes('any') && size(icon) >= 144).sort((a, b) => size(a) - size(b))[0];
      if (checked) add(checked.src, file);
    }
    if (file.endsWith('.js')) {
      const js = await readFile(file, 'utf8').catch(() => '');
      for (const [, url] of js.matchAll(/(?:import|from)\s*\(?\s*["'](\.{0,2}\/[^"']+\.js)["']/g)) add(url, file);
    }
  }
  return [...found];
}

const rows: { page: string; total: number; js: number; files: number }[] = [];
for await (const file of walk(CLIENT)) {
  if (!file.endsWith('.html') || file.includes(`${CLIENT}/pagefind/`)) continue;
  const html = await readFile(file, 'utf8');
  const deps = await resources(file, html);
  let total = await gzipped(file);
  let js = 0;
  for (const dep of deps) {
    const size = await stat(dep).then(
      () => gzipped(dep),
      () => 0,
    );
    total += size;
    if (dep.endsWith('.js')) js += size;
  }
  rows.push({ page: `/${relative(CLIENT, file).replace(/index\.html$/, '')}`, total, js, files: deps.length + 1 });
}
rows.sort((a, b) => a.page.localeCompare(b.page));

const kb = (n: number) => `${(n / 1024).toFixed(1).padStart(6)} KB`;
console.log(`\n${'page'.padEnd(60)} ${'gzip total'.padStart(10)} ${'of it JS'.padStart(9)}  files`);
for (const row of rows) {
  const flag = row.total > TARGET ? '  OVER TARGET' : '';
  console.log(`${row.page.padEnd(60)} ${kb(row.total)} ${kb(row.js)}  ${String(row.files).padStart(5)}${flag}`);
}
const [first, ...others] = rows;
if (!first) throw new Error(`no HTML pages under ${CLIENT}`);
const largest = others.reduce((a, b) => (b.total > a.total ? b : a), first);
console.log(`\n${rows.length} pages. Largest: ${largest.page} ${kb(largest.total).trim()} (target < ${TARGET / 1024} KB each).`);
console.log(`Pages over target: ${rows.filter((r) => r.total > TARGET).length}.`);

const worker = join(CLIENT, 'sw.js');
if (await stat(worker).catch(() => false))
  console.log(`Service worker (counted above in every page that registers it): sw.js ${kb(await gzipped(worker)).trim()} gzip.`);

let searchIndex = 0;
const pagefindDir = join(CLIENT, 'pagefind');
if (await stat(pagefindDir).catch(() => false)) {
  for await (const file of walk(pagefindDir)) searchIndex += await gzipped(file);
  console.log(`Search index and search code (loaded only when searching), all locales: ${kb(searchIndex).trim()} gzip.`);
}
