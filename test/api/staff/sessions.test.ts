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

const db = () => database(env.DB);
const T0 = new Date('2024-05-27T09:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

async function user(email: string, disabledAt: string | null = null) {
  const [row] = await db()
    .insert(staffUsers)
    .values({
      email,
      role: 'district',
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
