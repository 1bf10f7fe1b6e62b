import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '#functions/env';
import { turnstileSiteKey, verifyChallenge } from './turnstile';

/**
 * Route middleware: with Turnstile on, the JSON body's `turnstileToken` must pass for this
 * action and our hostname before the request is handled. Without the secret it does nothing.
 */
export const challenge =
  (action: string): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    if (!turnstileSiteKey(c.env)) return next();
    const body: unknown = await c.req.json().catch(() => undefined);
    const token = body !== null && typeof body === 'object' && 'turnstileToken' in body ? body.turnstileToken : undefined;
    await verifyChallenge(c.env, { token, action, hostname: new URL(c.req.url).hostname, remoteIp: c.req.header('cf-connecting-ip') ?? null });
    await next();
  };
