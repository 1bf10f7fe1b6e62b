import { env } from 'cloudflare:workers';
import { LOCALES, type Locale } from '#core/i18n';
import { embedOrigins } from '#functions/http/embed-origins';
import type { Framing } from '#functions/http/security-headers';

const EMBED_PATH = new RegExp(`^/(?:${LOCALES.join('|')})/embed/`);

/** Pages under `/<locale>/embed/` are the only ones another site may frame. */
export const isEmbedPath = (pathname: string) => EMBED_PATH.test(pathname);

/** The embeddable lookup's pages: the form, and the answers to its two forms. */
export const embedLookupPath = (locale: Locale, answer?: 'result' | 'address') => `/${locale}/embed/lookup/${answer ? `${answer}/` : ''}`;

/**
 * Who may frame the page at this path: the origins of EMBED_ORIGINS for the embed pages,
 * nobody (undefined: the site's own headers, X-Frame-Options included) for every other page.
 */
export function framingFor(pathname: string): Framing | undefined {
  return isEmbedPath(pathname) ? { frameAncestors: embedOrigins(env) } : undefined;
}
