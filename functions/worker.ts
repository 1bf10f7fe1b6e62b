import astro from '@astrojs/cloudflare/entrypoints/server';
import { app } from './app';
import { accessGate } from './http/access';
import type { Bindings } from './env';
import { scheduled } from './scheduled';

/** Paths the Hono app answers itself: Astro never sees them (no page, no origin check, no HTML 404). */
export const isApiPath = (pathname: string) => pathname === '/api' || pathname.startsWith('/api/');

/**
 * The Worker: with Cloudflare Access configured, the staff area (pages and API) first needs a
 * valid Access token (functions/http/access.ts); then `/api/*` goes straight to the Hono app,
 * everything else to Astro through the adapter (prerendered guides are static assets and never
 * reach the Worker). The Cron Trigger in wrangler.toml runs the retention purge.
 */
export default {
  async fetch(request, env, ctx) {
    const refused = await accessGate(request, env);
    if (refused) return refused;
    if (isApiPath(new URL(request.url).pathname)) return app.fetch(request, env, ctx);
    return astro.fetch(request, env, ctx);
  },
  scheduled,
} satisfies ExportedHandler<Bindings>;
