import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { LOCALES, negotiateLocale } from '#core/i18n';
import { Forbidden } from '#core/errors';
import { isLocalDevelopment, refuseConfiguration } from '#functions/platform/keys';
import { errorAnswer } from './http-errors';
import { SECURITY_HEADERS } from './security-headers';

/**
 * Cloudflare Access as a second lock in front of the staff area. When ACCESS_TEAM_DOMAIN and
 * ACCESS_AUD are both set, every request to `/<locale>/admin/*` and `/api/admin/*` must carry a
 * `Cf-Access-Jwt-Assertion` that Access signed for this application (RS256 under the team's keys,
 * `iss` the team domain, `aud` the application's tag, not expired); otherwise 403, before our own
 * sign-in runs. Access in front of the custom host does not cover `*.workers.dev` or preview
 * URLs, so wrangler.toml turns both off (docs/operations.md). One of the two settings without the
 * other fails closed (503 `misconfigured`).
 */
export const ACCESS_HEADER = 'cf-access-jwt-assertion';
const STAFF_PATH = new RegExp(`^/(?:api|${LOCALES.join('|')})/admin(?:/|$)`);
const KEYS_TTL_MS = 10 * 60 * 1000;

export interface AccessEnv {
  ACCESS_TEAM_DOMAIN?: string | undefined;
  ACCESS_AUD?: string | undefined;
  /** Local development and tests only: serves the signing keys instead of the team domain. */
  ACCESS_CERTS?: Fetcher | undefined;
  ENVIRONMENT?: string | undefined;
}

export const isStaffPath = (pathname: string) => STAFF_PATH.test(pathname);

/** The team's issuer URL from ACCESS_TEAM_DOMAIN (`team.cloudflareaccess.com`, with or without `https://`). */
const issuerOf = (team: string) => `https://${team.replace(/^https:\/\//, '').replace(/\/+$/, '')}`;

let cached: { issuer: string; keys: ReturnType<typeof createLocalJWKSet>; at: number } | undefined;

/** The team's public keys (`/cdn-cgi/access/certs`), kept for 10 minutes per isolate. */
async function signingKeys(env: AccessEnv, issuer: string) {
  if (cached && cached.issuer === issuer && Date.now() - cached.at < KEYS_TTL_MS) return cached.keys;
  const url = `${issuer}/cdn-cgi/access/certs`;
  const certs = isLocalDevelopment(env) && env.ACCESS_CERTS ? env.ACCESS_CERTS : undefined;
  const response = await (certs ? certs.fetch(url) : fetch(url));
  if (!response.ok) throw new Error(`access certs answered ${response.status}`);
  const keys = createLocalJWKSet((await response.json()) as JSONWebKeySet);
  cached = { issuer, keys, at: Date.now() };
  return keys;
}

/** Whether Access is configured: both settings, or neither (one alone is refused). */
export function accessSettings(env: AccessEnv): { issuer: string; audience: string } | undefined {
  if (env.ACCESS_TEAM_DOMAIN && env.ACCESS_AUD) return { issuer: issuerOf(env.ACCESS_TEAM_DOMAIN), audience: env.ACCESS_AUD };
  if (!env.ACCESS_TEAM_DOMAIN && !env.ACCESS_AUD) return undefined;
  return refuseConfiguration(
    env.ACCESS_TEAM_DOMAIN ? 'ACCESS_AUD' : 'ACCESS_TEAM_DOMAIN',
    'unpaired',
    'Cloudflare Access needs both ACCESS_TEAM_DOMAIN and ACCESS_AUD, or neither',
  );
}

/** Whether a request carries a valid Access token for this application. */
export async function accessAllows(env: AccessEnv, headers: Headers): Promise<boolean> {
  const settings = accessSettings(env);
  if (!settings) return true;
  const token = headers.get(ACCESS_HEADER);
  if (!token || token.length > 8192) return false;
  try {
    await jwtVerify(token, await signingKeys(env, settings.issuer), { issuer: settings.issuer, audience: settings.audience, algorithms: ['RS256'] });
    return true;
  } catch {
    return false;
  }
}

/**
 * The Worker's gate: for a staff path with Access configured and no valid token, the refusal
 * (403 in the API's envelope, or a plain page); undefined to go on. A half configuration is 503.
 */
export async function accessGate(request: Request, env: AccessEnv): Promise<Response | undefined> {
  const { pathname } = new URL(request.url);
  if (!isStaffPath(pathname)) return undefined;
  let refusal: unknown;
  try {
    if (await accessAllows(env, request.headers)) return undefined;
    refusal = new Forbidden();
  } catch (error) {
    refusal = error;
  }
  const answer = errorAnswer(refusal, negotiateLocale(request.headers.get('accept-language')));
  return Response.json(answer.body, { status: answer.status, headers: { ...SECURITY_HEADERS, 'Cache-Control': 'no-store', ...answer.headers } });
}
