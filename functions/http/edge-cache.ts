import type { Context, MiddlewareHandler } from 'hono';
import { cache } from 'hono/cache';
import type { AppEnv } from '#functions/env';

/*
 * Public answers (station suggestions, a station by id) are the same for everyone, so on
 * election day most of them can come from Cloudflare's edge instead of D1: the Workers Cache
 * API (Hono's cache middleware) keeps each for PUBLIC_CACHE_SECONDS in the data centre that
 * served it. Only routes that opt in are cached, only GETs with a 200, and never an answer
 * marked private or no-store or one that sets a cookie (the middleware skips those), so a
 * personal answer cannot land here even by mistake. A new import shows everywhere within
 * that time.
 */

export const DEFAULT_PUBLIC_CACHE_SECONDS = 300;
const CACHE_NAME = 'voter-desk-public-v1';

/** The configured lifetime: a whole number of seconds from 0 (off) to one day; anything else is the default. */
export function publicCacheSeconds(env: { PUBLIC_CACHE_SECONDS?: string | undefined }): number {
  const raw = env.PUBLIC_CACHE_SECONDS?.trim();
  if (!raw || !/^\d{1,5}$/.test(raw)) return DEFAULT_PUBLIC_CACHE_SECONDS;
  const seconds = Number(raw);
  return seconds <= 86_400 ? seconds : DEFAULT_PUBLIC_CACHE_SECONDS;
}

/** The Cache-Control of a public answer: shared caches may keep it for the configured time. */
export function publicCacheControl(env: { PUBLIC_CACHE_SECONDS?: string | undefined }): string {
  const seconds = publicCacheSeconds(env);
  return seconds === 0 ? 'no-cache' : `public, max-age=${seconds}`;
}

// Stored in the background once the answer is sent; where there is no execution context (a
// test calling app.request) the put is awaited instead.
const inBackground = cache({ cacheName: CACHE_NAME, wait: false, onCacheNotAvailable: false });
const awaited = cache({ cacheName: CACHE_NAME, wait: true, onCacheNotAvailable: false });

function hasExecutionContext(c: Context): boolean {
  try {
    return c.executionCtx !== undefined;
  } catch {
    return false;
  }
}

/** Serves a route's public answer from the edge cache, and stores it there on a miss. */
export const edgeCache: MiddlewareHandler<AppEnv> = (c, next) => {
  if (publicCacheSeconds(c.env) === 0) return next();
  return (hasExecutionContext(c) ? inBackground : awaited)(c, next);
};
