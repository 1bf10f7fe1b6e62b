import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { isLocale, negotiateLocale, type Locale } from './locale';

/** A `lang` field in a JSON body (Hono caches the parsed body for the validators). */
async function bodyLang(request: { header(name: string): string | undefined; json(): Promise<unknown> }): Promise<Locale | undefined> {
  if (!request.header('content-type')?.includes('application/json')) return undefined;
  try {
    const body = (await request.json()) as { lang?: unknown } | null;
    return isLocale(body?.lang) ? body.lang : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The locale of API messages: a `lang` query parameter or JSON field, else
 * Accept-Language, else English. Set before validation, so field errors are worded too.
 */
export const localeMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  const query = c.req.query('lang');
  const fromBody = c.req.method === 'POST' ? await bodyLang(c.req) : undefined;
  c.set('locale', isLocale(query) ? query : (fromBody ?? negotiateLocale(c.req.header('accept-language'))));
  await next();
};
