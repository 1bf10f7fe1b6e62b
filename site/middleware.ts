import { defineMiddleware } from 'astro:middleware';
import { withSecurityHeaders } from '../functions/platform/security-headers';

/** Pages rendered on demand get the same security headers as the static ones. */
export const onRequest = defineMiddleware(async (_context, next) => withSecurityHeaders(await next()));
