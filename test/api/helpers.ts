import { env } from 'cloudflare:workers';
import { app } from '../../functions/app';

/** Sends a request to the API inside workerd with the real D1 bindings (or overrides). */
export function api(path: string, init: RequestInit = {}, bindings: Partial<Cloudflare.Env> = {}) {
  return app.request(path, init, { ...env, ...bindings });
}

/**
 * Rate limits count in one-minute windows aligned to the clock: a burst that straddles a
 * minute would be counted in two windows. Tests that count a burst start it with at least
 * 10 s of the window left.
 */
export async function startOfSteadyWindow(): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 50_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 200));
}
