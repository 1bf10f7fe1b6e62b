import { VOTER } from '#test/shared/voter';
import { api } from '#test/api/helpers';

/** Inside the 2024 campaign, before the regular deadline (Sofia time). */
export const CAMPAIGN = '2024-05-20T10:00:00+03:00';
export const LATE = '2024-05-28T10:00:00+03:00';
export const CLOSED = '2024-06-04T00:00:01+03:00';

export { VOTER };

let client = 0;
/** A fresh client address per call unless one is given, so rate limits do not mix tests. */
export function submit(body: unknown, options: { now?: string; client?: string; key?: string; bindings?: Partial<Cloudflare.Env> } = {}) {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'cf-connecting-ip': options.client ?? `10.60.${Math.floor(++client / 250)}.${client % 250}`,
  };
  if (options.key) headers['idempotency-key'] = options.key;
  return api('/api/mobile-box-requests', { method: 'POST', headers, body: JSON.stringify(body) }, { NOW: options.now ?? CAMPAIGN, ...options.bindings });
}

export function status(body: unknown, client = '10.61.0.1', bindings: Partial<Cloudflare.Env> = {}) {
  return api(
    '/api/mobile-box-requests/status',
    { method: 'POST', headers: { 'content-type': 'application/json', 'cf-connecting-ip': client }, body: JSON.stringify(body) },
    bindings,
  );
}

export type Created = {
  requests: { reference: string; ballot: string; form: string; status: string; late: boolean }[];
};
export type ErrorJson = {
  error: {
    code: string;
    message: string;
    help?: { label: string; href: string }[];
    fields?: { field: string; code: string; message: string }[];
  };
};
