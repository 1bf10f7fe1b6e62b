import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { database } from '#db/client';
import { staffSessions, staffUsers } from '#db/schema';
import { hashPassword } from '#functions/staff/passwords';
import {
  ABSOLUTE_MS,
  createSession,
  csrfMatches,
  csrfTokenFor,
  deleteDeadSessions,
  endSession,
  endSessionsOf,
  IDLE_MS,
  readSession,
  tokenHash,
} from '#functions/staff/sessions';
import { eq } from 'drizzle-orm';
import { runRetention } from '#functions/scheduled';
import { api } from '#test/api/helpers';
import { account, signIn } from './fixtures';

const db = () => database(env.DB);
const T0 = new Date('2024-05-27T09:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

async function user(email: string, disabledAt: string | null = null) {
  const [row] = await db()
    .insert(staffUsers)
    .values({
      email,
      role: 'district',
      area: 'bg-sofia',
      district: 'mladost',
      passwordHash: await hashPassword('not used here', env.STAFF_PEPPER, 1_000),
      enrolledAt: T0.toISOString(),
      disabledAt,
      createdAt: T0.toISOString(),
      updatedAt: T0.toISOString(),
    })
    .returning({ id: staffUsers.id });
  return row!.id;
}

describe('staff sessions in D1', () => {
  it('open with a token only the cookie holds, and stay open while used', async () => {
    const id = await user('mladost@example.org');
    const session = await createSession(db(), id, T0);
    const [stored] = await db().select().from(staffSessions).where(eq(staffSessions.userId, id));
    expect(stored!.tokenHash).toBe(await tokenHash(session.token));
    expect(JSON.stringify(stored)).not.toContain(session.token);
    expect(JSON.stringify(stored)).not.toContain(await csrfTokenFor(env.DATA_KEY, session.token));
    expect((await readSession(db(), session.token, later(IDLE_MS - 1000)))?.user).toEqual({
      id,
      email: 'mladost@example.org',
      role: 'district',
      area: 'bg-sofia',
      district: 'mladost',
    });
    // Used just before going idle: the idle clock starts again from that request.
    expect(await readSession(db(), session.token, later(2 * IDLE_MS - 2000))).toBeDefined();
    expect(await readSession(db(), 'a-token-nobody-was-given', T0)).toBeUndefined();
    expect(await readSession(db(), undefined, T0)).toBeUndefined();
  });

  it('end when idle for 30 minutes, after 12 hours whatever happens, on logout, and when the user is disabled', async () => {
    const id = await user('idle@example.org');
    const idle = await createSession(db(), id, T0);
    expect(await readSession(db(), idle.token, later(IDLE_MS + 1000))).toBeUndefined();

    const busy = await createSession(db(), id, T0);
    for (let at = 0; at < ABSOLUTE_MS; at += IDLE_MS / 2) expect(await readSession(db(), busy.token, later(at))).toBeDefined();
    expect(await readSession(db(), busy.token, later(ABSOLUTE_MS + 1000))).toBeUndefined();

    const loggedOut = await createSession(db(), id, T0);
    await endSession(db(), await tokenHash(loggedOut.token));
    expect(await readSession(db(), loggedOut.token, T0)).toBeUndefined();

    const other = await createSession(db(), id, T0);
    await endSessionsOf(db(), id);
    expect(await readSession(db(), other.token, T0)).toBeUndefined();

    const disabledId = await user('disabled@example.org', T0.toISOString());
    const disabled = await createSession(db(), disabledId, T0);
    expect(await readSession(db(), disabled.token, T0)).toBeUndefined();
  });

  it('check the CSRF token of their own session only, and the purge drops dead ones', async () => {
    const id = await user('csrf@example.org');
    const one = await createSession(db(), id, T0);
    const two = await createSession(db(), id, T0);
    const csrf = (token: string) => csrfTokenFor(env.DATA_KEY, token);
    expect(await csrfMatches(env.DATA_KEY, one.token, await csrf(one.token))).toBe(true);
    expect(await csrfMatches(env.DATA_KEY, one.token, await csrf(two.token))).toBe(false);
    expect(await csrfMatches(env.DATA_KEY, one.token, undefined)).toBe(false);
    expect(await csrfMatches(env.DATA_KEY, one.token, '')).toBe(false);
    expect(await csrfMatches('another-data-key-of-at-least-32-bytes!!', one.token, await csrf(one.token))).toBe(false);
    await deleteDeadSessions(db(), later(ABSOLUTE_MS + 1000));
    expect(await db().select().from(staffSessions).where(eq(staffSessions.userId, id))).toEqual([]);
    // The daily Cron Trigger runs the same statement.
    const kept = await createSession(db(), id, T0);
    await runRetention(env, later(ABSOLUTE_MS + 1000));
    expect(await readSession(db(), kept.token, T0)).toBeUndefined();
    expect(await db().select().from(staffSessions).where(eq(staffSessions.userId, id))).toEqual([]);
  });
});

describe('seeing and ending sessions', () => {
  const get = (path: string, cookie: string) =>
    api(path, { headers: { cookie, 'user-agent': 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36' } });
  const del = (path: string, session: { cookie: string; csrf: string }) =>
    api(path, { method: 'DELETE', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf } });

  it('a staff member sees their own sessions (device and times, no token) and ends another one; not someone else’s', async () => {
    await account('many@example.org');
    await account('stranger@example.org');
    const phone = await signIn('many@example.org');
    const laptop = await signIn('many@example.org');
    const stranger = await signIn('stranger@example.org');
    const listed = (await (await get('/api/admin/sessions', laptop.cookie)).json()) as {
      sessions: { id: string; device: string | null; createdAt: string; lastSeenAt: string; current: boolean }[];
    };
    expect(listed.sessions).toHaveLength(2);
    expect(listed.sessions.filter((session) => session.current)).toHaveLength(1);
    for (const session of listed.sessions) expect(session.id).toMatch(/^[\w-]{16}$/);
    const text = JSON.stringify(listed);
    for (const secret of [phone.cookie.split('=')[1]!, laptop.cookie.split('=')[1]!, phone.csrf]) expect(text).not.toContain(secret);
    const other = listed.sessions.find((session) => !session.current)!;
    // Someone else cannot end it: 404, like a session that does not exist.
    expect((await del(`/api/admin/sessions/${other.id}`, stranger)).status).toBe(404);
    expect((await get('/api/admin/session', phone.cookie)).status).toBe(200);
    expect((await del(`/api/admin/sessions/${other.id}`, laptop)).status).toBe(200);
    expect((await get('/api/admin/session', phone.cookie)).status).toBe(401);
    expect((await get('/api/admin/session', laptop.cookie)).status).toBe(200);
  });

  it('the city ends every session of an account (audited); no one else may', async () => {
    await account('lost-phone@example.org');
    await account('city-admin@example.org', { role: 'city' });
    await account('district-admin@example.org');
    const lost = [await signIn('lost-phone@example.org'), await signIn('lost-phone@example.org')];
    const city = await signIn('city-admin@example.org');
    const district = await signIn('district-admin@example.org');
    const signOut = (session: { cookie: string; csrf: string }, email: string) =>
      api('/api/admin/accounts/sign-out', {
        method: 'POST',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ email }),
      });
    expect((await signOut(district, 'lost-phone@example.org')).status).toBe(404);
    expect((await get('/api/admin/session', lost[0]!.cookie)).status).toBe(200);
    const done = await signOut(city, 'Lost-Phone@Example.org');
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ ended: 2 });
    for (const session of lost) expect((await get('/api/admin/session', session.cookie)).status).toBe(401);
    expect((await signOut(city, 'nobody@example.org')).status).toBe(404);
    const entry = await env.DB.prepare("SELECT records FROM staff_audit WHERE action = 'account.sign_out'").first<{ records: string }>();
    expect(JSON.parse(entry!.records)).toMatchObject({ ended: 2 });
  });
});
