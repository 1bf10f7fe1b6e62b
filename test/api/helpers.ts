import { env } from 'cloudflare:workers';
import { app } from '../../functions/app';

/** Sends a request to the API inside workerd with the real D1 bindings (or overrides). */
export function api(path: string, init: RequestInit = {}, bindings: Partial<Cloudflare.Env> = {}) {
  return app.request(path, init, { ...env, ...bindings });
}
