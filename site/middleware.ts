import { defineMiddleware } from 'astro:middleware';
import { DEFAULT_LOCALE, localeOfPath, t } from '#core/i18n';
import { withSecurityHeaders } from '#functions/http/security-headers';
import { framingFor } from './server/embed';

/**
 * Pages rendered on demand get the same security headers as the static ones; the embeddable
 * lookup's pages (their errors too, so that a failure shows inside the frame) may be framed by
 * the origins of EMBED_ORIGINS. A page that fails is logged by the kind of failure only (an
 * error's message can hold personal data or a query's parameters) and answers a plain 500 in
 * the page's language.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const framing = framingFor(context.url.pathname);
  try {
    return withSecurityHeaders(await next(), framing);
  } catch (error) {
    console.error(`page error on ${context.url.pathname}: ${error instanceof Error ? error.name : typeof error}`);
    const locale = localeOfPath(context.url.pathname) ?? DEFAULT_LOCALE;
    const body = `<!doctype html><html lang="${locale}"><meta charset="utf-8"><title>500</title><p>${t(locale, 'errors.internal')}</p></html>`;
    return withSecurityHeaders(
      new Response(body, { status: 500, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } }),
      framing,
    );
  }
});
