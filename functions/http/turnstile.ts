import { ChallengeFailed, ChallengeUnavailable } from '#core/errors';
import { isLocalDevelopment, refuseConfiguration } from '#functions/platform/keys';

/** Cloudflare's verification endpoint (https://developers.cloudflare.com/turnstile/get-started/server-side-validation/). */
export const SITEVERIFY_URL = 'https://challenges.cloudflare.com/turnstile/v0/siteverify';
/** What the widget needs, and nothing more, on the pages that carry it. */
export const TURNSTILE_ORIGIN = 'https://challenges.cloudflare.com';
/** The form field (and JSON field) the widget's token arrives in. */
export const TOKEN_FIELD = 'cf-turnstile-response';

export interface TurnstileEnv {
  /** Secret: switches Turnstile on together with the site key. */
  TURNSTILE_SECRET?: string | undefined;
  TURNSTILE_SITE_KEY?: string | undefined;
  /** Local development and tests only: answers the verification instead of Cloudflare. */
  TURNSTILE_VERIFIER?: Fetcher | undefined;
  ENVIRONMENT?: string | undefined;
}

/**
 * Turnstile is on when both its secret and its site key are set, off when neither is. One
 * without the other is a mistake that would quietly switch the protection off: it fails closed
 * instead (KeyUnusable, 503 `misconfigured`), naming the missing one in the log.
 */
export function turnstileSiteKey(env: TurnstileEnv): string | undefined {
  if (env.TURNSTILE_SECRET && env.TURNSTILE_SITE_KEY) return env.TURNSTILE_SITE_KEY;
  if (!env.TURNSTILE_SECRET && !env.TURNSTILE_SITE_KEY) return undefined;
  const missing = env.TURNSTILE_SECRET ? 'TURNSTILE_SITE_KEY' : 'TURNSTILE_SECRET';
  return refuseConfiguration(missing, 'unpaired', 'Turnstile needs both TURNSTILE_SECRET and TURNSTILE_SITE_KEY, or neither');
}

interface SiteverifyAnswer {
  success: boolean;
  hostname?: string;
  action?: string;
  'error-codes'?: string[];
}

/**
 * Checks a widget token with Cloudflare when Turnstile is on (without its secret this does
 * nothing). Refuses a missing, invalid or reused token, and one issued for another hostname or
 * action (ChallengeFailed, 403); fails closed when the verification cannot be reached or
 * answers nonsense (ChallengeUnavailable, 503).
 */
export async function verifyChallenge(env: TurnstileEnv, input: { token: unknown; action: string; hostname: string; remoteIp?: string | null }): Promise<void> {
  if (!turnstileSiteKey(env)) return;
  if (typeof input.token !== 'string' || input.token === '' || input.token.length > 2048) throw new ChallengeFailed();
  const form = new URLSearchParams({ secret: env.TURNSTILE_SECRET!, response: input.token });
  if (input.remoteIp) form.set('remoteip', input.remoteIp);
  const verifier = isLocalDevelopment(env) && env.TURNSTILE_VERIFIER ? env.TURNSTILE_VERIFIER : undefined;
  let answer: SiteverifyAnswer;
  try {
    const response = await (verifier ? verifier.fetch(SITEVERIFY_URL, { method: 'POST', body: form }) : fetch(SITEVERIFY_URL, { method: 'POST', body: form }));
    if (!response.ok) throw new Error(`siteverify answered ${response.status}`);
    answer = (await response.json()) as SiteverifyAnswer;
    if (typeof answer.success !== 'boolean') throw new Error('siteverify answered without success');
  } catch {
    console.error('turnstile: the verification could not be reached; refusing (fail closed)');
    throw new ChallengeUnavailable();
  }
  if (!answer.success || answer.action !== input.action || answer.hostname !== input.hostname) throw new ChallengeFailed();
}
