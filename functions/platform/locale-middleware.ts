import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { isLocale, negotiateLocale } from './locale';

/** The locale of API messages: a `lang` query parameter, else Accept-Language, else English. */
export const localeMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  const requested = c.req.query('lang');
  c.set('locale', isLocale(requested) ? requested : negotiateLocale(c.req.header('accept-language')));
  await next();
};
