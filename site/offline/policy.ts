/**
 * What the service worker (site/offline/sw.ts) may keep on the device: the one place that
 * decides it, as plain functions that the worker, the pages and the unit tests share.
 *
 * It keeps public pages a reader may want again without a connection, each only as a GET
 * without a query: a home page, the guides and their list, the lookup page and the empty
 * mobile-ballot-box form. It keeps Astro's hashed files (their name changes with their
 * content). Nothing else: no answer of a lookup or of the status page (those are POSTs to other
 * addresses), no confirmation, no staff page, no `/api/*` answer at all, and no response that
 * says `no-store` or `private`.
 *
 * This file imports nothing: the build (scripts/service-worker.ts) puts it into sw.js as it is.
 */

/** How the worker answers a request: network first with the stored copy as fallback, cache first, or not at all. */
export type Strategy = 'network-first' | 'cache-first' | 'pass';

export interface RequestFacts {
  method: string;
  url: string;
}

export interface ResponseFacts {
  status: number;
  /** `basic` for a same-origin answer; `opaqueredirect`, `cors`, `opaque` and `error` are never kept. */
  type: string;
  redirected: boolean;
  cacheControl: string | null;
  contentType: string | null;
}

const PAGES: readonly RegExp[] = [
  /^\/[a-z]{2}\/$/,
  /^\/[a-z]{2}\/guides\/$/,
  /^\/[a-z]{2}\/guides\/[a-z0-9-]+\/$/,
  /^\/[a-z]{2}\/lookup\/$/,
  /^\/[a-z]{2}\/mobile-ballot-box\/$/,
];

/** Astro's built files: `/_astro/<name>.<hash>.<ext>`, never changed in place. */
const HASHED_ASSET = /^\/_astro\/[\w.-]+\.(?:js|css|woff2?|svg|png|webp)$/;

/** Pages that never register the worker: the staff area and pages made to be framed by other sites. */
const NO_WORKER = /^\/[a-z]{2}\/(?:admin|embed)(?:\/|$)/;

/**
 * How the worker answers a request.
 * @example strategyFor({ method: 'GET', url: 'https://voterdesk.example/bg/lookup/' }, 'https://voterdesk.example') // 'network-first'
 * @example strategyFor({ method: 'POST', url: 'https://voterdesk.example/bg/lookup/result/' }, 'https://voterdesk.example') // 'pass'
 */
export function strategyFor(request: RequestFacts, origin: string): Strategy {
  if (request.method !== 'GET') return 'pass';
  const url = new URL(request.url);
  // A query could carry what someone typed; no page we keep needs one.
  if (url.origin !== origin || url.search !== '' || url.pathname.startsWith('/api/')) return 'pass';
  if (HASHED_ASSET.test(url.pathname)) return 'cache-first';
  if (PAGES.some((page) => page.test(url.pathname))) return 'network-first';
  return 'pass';
}

/** Whether an answer to the request may be stored: a kept address, a plain 200 from our origin, and nothing that forbids it. */
export function mayStore(request: RequestFacts, response: ResponseFacts, origin: string): boolean {
  const strategy = strategyFor(request, origin);
  if (strategy === 'pass') return false;
  if (response.status !== 200 || response.type !== 'basic' || response.redirected) return false;
  if (/(?:^|[\s,])(?:no-store|private)(?:$|[\s,=])/i.test(response.cacheControl ?? '')) return false;
  return strategy === 'cache-first' || /^text\/html\b/i.test(response.contentType ?? '');
}

/** Whether a page registers the worker (and links the manifest): every public page but the staff and embedded ones. */
export function registersWorker(pathname: string): boolean {
  return !NO_WORKER.test(pathname);
}

/**
 * A stored page as the worker serves it without a connection: `<html data-offline-copy>`, which
 * shows the page's notice that it may be out of date (site/scripts/offline.ts).
 */
export function markOfflineCopy(html: string): string {
  return html.replace(/<html\b/i, '<html data-offline-copy');
}

/** The message a page sends the worker on its first visit: keep me and what I loaded (each address is still checked). */
export interface KeepMessage {
  type: 'keep';
  paths: string[];
}

/** At most this many addresses are taken from one message. */
export const KEEP_LIMIT = 40;

/** The message's addresses, or none when it is not a well-formed keep message. */
export function pathsToKeep(message: unknown): string[] {
  if (typeof message !== 'object' || message === null) return [];
  const { type, paths } = message as Partial<Record<keyof KeepMessage, unknown>>;
  if (type !== 'keep' || !Array.isArray(paths)) return [];
  return [...new Set(paths.filter((path): path is string => typeof path === 'string' && path.startsWith('/') && !path.startsWith('//')))].slice(0, KEEP_LIMIT);
}
