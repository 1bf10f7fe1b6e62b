import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { delayAfter, PAIR_FREE, SOURCE_FREE } from '#functions/staff/throttle';
import { api, startOfSteadyWindow } from '#test/api/helpers';
import { account, nextClient, PASSWORD } from './fixtures';

/** The Workers Rate Limiting binding out of the way (the in-memory limiter, raised): these tests are about the D1 throttle. */
const NO_BINDING: Partial<Cloudflare.Env> = { RATE_LIMIT_MODE: 'memory', LOGIN_RATE_LIMIT: '100000', LOGIN_WIDE_RATE_LIMIT: '100000' };
const TURNSTILE_ON = { TURNSTILE_SECRET: '1x0000000000000000000000000000000AA', TURNSTILE_SITE_KEY: '1x00000000000000000000AA' };

function attempt(email: string, password: string, client: string, bindings: Partial<Cloudflare.Env> = NO_BINDING, extra: Record<string, string> = {}) {
  return api(
    '/api/admin/session',
    { method: 'POST', headers: { 'content-type': 'application/json', 'cf-connecting-ip': client }, body: JSON.stringify({ email, password, ...extra }) },
    bindings,
  );
}

describe('sign-in throttling', () => {
  it('counts parallel guesses atomically: of 30 wrong passwords at once from one source, exactly 5 are checked (401), the rest wait (429)', async () => {
    await account('race@example.org');
    const client = nextClient();
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt('race@example.org', `guess ${i}`, client)));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(PAIR_FREE);
    expect(statuses.filter((status) => status === 429)).toHaveLength(30 - PAIR_FREE);
    const limited = answers.find((answer) => answer.status === 429)!;
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(25);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(31);
  });

  it('never locks the account: the right password from another address signs in while the guesser waits', async () => {
    await account('target@example.org');
    const attacker = nextClient();
    for (let i = 0; i < 12; i++) await attempt('target@example.org', `guess ${i}`, attacker);
    expect((await attempt('target@example.org', PASSWORD, attacker)).status).toBe(429);
    expect((await attempt('target@example.org', PASSWORD, nextClient())).status).toBe(200);
  });

  it('slows one source guessing across many accounts after 20 failures', async () => {
    const client = nextClient();
    for (let i = 0; i < SOURCE_FREE; i++) expect((await attempt(`spray${i}@example.org`, 'guess', client)).status).toBe(401);
    expect((await attempt('spray-next@example.org', 'guess', client)).status).toBe(429);
  });

  it('waits longer after each further failure, up to 15 minutes', () => {
    expect([4, 5, 6, 7, 8, 9, 10, 20].map((count) => delayAfter(count, PAIR_FREE) / 1000)).toEqual([0, 30, 60, 120, 240, 480, 900, 900]);
  });

  it('with Turnstile on, asks for it on an account that had 3 failures (from anywhere), and lets a valid token through', async () => {
    await account('watched@example.org');
    const bindings = { ...NO_BINDING, ...TURNSTILE_ON };
    for (let i = 0; i < 3; i++) expect((await attempt('watched@example.org', `guess ${i}`, nextClient(), bindings)).status).toBe(401);
    const without = await attempt('watched@example.org', PASSWORD, nextClient(), bindings);
    expect(without.status).toBe(403);
    expect(((await without.json()) as { error: { code: string } }).error.code).toBe('challenge_failed');
    expect((await attempt('watched@example.org', PASSWORD, nextClient(), bindings, { turnstileToken: 'ok:staff_login:localhost' })).status).toBe(200);
    // A fresh account needs no token.
    await account('calm@example.org');
    expect((await attempt('calm@example.org', PASSWORD, nextClient(), bindings)).status).toBe(200);
  });

  it('writes failed and throttled sign-ins to the audit log with a hashed source, never the address', async () => {
    await account('logged@example.org');
    const client = '10.99.1.2';
    for (let i = 0; i < 6; i++) await attempt('logged@example.org', `guess ${i}`, client);
    const rows = (
      await env.DB.prepare(
        "SELECT outcome, source FROM staff_audit WHERE action = 'login.password' AND user_id = (SELECT id FROM staff_users WHERE email = 'logged@example.org') ORDER BY id",
      ).all<{ outcome: string; source: string }>()
    ).results;
    expect(rows.map((row) => row.outcome)).toEqual([...Array(5).fill('failed'), 'throttled']);
    expect(new Set(rows.map((row) => row.source)).size).toBe(1);
    expect(rows[0]!.source).not.toContain('10.99');
  });

  it('the sign-in route has a Workers Rate Limiting binding: 11 attempts in a minute from one client, the 11th is 429 before any password is checked', async () => {
    await startOfSteadyWindow();
    const client = nextClient();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await attempt(`binding${i}@example.org`, 'guess', client, {})).status);
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
  });
});

describe('Turnstile configured by half', () => {
  it('fails closed (503 misconfigured) instead of switching itself off', async () => {
    for (const half of [{ TURNSTILE_SECRET: TURNSTILE_ON.TURNSTILE_SECRET }, { TURNSTILE_SITE_KEY: TURNSTILE_ON.TURNSTILE_SITE_KEY }]) {
      const lookup = await api(
        '/api/lookup',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'cf-connecting-ip': nextClient() },
          body: JSON.stringify({ country: 'BG', idNumber: '7501020018' }),
        },
        half,
      );
      expect(lookup.status).toBe(503);
      expect(((await lookup.json()) as { error: { code: string } }).error.code).toBe('misconfigured');
      expect((await api('/api/health', {}, half)).status).toBe(503);
    }
  });
});
