import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { languageDetector } from 'hono/language';
import { METHOD_NAME_ALL } from 'hono/router';
import { PatternRouter } from 'hono/router/pattern-router';
import type { AppEnv } from '#functions/env';
import { DEFAULT_LOCALE, isLocale, LOCALES, negotiateLocale, type Locale } from '#core/i18n';
import { Busy, RateLimited } from '#core/errors';
import { SECURITY_HEADERS } from './security-headers';

/** Request bodies we read at most: every form and JSON body we accept is far smaller. */
export const MAX_BODY_BYTES = 16 * 1024;

export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
};

const detectLanguage = languageDetector({
  supportedLanguages: [...LOCALES],
  fallbackLanguage: DEFAULT_LOCALE,
  order: ['querystring', 'header'],
  lookupQueryString: 'lang',
  caches: false,
});

/**
 * The locale of API messages: a `lang` query parameter, else Accept-Language (Hono's language
 * detector: `ru-KZ` counts as `ru`), else English. A `lang` field in a JSON body wins over
 * both; it is read after the size and type checks, so an oversized body is never parsed.
 */
export const apiLocale: MiddlewareHandler<AppEnv> = (c, next) =>
  detectLanguage(c, async () => {
    const detected = c.get('language');
    c.set('locale', isLocale(detected) ? detected : DEFAULT_LOCALE);
    await next();
  });

/**
 * A JSON body's own `lang`, applied when the body is first parsed, never earlier: by the route's
 * validator, after its rate limit has counted the request (a global middleware that parsed
 * every body would read it before the limiter). It also parses each body once: Hono's
 * `c.req.json()` caches the text but runs JSON.parse for every caller (the Turnstile check,
 * the validator); here they share one result.
 */
export const bodyLanguage: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.header('content-type')?.startsWith('application/json')) {
    let parsed: Promise<unknown> | undefined;
    const parse = () =>
      c.req.text().then((body) => {
        const value: unknown = JSON.parse(body);
        const lang = value !== null && typeof value === 'object' && 'lang' in value ? value.lang : undefined;
        if (isLocale(lang)) c.set('locale', lang);
        return value;
      });
    c.req.json = <T>() => {
      parsed ??= parse();
      return parsed as Promise<T>;
    };
  }
  await next();
};

/**
 * Before an error answer: the body's `lang`, when the body was not parsed yet (an error in a
 * route's middleware, or no route), so the message is in the reader's language as before; never
 * for a request a rate limit refused (it is answered without reading its body) or one too large.
 */
export async function readBodyLanguage(c: Context<AppEnv>, error?: unknown): Promise<void> {
  if (error instanceof RateLimited || error instanceof Busy) return;
  if (error instanceof HTTPException && (error.status === 413 || error.status === 415)) return;
  if (c.req.header('content-type')?.startsWith('application/json')) await c.req.json().catch(() => undefined);
}

/** The request's locale for an error answer, also when the error came before `apiLocale` ran. */
export function localeOf(c: Context<AppEnv>): Locale {
  return c.get('locale') ?? negotiateLocale(c.req.header('accept-language'));
}

/** 413 from the Content-Length header before a byte is read, or as soon as a streamed body passes the limit. */
export const limitBody = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new HTTPException(413);
  },
});

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** The media type of a Content-Type header, without parameters. */
export function mediaType(header: string | null | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

const FORM_TYPE = 'application/x-www-form-urlencoded';

/**
 * The API takes JSON only, except a POST to one of `formPaths` (a gateway's webhook, which posts
 * a form and only a form): any other body type is 415, before it is read.
 */
export const bodyTypes =
  (formPaths: ReadonlySet<string>): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    if (BODY_METHODS.has(c.req.method)) {
      const expected = c.req.method === 'POST' && formPaths.has(c.req.path) ? FORM_TYPE : 'application/json';
      if (mediaType(c.req.header('content-type')) !== expected) throw new HTTPException(415);
    }
    await next();
  };

/**
 * The methods a path answers to (for 405 and OPTIONS), as an `Allow` value; undefined when
 * no route has the path at all.
 */
export function methodNotAllowed(routes: readonly { method: string; path: string }[]) {
  let router: PatternRouter<string> | undefined;
  // Hono matches strictly (`/api/health/` is not `/api/health`); PatternRouter forgives a trailing
  // slash, which made GET /api/health/ a 405 that allows GET.
  const slashed = routes.some((route) => route.path.length > 1 && route.path.endsWith('/'));
  return (path: string): string | undefined => {
    if (!slashed && path.length > 1 && path.endsWith('/')) return undefined;
    if (!router) {
      router = new PatternRouter<string>();
      for (const route of routes) if (route.method !== METHOD_NAME_ALL) router.add(METHOD_NAME_ALL, route.path, route.method);
    }
    const [matches] = router.match('GET', path);
    const methods = new Set(matches.map(([method]) => method));
    if (methods.size === 0) return undefined;
    if (methods.has('GET')) methods.add('HEAD');
    methods.add('OPTIONS');
    return [...methods].sort().join(', ');
  };
}
