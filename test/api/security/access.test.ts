import { env } from 'cloudflare:workers';
import { importJWK, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { accessGate } from '#functions/http/access';

// Cloudflare Access as an extra lock on the staff area: the Worker checks the token Access adds
// (Cf-Access-Jwt-Assertion) before anything else. The test team's keys come from the pool's
// stand-in for /cdn-cgi/access/certs (vitest.api.config.ts).
const TEAM = 'voter-desk-test.cloudflareaccess.com';
const AUD = 'aud-tag-of-the-staff-application';
const ON = { ...env, ACCESS_TEAM_DOMAIN: TEAM, ACCESS_AUD: AUD };

async function token(claims: { iss?: string; aud?: string; exp?: number } = {}) {
  const key = await importJWK(JSON.parse(env.ACCESS_TEST_PRIVATE_KEY), 'RS256');
  return new SignJWT({ email: 'officer@sofia.bg' })
    .setProtectedHeader({ alg: 'RS256', kid: 'test-access-key' })
    .setIssuer(claims.iss ?? `https://${TEAM}`)
    .setAudience(claims.aud ?? AUD)
    .setIssuedAt()
    .setExpirationTime(claims.exp ?? Math.floor(Date.now() / 1000) + 600)
    .sign(key);
}

const request = (path: string, assertion?: string) =>
  new Request(`https://voterdesk.example${path}`, { headers: assertion ? { 'cf-access-jwt-assertion': assertion } : {} });

describe('Cloudflare Access in front of the staff area', () => {
  it('refuses staff pages and the staff API without a valid token (403), before our own sign-in', async () => {
    for (const path of ['/api/admin/session', '/api/admin/requests/1', '/bg/admin/', '/en/admin/login/', '/kk/admin/sections/3/print/']) {
      const refused = await accessGate(request(path), ON);
      expect(refused?.status, path).toBe(403);
      expect(refused!.headers.get('cache-control')).toBe('no-store');
    }
    for (const bad of [
      await token({ aud: 'another-application' }),
      await token({ iss: 'https://attacker.cloudflareaccess.com' }),
      await token({ exp: 1_000 }),
      'not.a.jwt',
    ]) {
      expect((await accessGate(request('/api/admin/session', bad), ON))?.status).toBe(403);
    }
  });

  it('lets a valid token through, and never stands in front of public pages or the public API', async () => {
    expect(await accessGate(request('/api/admin/session', await token()), ON)).toBeUndefined();
    expect(await accessGate(request('/bg/admin/login/', await token()), ON)).toBeUndefined();
    for (const path of ['/api/lookup', '/api/health', '/bg/', '/bg/administration-guide/', '/api/adminx'])
      expect(await accessGate(request(path), ON), path).toBeUndefined();
  });

  it('is off when neither setting is set, and fails closed (503) when only one is', async () => {
    expect(await accessGate(request('/api/admin/session'), env)).toBeUndefined();
    const half = await accessGate(request('/api/admin/session'), { ...env, ACCESS_TEAM_DOMAIN: TEAM });
    expect(half?.status).toBe(503);
    expect(((await half!.json()) as { error: { code: string } }).error.code).toBe('misconfigured');
  });
});
