import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api } from '#test/api/helpers';
import { account, cookieOf, login, PASSWORD } from './fixtures';

describe('POST /api/admin/session', () => {
  it('signs in with a __Host- cookie (HttpOnly, Secure, SameSite=Strict) and a CSRF token; GET /session says who', async () => {
    await account('mladost@example.org');
    const response = await login('Mladost@Example.org', PASSWORD);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^__Host-vd-staff=[\w-]{43};/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).not.toMatch(/Domain=/i);
    // Max-Age (12 hours), never an Expires date that a moved clock could put in the past.
    expect(cookie).toMatch(/; Max-Age=43200/);
    expect(cookie).not.toMatch(/Expires=/i);
    const body = (await response.json()) as { csrfToken: string; user: unknown };
    expect(body.user).toEqual({ email: 'mladost@example.org', role: 'district', area: 'bg-sofia', district: 'mladost' });
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/);
    const me = await api('/api/admin/session', { headers: { cookie: cookieOf(response) } });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ user: body.user });
  });

  it('answers a wrong password, an unknown e-mail and a disabled account alike: 401', async () => {
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
  });

  it('429 with Retry-After after 5 failures for an account, even with the right password then, from any client', async () => {
    await account('guessed@example.org');
    for (let i = 0; i < 5; i++) expect((await login('guessed@example.org', `guess ${i}`)).status).toBe(401);
    const blocked = await login('guessed@example.org', PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect((await login('mladost@example.org', PASSWORD)).status).toBe(200);
  });

  it('429 after 20 failures from one client, across accounts', async () => {
    const client = '10.71.0.1';
    for (let i = 0; i < 20; i++) expect((await login(`spray${i}@example.org`, 'guess', client)).status).toBe(401);
    expect((await login('mladost@example.org', PASSWORD, client)).status).toBe(429);
  });

  it('422 lists every bad field', async () => {
    const response = await api('/api/admin/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'not an e-mail' }),
    });
    expect(response.status).toBe(422);
    const fields = ((await response.json()) as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field).sort();
    expect(fields).toEqual(['email', 'password']);
  });
});

describe('DELETE /api/admin/session', () => {
  it('needs the session and its CSRF token (403 without or with a wrong one), then ends the session in D1', async () => {
    await account('logout@example.org', { role: 'police' });
    const signedIn = await login('logout@example.org', PASSWORD);
    const cookie = cookieOf(signedIn);
    const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
    const other = (await (await login('mladost@example.org', PASSWORD)).json()) as { csrfToken: string };
    expect((await api('/api/admin/session', { method: 'DELETE' })).status).toBe(401);
    expect((await api('/api/admin/session', { method: 'DELETE', headers: { cookie } })).status).toBe(403);
    const wrong = await api('/api/admin/session', { method: 'DELETE', headers: { cookie, 'x-csrf-token': other.csrfToken } });
    expect(wrong.status).toBe(403);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    const out = await api('/api/admin/session', { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^__Host-vd-staff=;.*Max-Age=0/);
    expect((await api('/api/admin/session', { headers: { cookie } })).status).toBe(401);
    const [{ id }] = (await env.DB.prepare("SELECT id FROM staff_users WHERE email = 'logout@example.org'").all<{ id: number }>()).results as [{ id: number }];
    const entries = (await env.DB.prepare('SELECT action, records FROM staff_audit WHERE user_id = ? ORDER BY id').bind(id).all()).results;
    expect(entries).toEqual([
      { action: 'login', records: '{}' },
      { action: 'logout', records: '{}' },
    ]);
  });

  it('401 for a made-up or an old cookie', async () => {
    expect((await api('/api/admin/session', { headers: { cookie: '__Host-vd-staff=made-up-token' } })).status).toBe(401);
  });
});
