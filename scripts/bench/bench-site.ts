#!/usr/bin/env node
// `npm run bench:site`: builds the site, then prints for every built HTML page the bytes sent
// gzip-compressed, two ways:
// - first view: the page and what the browser fetches to show it, until its load event: the
//   HTML, its stylesheets (and their imports, fonts and images), its scripts and their static
//   imports, its images and icons, the web app manifest and the icon the browser checks
//   installability with (the smallest "any" icon of at least 144 px). The manifest and that icon
//   are counted here although Chromium may fetch them after the load event.
// - whole visit: the first view and what the page's scripts fetch once it has loaded, without
//   the reader doing anything: the service worker (the page's `data-sw`) registered after the
//   load event, and the chunks the scripts import dynamically (a guide's checker rules, fetched
//   after the load event so that an offline copy answers too).
// Target: every page under 20 KB, whole visit. The search index is fetched only when someone
// searches, so it is reported on its own line. Then the median guide page, both ways, against
// the same guide Markdown built with Astro Starlight and weighed the same way
// (scripts/bench/starlight.ts; its last figure is kept in starlight-figure.json, and
// `-- --starlight` builds it again from the npm registry).
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { build } from '#scripts/build';
import { buildStarlightGuides, STARLIGHT_VERSIONS } from './starlight';

let CLIENT = resolve('dist/client');
const FIGURE = 'scripts/bench/starlight-figure.json';
const TARGET = 20 * 1024;

if (!process.argv.includes('--no-build')) await build();
const ourClient = CLIENT;

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

/** When the browser fetches a file: to show the page (until its load event), or after it. */
type When = 'first-view' | 'after-load';

/**
 * Every sub-resource a browser fetches for the page, following CSS imports and url(), the
 * scripts' imports and the manifest's icon, each with when it is fetched.
 */
