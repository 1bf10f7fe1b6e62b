#!/usr/bin/env node
// `npm run bench:lighthouse`: prints figures, asserts nothing (a bench, not a test).
// Serves the production build with `wrangler dev` on 127.0.0.1 (a fresh local D1 with the demo
// data, the demo clock inside the 2024 campaign so the mobile-box form is open), starts Debian's
// Chromium with the flags the browser tests use, and runs Lighthouse's default mobile profile
// (emulated phone, simulated slow 4G and CPU slowdown) on the home page, a guide, the lookup
// page, the mobile-box form, its status page and the developers page, in bg and kk.
// Prints the four category scores per page and which pages miss the target (accessibility 100,
// the rest >= 98), with the audits that cost points; saves the summary as JSON under
// bench-results/ (git-ignored). Lists any request that left 127.0.0.1 (there should be none).
// `--no-build` serves dist/ as it is.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import lighthouse, { type Result } from 'lighthouse';
import { z } from 'zod';
import { startDevServer, freePort } from '#scripts/dev-server';
import { prepareLocalDatabase } from '#scripts/local-db';
import { benchSetup } from './bench-helpers';
import { assertChromiumInstalled, CHROMIUM_FLAGS, CHROMIUM_PATH } from '#scripts/chromium';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];
const TARGET: Record<Category, number> = { performance: 98, accessibility: 100, 'best-practices': 98, seo: 98 };
const NOW = '2024-05-20T10:00:00+03:00';
const PAGES: [name: string, path: (lang: string) => string][] = [
  ['home', (lang) => `/${lang}/`],
  ['guide', (lang) => `/${lang}/guides/${lang === 'kk' ? 'kazakhstan-2026-absentee-certificates' : 'bulgaria-2024-elections'}/`],
  ['lookup', (lang) => `/${lang}/lookup/`],
  ['mobile-box form', (lang) => `/${lang}/mobile-ballot-box/`],
  ['mobile-box status', (lang) => `/${lang}/mobile-ballot-box/status/`],
  ['developers', (lang) => `/${lang}/developers/`],
];
const LOCALES = ['bg', 'kk'];
// `-- --only developers,guide` and `-- --locales bg` narrow the run while working on a page.
const argument = (name: string) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1]?.split(',');
};
const onlyPages = argument('--only');
const onlyLocales = argument('--locales');

/** The rows of an audit's table (requests, tasks, scripts…) as `row` reads them; none without a table. */
function auditRows<T>(lhr: Result, id: string, row: z.ZodType<T>): T[] {
  const details = lhr.audits[id]?.details;
  return details && 'items' in details ? z.array(row).parse(details.items) : [];
}

/** What the summary reads of each audit's table rows. */
const itemUrl = z.object({ url: z.string().optional() });
const ROWS = {
  'network-requests': z.object({ url: z.string() }),
  'mainthread-work-breakdown': z.object({ group: z.string(), duration: z.number() }),
  'long-tasks': itemUrl.extend({ startTime: z.number(), duration: z.number() }),
  'bootup-time': itemUrl.extend({ total: z.number(), scripting: z.number() }),
};

/** One page's figures, as printed and saved. */
interface PageResult {
  lang: string;
  page: string;
  path: string;
  scores: Record<Category, number | null>;
  metrics: Record<string, string | undefined>;
  mainThread: Record<string, number>;
  longTasks: { url: string | undefined; startTime: number; duration: number }[];
  bootup: { url: string | undefined; total: number; scripting: number }[];
  benchmarkIndex: number;
  lost: { category: Category; audit: string; score: number | null; title: string; displayValue: string | undefined }[];
  outside: string[];
  lighthouse: string;
  userAgent: string;
}

function summary(lhr: Result, url: string, { lang, page, path }: Pick<PageResult, 'lang' | 'page' | 'path'>): PageResult {
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const category = (id: Category) => {
    const found = lhr.categories[id];
    if (!found) throw new Error(`Lighthouse on ${url} has no ${id} score`);
    return found;
  };
  const score = (id: Category) => {
    const value = category(id).score;
    return value === null ? null : Math.round(value * 100);
  };
  const scores = Object.fromEntries(CATEGORIES.map((id) => [id, score(id)])) as Record<Category, number | null>;
  // The audits that cost points (weighted, score < 1), to know what to fix.
  const lost = CATEGORIES.flatMap((id) =>
    category(id).auditRefs.flatMap((ref) => {
      const audit = lhr.audits[ref.id];
      return ref.weight > 0 && audit && audit.score !== null && audit.score < 1
        ? [{ category: id, audit: ref.id, score: audit.score, title: audit.title, displayValue: audit.displayValue }]
        : [];
    }),
  );
  const outside = auditRows(lhr, 'network-requests', ROWS['network-requests'])
    .map((item) => item.url)
    .filter((u) => !/^(https?:\/\/127\.0\.0\.1[:/]|data:|blob:|about:)/.test(u));
  const metrics = Object.fromEntries(
    ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'].map((id) => [
      id,
      lhr.audits[id]?.displayValue,
    ]),
  );
  // Where the main thread's time went (observed, before the simulated 4× CPU slowdown), and
  // Lighthouse's measure of this machine's speed at that moment (the machine is shared).
  const mainThread = Object.fromEntries(
    auditRows(lhr, 'mainthread-work-breakdown', ROWS['mainthread-work-breakdown']).map((item) => [item.group, Math.round(item.duration)]),
  );
  const benchmarkIndex = Math.round(lhr.environment.benchmarkIndex);
  // The main thread's long tasks (simulated durations) and the scripts that ran them.
  const longTasks = auditRows(lhr, 'long-tasks', ROWS['long-tasks']).map((item) => ({
    url: item.url,
    startTime: Math.round(item.startTime),
    duration: Math.round(item.duration),
  }));
  const bootup = auditRows(lhr, 'bootup-time', ROWS['bootup-time']).map((item) => ({
    url: item.url,
    total: Math.round(item.total),
    scripting: Math.round(item.scripting),
  }));
  return {
    lang,
    page,
    path,
    scores,
    metrics,
    mainThread,
    longTasks,
    bootup,
    benchmarkIndex,
    lost,
    outside,
    lighthouse: lhr.lighthouseVersion,
    userAgent: lhr.environment.hostUserAgent,
  };
}

