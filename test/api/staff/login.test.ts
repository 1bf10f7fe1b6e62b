import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api } from '#test/api/helpers';
import { account, cookieOf, login, passkeyStep, PASSWORD, post, signIn } from './fixtures';

const auditOf = async (email: string) =>
  (
    await env.DB.prepare('SELECT action, records, outcome FROM staff_audit WHERE user_id = (SELECT id FROM staff_users WHERE email = ?) ORDER BY id')
      .bind(email)
      .all<{ action: string; records: string; outcome: string }>()
  ).results;

describe('POST /api/admin/session: the password step', () => {
  it('answers what comes next with a __Host- cookie (HttpOnly, Secure, SameSite=Strict, 10 minutes) that can do nothing but finish the sign-in', async () => {
    await account('mladost@example.org', { enrolled: 'both' });
    const response = await login('Mladost@Example.org', PASSWORD);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^__Host-vd-staff=[\w-]{43};/);
    for (const attribute of [/; Path=\//, /; HttpOnly/, /; Secure/, /; SameSite=Strict/, /; Max-Age=600/]) expect(cookie).toMatch(attribute);
    expect(cookie).not.toMatch(/Domain=|Expires=/i);
    // No CSRF token and no user yet: those come with "done".
    expect(await response.json()).toEqual({ next: 'passkey', methods: ['passkey', 'totp', 'recovery'] });
    const pending = cookieOf(response);
    for (const [method, path] of [
      ['GET', '/api/admin/session'],
      ['GET', '/api/admin/requests'],
      ['GET', '/api/admin/sessions'],
      ['GET', '/api/admin/sections'],
    ] as const) {
      expect((await api(path, { method, headers: { cookie: pending } })).status, path).toBe(401);
    }
  });

  it('the second step gives a new cookie for 12 hours, the CSRF token and who is signed in; the pending cookie is then worth nothing', async () => {
    await account('second@example.org');
    const first = await login('second@example.org', PASSWORD);
    const pending = cookieOf(first);
    const done = await passkeyStep('second@example.org', pending);
    expect(done.status).toBe(200);
    expect(done.headers.get('set-cookie')).toMatch(/; Max-Age=43200/);
    const signedIn = cookieOf(done);
    expect(signedIn).not.toBe(pending);
    const body = (await done.json()) as { next: string; csrfToken: string; user: unknown; recoveryCodes?: unknown };
    expect(body).toEqual({
      next: 'done',
      csrfToken: expect.stringMatching(/^[\w-]{43}$/),
      user: { email: 'second@example.org', role: 'district', area: 'bg-sofia', district: 'mladost' },
    });
    const me = await api('/api/admin/session', { headers: { cookie: signedIn } });
    expect(await me.json()).toEqual({ user: body.user });
    expect((await api('/api/admin/session', { headers: { cookie: pending } })).status).toBe(401);
    expect((await passkeyStep('second@example.org', pending)).status).toBe(401);
  });

  it('answers a wrong password, an unknown e-mail and a disabled account alike: 401, no cookie, and audits each failure', async () => {
    await account('known@example.org');
    await account('gone@example.org', { disabled: true });
    const answers = await Promise.all([
      login('known@example.org', 'not the password'),
      login('nobody@example.org', PASSWORD),
      login('gone@example.org', PASSWORD),
    ]);
    const bodies = await Promise.all(answers.map((r) => r.text()));
    expect(answers.map((r) => r.status)).toEqual([401, 401, 401]);
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0]!).error.code).toBe('unauthorized');
    for (const answer of answers) expect(answer.headers.get('set-cookie')).toBeNull();
    expect(await auditOf('known@example.org')).toEqual([{ action: 'login.password', records: '{}', outcome: 'failed' }]);
    const unknown = await env.DB.prepare(
      "SELECT count(*) AS n FROM staff_audit WHERE user_id IS NULL AND action = 'login.password' AND outcome = 'failed' AND source IS NOT NULL",
    ).first<{
      n: number;
    }>();
    expect(unknown!.n).toBeGreaterThanOrEqual(1);
  });

  it('ends the session the request came with (signing in again, or as someone else, on the same browser)', async () => {
    await account('again@example.org');
    const first = await signIn('again@example.org');
    const second = await login('again@example.org', PASSWORD, undefined, { cookie: first.cookie });
    expect(second.status).toBe(200);
    expect((await api('/api/admin/session', { headers: { cookie: first.cookie } })).status).toBe(401);
  });

  it('rewrites a password hash from before the pepper at the next sign-in, peppered and at full cost', async () => {
    await account('old@example.org', { unpeppered: true, iterations: 1_000 });
    const hashOf = async () =>
      (await env.DB.prepare("SELECT password_hash AS hash FROM staff_users WHERE email = 'old@example.org'").first<{ hash: string }>())!.hash;
    expect(await hashOf()).toMatch(/^pbkdf2-sha256\$1000\$/);
    expect((await login('old@example.org', PASSWORD)).status).toBe(200);
    expect(await hashOf()).toMatch(/^pbkdf2-sha256-peppered\$100000\$/);
    expect((await login('old@example.org', PASSWORD)).status).toBe(200);
  });

  it('422 lists every bad field', async () => {
    const response = await post('/api/admin/session', { email: 'not an e-mail' });
    expect(response.status).toBe(422);
    const fields = ((await response.json()) as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field).sort();
    expect(fields).toEqual(['email', 'password']);
  });
});

describe('DELETE /api/admin/session', () => {
  it('needs the session and its CSRF token (403 without or with a wrong one, audited), then ends the session in D1', async () => {
    await account('logout@example.org', { role: 'police' });
    await account('other@example.org');
    const { cookie, csrf } = await signIn('logout@example.org');
    const other = await signIn('other@example.org');
    expect((await api('/api/admin/session', { method: 'DELETE' })).status).toBe(401);
    expect((await api('/api/admin/session', { method: 'DELETE', headers: { cookie } })).status).toBe(403);
    const wrong = await api('/api/admin/session', { method: 'DELETE', headers: { cookie, 'x-csrf-token': other.csrf } });
    expect(wrong.status).toBe(403);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    const out = await api('/api/admin/session', { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrf } });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^__Host-vd-staff=;.*Max-Age=0/);
    expect((await api('/api/admin/session', { headers: { cookie } })).status).toBe(401);
    expect(await auditOf('logout@example.org')).toEqual([
      { action: 'login.password', records: '{}', outcome: 'ok' },
      { action: 'login', records: '{"method":"passkey"}', outcome: 'ok' },
      { action: 'csrf.refused', records: '{"route":"DELETE /api/admin/session"}', outcome: 'refused' },
      { action: 'csrf.refused', records: '{"route":"DELETE /api/admin/session"}', outcome: 'refused' },
      { action: 'logout', records: '{}', outcome: 'ok' },
    ]);
  });

  it('401 for a made-up or an old cookie', async () => {
    expect((await api('/api/admin/session', { headers: { cookie: '__Host-vd-staff=made-up-token' } })).status).toBe(401);
  });
});
