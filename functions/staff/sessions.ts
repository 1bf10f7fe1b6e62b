import { and, desc, eq, gt, isNotNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Database } from '#db/client';
import { staffSessions, staffUsers } from '#db/schema';
import { base64url, personalNumberHash } from '#functions/platform/crypto';

/** A session ends after 30 minutes without a request, and after 12 hours whatever happens. */
export const IDLE_MS = 30 * 60 * 1000;
export const ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** A sign-in whose password was right has this long to give (or enrol) the second factor. */
export const PENDING_MS = 10 * 60 * 1000;
/** lastSeenAt is written at most once a minute, so reading pages costs no write each time. */
const TOUCH_MS = 60 * 1000;
/** The length of a session's public id: the start of its token's hash, which opens nothing. */
export const SESSION_ID_LENGTH = 16;

export const SESSION_COOKIE = '__Host-vd-staff';

export type SessionStage = 'enrol' | 'verify' | 'done';

const randomToken = () => base64url(crypto.getRandomValues(new Uint8Array(32)));
/** Only the SHA-256 of a token is stored: a copy of the database opens no session. */
export const tokenHash = async (token: string) => base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)));

export interface NewSession {
  token: string;
  expiresAt: Date;
}

/**
 * Opens a session: `done` (signed in, 12 hours at most) or a pending one (`enrol`, `verify`: the
 * password was right, PENDING_MS to finish the sign-in).
 */
export async function createSession(
  db: Database,
  userId: number,
  now: Date,
  options: { stage?: SessionStage; device?: string | undefined } = {},
): Promise<NewSession> {
  const token = randomToken();
  const stage = options.stage ?? 'done';
  const expiresAt = new Date(now.getTime() + (stage === 'done' ? ABSOLUTE_MS : PENDING_MS));
  await db.insert(staffSessions).values({
    tokenHash: await tokenHash(token),
    userId,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
    stage,
    device: options.device ?? null,
  });
  return { token, expiresAt };
}

export interface StaffSession {
  tokenHash: string;
  user: { id: number; email: string; role: 'district' | 'city' | 'police'; area: string | null; district: string | null };
}

const alive = (now: Date) => and(gt(staffSessions.expiresAt, now.toISOString()), gt(staffSessions.lastSeenAt, new Date(now.getTime() - IDLE_MS).toISOString()));

/**
 * The signed-in session of a token with its (enabled, enrolled) user, or undefined: unknown, idle
 * too long, past its end, the user disabled, or a sign-in not finished (a pending session can do
 * nothing but finish it, and an account without a second factor nothing but enrol).
 */
export async function readSession(db: Database, token: string | undefined, now: Date): Promise<StaffSession | undefined> {
  if (!token || token.length > 100) return undefined;
  const hash = await tokenHash(token);
  const [row] = await db
    .select({
      session: staffSessions,
      user: {
        id: staffUsers.id,
        email: staffUsers.email,
        role: staffUsers.role,
        area: staffUsers.area,
        district: staffUsers.district,
        disabledAt: staffUsers.disabledAt,
      },
    })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .where(and(eq(staffSessions.tokenHash, hash), eq(staffSessions.stage, 'done'), isNotNull(staffUsers.enrolledAt), alive(now)))
    .limit(1);
  if (!row || row.user.disabledAt) return undefined;
  if (now.getTime() - new Date(row.session.lastSeenAt).getTime() > TOUCH_MS) {
    await db.update(staffSessions).set({ lastSeenAt: now.toISOString() }).where(eq(staffSessions.tokenHash, hash));
  }
  const { disabledAt: _disabled, ...user } = row.user;
  return { tokenHash: hash, user };
}

/**
 * The CSRF token of a session: an HMAC of its token under DATA_KEY, so the API can hand it out
 * at login and a page can put it into its forms on every render, with nothing more stored.
 */
export const csrfTokenFor = (secret: string, token: string) => personalNumberHash(secret, 'staff-csrf', token);

/** Whether a request's `X-CSRF-Token` belongs to its session (both sides hashed, so the comparison leaks nothing about the token). */
export async function csrfMatches(secret: string, token: string, sent: string | undefined): Promise<boolean> {
  if (!sent || sent.length > 100) return false;
  return (await tokenHash(sent)) === (await tokenHash(await csrfTokenFor(secret, token)));
}

export const endSession = (db: Database, hash: string) => db.delete(staffSessions).where(eq(staffSessions.tokenHash, hash));
export const endSessionsOf = (db: Database, userId: number) => db.delete(staffSessions).where(eq(staffSessions.userId, userId));

/** The public id of a session (what the list of sessions shows and ending one names). */
export const sessionId = (hash: string) => hash.slice(0, SESSION_ID_LENGTH);

/** A user's signed-in sessions, newest first: device and times only. */
export async function sessionsOf(db: Database, userId: number, currentHash: string, now: Date) {
  const rows = await db
    .select({ tokenHash: staffSessions.tokenHash, device: staffSessions.device, createdAt: staffSessions.createdAt, lastSeenAt: staffSessions.lastSeenAt })
    .from(staffSessions)
    .where(and(eq(staffSessions.userId, userId), eq(staffSessions.stage, 'done'), alive(now)))
    .orderBy(desc(staffSessions.createdAt));
  return rows.map((row) => ({
    id: sessionId(row.tokenHash),
    device: row.device,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    current: row.tokenHash === currentHash,
  }));
}

/** Ends one of the user's own sessions by its public id; false when they have none with it. */
export async function endOwnSession(db: Database, userId: number, id: string): Promise<boolean> {
  const ended = await db
    .delete(staffSessions)
    .where(and(eq(staffSessions.userId, userId), sql`substr(${staffSessions.tokenHash}, 1, ${SESSION_ID_LENGTH}) = ${id}`))
    .returning({ tokenHash: staffSessions.tokenHash });
  return ended.length > 0;
}

/** The user's other sessions, for "sign out everywhere else". */
export const endOtherSessions = (db: Database, userId: number, keepHash: string) =>
  db.delete(staffSessions).where(and(eq(staffSessions.userId, userId), ne(staffSessions.tokenHash, keepHash)));

/** For the daily purge: sessions that can no longer be used. */
export const deleteDeadSessions = (db: Database, now: Date) =>
  db
    .delete(staffSessions)
    .where(or(lt(staffSessions.expiresAt, now.toISOString()), lt(staffSessions.lastSeenAt, new Date(now.getTime() - IDLE_MS).toISOString())));