/** Chromium with a DevTools port for Lighthouse, on a fresh profile; resolves once the port answers. */
async function startChromium(profile: string): Promise<{ port: number; stop: () => Promise<unknown> }> {
  assertChromiumInstalled();
  const port = await freePort();
  const browser = spawn(
    CHROMIUM_PATH,
    [...CHROMIUM_FLAGS, `--remote-debugging-port=${port}`, '--remote-debugging-address=127.0.0.1', `--user-data-dir=${profile}`, 'about:blank'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let log = '';
  browser.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise((resolve) => browser.once('exit', resolve));
  // Resolves once Chromium has exited, so its profile can be removed.
  const stop = () => {
    if (browser.exitCode === null && browser.signalCode === null) browser.kill('SIGTERM');
    return exited;
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (browser.exitCode !== null) throw new Error(`Chromium exited early:\n${log}`);
    if ((await fetch(`http://127.0.0.1:${port}/json/version`).catch(() => undefined))?.ok) return { port, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  stop();
  throw new Error(`Chromium did not open its DevTools port in 30 s:\n${log}`);
}

const { work, state: persistTo } = await benchSetup();
let stopServer = () => {};
let stopBrowser: () => Promise<unknown> = async () => {};
const interrupted = async () => {
  await stopBrowser();
  stopServer();
  rmSync(work, { recursive: true, force: true });
  process.exit(130);
};
process.once('SIGINT', interrupted);
process.once('SIGTERM', interrupted);
try {
  await prepareLocalDatabase({ persistTo });
  const dev = await startDevServer({ persistTo, vars: { NOW }, logLevel: 'error' });
  stopServer = dev.stop;
  const chromium = await startChromium(join(work, 'chromium'));
  stopBrowser = chromium.stop;

  const results: PageResult[] = [];
  for (const lang of LOCALES.filter((l) => !onlyLocales || onlyLocales.includes(l))) {
    for (const [page, path] of PAGES.filter(([name]) => !onlyPages || onlyPages.includes(name))) {
      const url = `${dev.baseUrl}${path(lang)}`;
      // The default config is the mobile profile; no category needs the network beyond the page.
      const runner = await lighthouse(url, {
        port: chromium.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
        disableFullPageScreenshot: true,
      });
      if (!runner) throw new Error(`Lighthouse on ${url} returned nothing`);
      const result = summary(runner.lhr, url, { lang, page, path: path(lang) });
      results.push(result);
      const { scores, benchmarkIndex } = result;
      console.log(
        `${lang} ${page.padEnd(18)} ${CATEGORIES.map((id) => String(scores[id]).padStart(4)).join('')}  ${path(lang)} (benchmark index ${benchmarkIndex})`,
      );
    }
  }

  const misses = results.filter((r) => CATEGORIES.some((id) => r.scores[id] === null || r.scores[id] < TARGET[id]));
  console.log(`\nResults (Lighthouse ${results[0]?.lighthouse}, mobile profile, ${CHROMIUM_PATH})`);
  console.log(`${'page'.padEnd(22)} ${CATEGORIES.map((id) => id.padStart(15)).join('')}   TBT      LCP      machine index`);
  for (const r of results) {
    console.log(
      `${`${r.lang} ${r.page}`.padEnd(22)} ${CATEGORIES.map((id) => String(r.scores[id]).padStart(15)).join('')}   ${String(r.metrics['total-blocking-time']).padEnd(8)} ${String(r.metrics['largest-contentful-paint']).padEnd(8)} ${r.benchmarkIndex}`,
    );
  }
  console.log(
    `\nTarget: accessibility ${TARGET.accessibility}, the rest >= 98. ${misses.length === 0 ? 'Every page meets it.' : `${misses.length} of ${results.length} pages miss it:`}`,
  );
  for (const r of misses) {
    const below = CATEGORIES.filter((id) => r.scores[id] === null || r.scores[id] < TARGET[id]);
    console.log(
      `- ${r.lang} ${r.page} (${below.map((id) => `${id} ${r.scores[id]}`).join(', ')}): ${r.lost
        .filter((l) => below.includes(l.category))
        .map((l) => `${l.audit}${l.displayValue ? ` (${l.displayValue})` : ''}`)
        .join(', ')}`,
    );
  }
  const outside = results.flatMap((r) => r.outside);
  console.log(outside.length === 0 ? 'Requests outside 127.0.0.1: none.' : `Requests outside 127.0.0.1: ${[...new Set(outside)].join(', ')}`);

  await mkdir('bench-results', { recursive: true });
  const file = join('bench-results', `lighthouse-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.json`);
  await writeFile(file, `${JSON.stringify({ date: new Date().toISOString(), target: TARGET, results }, null, 2)}\n`);
  console.log(`Summary saved to ${file}`);
} finally {
  await stopBrowser();
  stopServer();
  await rm(work, { recursive: true, force: true });
}
