import { ApiError } from './errors';

/** Seconds a client waits after hitting a limit: the period the limiters are configured with. */
export const RATE_LIMIT_PERIOD_SECONDS = 60;

/**
 * Counts one attempt for `clientKey` on a Workers Rate Limiting binding (simulated locally by
 * wrangler dev and the tests) and refuses with 429 when the client is over its limit.
 */
export async function enforceRateLimit(limiter: RateLimit, clientKey: string): Promise<void> {
  const { success } = await limiter.limit({ key: clientKey });
  if (!success) throw new ApiError(429, 'rate_limited', { retryAfter: RATE_LIMIT_PERIOD_SECONDS });
}

/** The client a request comes from: Cloudflare's connecting IP (wrangler dev sets it too). */
export function clientKey(headers: Headers): string {
  return headers.get('cf-connecting-ip') ?? headers.get('x-real-ip') ?? 'unknown-client';
}