async function resources(htmlPath: string, html: string): Promise<Map<string, When>> {
  const found = new Map<string, When>();
  const queue: string[] = [];
  // A regular expression's capture group: always there when the expression matched.
  const add = (url: string | undefined, from: string, when: When) => {
    const file = url === undefined ? undefined : fileForUrl(url, from);
    if (file && !file.includes('/pagefind/') && found.get(file) !== 'first-view' && !(found.has(file) && when === 'after-load')) {
      found.set(file, when);
      queue.push(file);
    }
  };
  for (const [tag] of html.matchAll(/<(link|script|img|source)\b([^>]*)>/gi)) {
    const rel = /rel="([^"]+)"/i.exec(tag)?.[1] ?? '';
    const src = /\s(?:src|href)="([^"]+)"/i.exec(tag)?.[1];
    if (!src) continue;
    if (tag.startsWith('<link') && !/stylesheet|preload|modulepreload|icon|manifest/.test(rel)) continue;
    add(src, htmlPath, 'first-view');
  }
  for (const [, worker] of html.matchAll(/\sdata-sw="([^"]+)"/g)) add(worker, htmlPath, 'after-load');
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    // What a file loads is fetched when the file is, except a script's dynamic imports.
    const when = found.get(file) ?? 'first-view';
    if (file.endsWith('.css')) {
      const css = await readFile(file, 'utf8').catch(() => '');
      for (const [, url] of css.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) add(url, file, when);
      for (const [, url] of css.matchAll(/@import\s+['"]([^'"]+)['"]/g)) add(url, file, when);
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
      if (checked) add(checked.src, file, when);
    }
    if (file.endsWith('.js')) {
      const js = await readFile(file, 'utf8').catch(() => '');
      for (const [, url] of js.matchAll(/(?:\bimport|\bfrom)\s*["'`](\.{0,2}\/[^"'`]+\.js)["'`]/g)) add(url, file, when);
      for (const [, url] of js.matchAll(/\bimport\s*\(\s*["'`](\.{0,2}\/[^"'`]+\.js)["'`]/g)) add(url, file, 'after-load');
    }
  }
  return found;
}

/** A page's gzip bytes: its first view, the whole visit (first view included), and the JavaScript of the whole visit. */
type Row = { page: string; firstView: number; total: number; js: number; files: number };

/** Every HTML page of a built site with the gzip bytes of everything it loads. */
async function weigh(client: string): Promise<Row[]> {
  CLIENT = client;
  const rows: Row[] = [];
  for await (const file of walk(client)) {
    if (!file.endsWith('.html') || file.includes(`${client}/pagefind/`)) continue;
    const html = await readFile(file, 'utf8');
    const deps = await resources(file, html);
    let firstView = await gzipped(file);
    let total = firstView;
    let js = 0;
    for (const [dep, when] of deps) {
      const size = await stat(dep).then(
        () => gzipped(dep),
        () => 0,
      );
      total += size;
      if (when === 'first-view') firstView += size;
      if (dep.endsWith('.js')) js += size;
    }
    rows.push({ page: `/${relative(client, file).replace(/index\.html$/, '')}`, firstView, total, js, files: deps.size + 1 });
  }
  CLIENT = ourClient;
  return rows;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const rows = await weigh(ourClient);
rows.sort((a, b) => a.page.localeCompare(b.page));

const kb = (n: number) => `${(n / 1024).toFixed(1).padStart(6)} KB`;
console.log(`\n${'page'.padEnd(60)} ${'first view'.padStart(10)} ${'whole visit'.padStart(11)} ${'of it JS'.padStart(9)}  files`);
for (const row of rows) {
  const flag = row.total > TARGET ? '  OVER TARGET' : '';
  console.log(`${row.page.padEnd(60)} ${kb(row.firstView)} ${kb(row.total).padStart(11)} ${kb(row.js)}  ${String(row.files).padStart(5)}${flag}`);
}
const [first, ...others] = rows;
if (!first) throw new Error(`no HTML pages under ${CLIENT}`);
const largest = others.reduce((a, b) => (b.total > a.total ? b : a), first);
console.log(`\n${rows.length} pages. Largest (whole visit): ${largest.page} ${kb(largest.total).trim()} (target < ${TARGET / 1024} KB each).`);
console.log(`Pages over target: ${rows.filter((r) => r.total > TARGET).length}.`);

const worker = join(CLIENT, 'sw.js');
if (await stat(worker).catch(() => false))
  console.log(`Service worker (counted in the whole visit of every page that registers it): sw.js ${kb(await gzipped(worker)).trim()} gzip.`);

let searchIndex = 0;
const pagefindDir = join(CLIENT, 'pagefind');
if (await stat(pagefindDir).catch(() => false)) {
  for await (const file of walk(pagefindDir)) searchIndex += await gzipped(file);
  console.log(`Search index and search code (loaded only when searching), all locales: ${kb(searchIndex).trim()} gzip.`);
}

// The guides: /<locale>/guides/<slug>/ here, /<locale>/<slug>/ in the Starlight build of the same Markdown.
const guides = rows.filter((row) => /^\/[a-z]{2}\/guides\/[^/]+\/$/.test(row.page));
const ourMedian = median(guides.map((row) => row.total));
const ourFirstView = median(guides.map((row) => row.firstView));
// medianGuide: the whole visit. Figures recorded before the first view was weighed have none.
const starlightFigure = z.object({
  date: z.string(),
  versions: z.record(z.string(), z.string()),
  pages: z.number(),
  medianGuide: z.number(),
  medianGuideFirstView: z.number().optional(),
});
let starlight: z.infer<typeof starlightFigure> | undefined;
if (process.argv.includes('--starlight')) {
  console.log('\n== The same guide Markdown built with Starlight (a temporary folder, packages from the npm registry) ==');
  const built = await buildStarlightGuides();
  try {
    const theirs = (await weigh(built.dist)).filter((row) => /^\/[a-z]{2}\/[^/]+\/$/.test(row.page) && !row.page.endsWith('/404/'));
    starlight = {
      date: new Date().toISOString().slice(0, 10),
      versions: { ...STARLIGHT_VERSIONS },
      pages: theirs.length,
      medianGuide: median(theirs.map((row) => row.total)),
      medianGuideFirstView: median(theirs.map((row) => row.firstView)),
    };
    await writeFile(FIGURE, `${JSON.stringify(starlight, null, 2)}\n`);
  } finally {
    await built.cleanup();
  }
} else
  starlight = await readFile(FIGURE, 'utf8').then(
    (text) => starlightFigure.parse(JSON.parse(text)),
    () => undefined,
  );

console.log(`\nMedian guide (${guides.length} guide pages, all locales): first view ${kb(ourFirstView).trim()}, whole visit ${kb(ourMedian).trim()}.`);
if (starlight) {
  const theirFirstView = starlight.medianGuideFirstView ?? starlight.medianGuide;
  console.log(
    `Starlight ${starlight.versions['@astrojs/starlight']} on the same Markdown (${starlight.date}, ${starlight.pages} pages): ` +
      `first view ${kb(theirFirstView).trim()}, whole visit ${kb(starlight.medianGuide).trim()}` +
      `${starlight.medianGuideFirstView === undefined ? ' (first view not recorded: taken as the whole visit)' : ''}.`,
  );
  console.log(`Ours / Starlight, first view: ${(ourFirstView / theirFirstView).toFixed(2)}× (target <= 0.40×).`);
  console.log(`Ours / Starlight, whole visit: ${(ourMedian / starlight.medianGuide).toFixed(2)}×.`);
  // Starlight's whole visit includes the Pagefind UI (ui-core, about 25 KB) its search box imports when the browser is idle.
  console.log(`Our whole visit / Starlight's first view (the figure earlier runs compared with): ${(ourMedian / theirFirstView).toFixed(2)}×.`);
} else console.log('No Starlight figure yet: npm run bench:site -- --starlight builds one.');
