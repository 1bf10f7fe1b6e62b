/**
 * The service worker, served as /sw.js (built by scripts/service-worker.ts with the rules of
 * ./policy.ts put in front). A few explicit rules, all decided by ./policy.ts:
 * - kept pages are fetched network first; without a connection (or after NETWORK_WAIT_MS of
 *   a connection that does not answer) the stored copy is served, marked so that the page
 *   says it may be out of date;
 * - Astro's hashed files are served cache first;
 * - everything else is not touched: the browser fetches it as if there were no worker.
 * Caches are named after the build; activating a new worker deletes the older ones.
 */
import { markOfflineCopy, mayStore, pathsToKeep, strategyFor, type ResponseFacts } from './policy';

declare const self: ServiceWorkerGlobalScope;

/** Replaced by the build with a hash of this script and the built files. */
const VERSION = '__BUILD_VERSION__';
const PREFIX = 'voter-desk-';
const PAGES = `${PREFIX}pages-${VERSION}`;
const ASSETS = `${PREFIX}assets-${VERSION}`;
const NETWORK_WAIT_MS = 6000;

const origin = self.location.origin;

const facts = (response: Response): ResponseFacts => ({
  status: response.status,
  type: response.type,
  redirected: response.redirected,
  cacheControl: response.headers.get('Cache-Control'),
  contentType: response.headers.get('Content-Type'),
});

async function store(cacheName: string, request: Request, response: Response): Promise<void> {
  if (!mayStore(request, facts(response), origin)) return;
  const cache = await caches.open(cacheName);
  await cache.put(request.url, response);
}

async function storedPage(request: Request): Promise<Response | undefined> {
  const cache = await caches.open(PAGES);
  const copy = await cache.match(request.url, { ignoreVary: true });
  if (!copy) return undefined;
  const headers = new Headers(copy.headers);
  // The body is the decoded text, changed: its original length and encoding no longer apply.
  headers.delete('Content-Length');
  headers.delete('Content-Encoding');
  return new Response(markOfflineCopy(await copy.text()), { status: copy.status, statusText: copy.statusText, headers });
}

async function networkFirst(event: FetchEvent): Promise<Response> {
  const { request } = event;
  // The clone is taken before the page reads the body; the copy is stored even if it arrives after the fallback.
  const fresh = fetch(request).then((response) => ({ response, copy: response.clone() }));
  event.waitUntil(fresh.then(({ copy }) => store(PAGES, request, copy)).catch(() => undefined));
  const slow = new Promise<undefined>((resolve) => setTimeout(resolve, NETWORK_WAIT_MS, undefined));
  try {
    const first = await Promise.race([fresh, slow]);
    if (first) return first.response;
    return (await storedPage(request)) ?? (await fresh).response;
  } catch {
    return (await storedPage(request)) ?? Response.error();
  }
}

async function cacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(ASSETS);
  const stored = await cache.match(request.url, { ignoreVary: true });
  if (stored) return stored;
  const response = await fetch(request);
  await store(ASSETS, request, response.clone()).catch(() => undefined);
  return response;
}

/** The first visit happens before the worker runs: the page then names itself and what it loaded. */
async function keep(paths: string[]): Promise<void> {
  for (const path of paths) {
    const request = new Request(new URL(path, origin).href);
    const strategy = strategyFor(request, origin);
    if (strategy === 'pass') continue;
    const cacheName = strategy === 'cache-first' ? ASSETS : PAGES;
    if (strategy === 'cache-first' && (await (await caches.open(ASSETS)).match(request.url))) continue;
    // The browser's HTTP cache has just loaded them: no second download when it still holds them.
    const response = await fetch(request, { cache: 'force-cache' }).catch(() => undefined);
    if (response) await store(cacheName, request, response).catch(() => undefined);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(self.skipWaiting());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== PAGES && name !== ASSETS) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const strategy = strategyFor(event.request, origin);
  if (strategy === 'network-first') event.respondWith(networkFirst(event));
  else if (strategy === 'cache-first') event.respondWith(cacheFirst(event.request));
});

self.addEventListener('message', (event) => {
  const paths = pathsToKeep(event.data);
  if (paths.length > 0) event.waitUntil(keep(paths));
});
