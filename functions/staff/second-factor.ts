import { and, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { database, type Database } from '#db/client';
import { staffSessions, staffUsers } from '#db/schema';
import type { Bindings } from '#functions/env';
import { Unauthenticated } from '#core/errors';
import { base64url, seal, unseal } from '#functions/platform/crypto';
import { dataKeys, requireKey } from '#functions/platform/keys';
import { auditEntry, auditSource } from './audit';
import type { SecondFactor } from './login';
import { newRecoveryCodes, useRecoveryCode } from './recovery-codes';
import { ABSOLUTE_MS, csrfTokenFor, tokenHash, type NewSession, type SessionStage } from './sessions';
import { newTotpSecret, otpauthUri, totpStep } from './totp';

/** Wrong codes a pending session may give; then it ends and the sign-in starts again with the password. */
export const SECOND_FACTOR_TRIES = 5;

export type StaffUserRow = typeof staffUsers.$inferSelect;
type PendingStage = Exclude<SessionStage, 'done'>;

export interface Pending {
  tokenHash: string;
  stage: PendingStage;
  device: string | null;
  pendingTotpSealed: string | null;
  user: StaffUserRow;
}

export interface SignedIn extends NewSession {
  next: 'done';
  csrfToken: string;
  user: { email: string; role: StaffUserRow['role']; area: string | null; district: string | null };
  /** Shown once, when the second factor was enrolled in this sign-in. */
  recoveryCodes?: string[];
}

/** Where a request comes from, for the audit log: the rate-limit bucket. */
export interface FactorContext {
  source: string;
}

/** A TOTP secret is sealed for its account (by e-mail, the account's key, so the demo loader can seal one before the row has an id). */
export const totpContext = (email: string) => ({ purpose: 'staff-totp', record: `account:${email}` });

/**
 * The pending session of a token in one of `stages`, with its enabled user; Unauthenticated
 * otherwise (none, ended, past PENDING_MS, or another stage: a finished session cannot enrol again here).
 */
export async function pendingSession(env: Bindings, token: string | undefined, stages: readonly PendingStage[], now: Date): Promise<Pending> {
  if (!token || token.length > 100) throw new Unauthenticated();
  const hash = await tokenHash(token);
  const [row] = await database(env.DB)
    .select({ session: staffSessions, user: staffUsers })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .where(and(eq(staffSessions.tokenHash, hash), inArray(staffSessions.stage, [...stages]), gt(staffSessions.expiresAt, now.toISOString())))
    .limit(1);
  if (!row || row.user.disabledAt || row.session.stage === 'done') throw new Unauthenticated();
  return { tokenHash: hash, stage: row.session.stage, device: row.session.device, pendingTotpSealed: row.session.pendingTotpSealed, user: row.user };
}

/** A wrong code: counted on the session (ended at SECOND_FACTOR_TRIES) and audited; always Unauthenticated. */
export async function refuseFactor(env: Bindings, pending: Pending, method: SecondFactor, context: FactorContext, now: Date): Promise<never> {
  const db = database(env.DB);
  const [counted] = await db
    .update(staffSessions)
    .set({ failures: sql`${staffSessions.failures} + 1` })
    .where(eq(staffSessions.tokenHash, pending.tokenHash))
    .returning({ failures: staffSessions.failures });
  const source = await auditSource(requireKey(env, 'DATA_KEY'), context.source);
  await db.batch([
    auditEntry(db, pending.user.id, pending.stage === 'enrol' ? 'login.enrol' : 'login.second_factor', { method }, now, { outcome: 'failed', source }),
    ...(counted && counted.failures >= SECOND_FACTOR_TRIES ? [db.delete(staffSessions).where(eq(staffSessions.tokenHash, pending.tokenHash))] : []),
  ]);
  throw new Unauthenticated();
}

type Statement = Parameters<Database['batch']>[0][number];

/**
 * Finishes a sign-in: the pending session is replaced by a signed-in one with a new token (so a
 * token seen before the second factor opens nothing), together with `statements` (an enrolment)
 * and the audit entry, in one batch.
 */
export async function finishSignIn(
  env: Bindings,
  pending: Pending,
  method: SecondFactor,
  context: FactorContext,
  now: Date,
  extra: { statements?: Statement[]; recoveryCodes?: string[]; remaining?: number } = {},
): Promise<SignedIn> {
  const db = database(env.DB);
  const secret = requireKey(env, 'DATA_KEY');
  const value = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const expiresAt = new Date(now.getTime() + ABSOLUTE_MS);
  const enrolling = pending.stage === 'enrol';
  await db.batch([
    db.delete(staffSessions).where(eq(staffSessions.tokenHash, pending.tokenHash)),
    ...(extra.statements ?? []),
    db.insert(staffSessions).values({
      tokenHash: await tokenHash(value),
      userId: pending.user.id,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      stage: 'done',
      device: pending.device,
    }),
    auditEntry(
      db,
      pending.user.id,
      enrolling ? 'login.enrol' : 'login',
      { method, ...(extra.remaining !== undefined ? { remaining: extra.remaining } : {}) },
      now,
      {
        source: await auditSource(secret, context.source),
      },
    ),
  ]);
  const { email, role, area, district } = pending.user;
  return {
    token: value,
    expiresAt,
    next: 'done',
    csrfToken: await csrfTokenFor(secret, value),
    user: { email, role, area, district },
    ...(extra.recoveryCodes ? { recoveryCodes: extra.recoveryCodes } : {}),
  };
}

/** What enrolment writes besides the factor itself: enrolled now, and ten new recovery codes (returned to show once). */
export async function enrolment(env: Bindings, pending: Pending, now: Date) {
  const db = database(env.DB);
  const { codes, statements } = await newRecoveryCodes(db, requireKey(env, 'STAFF_PEPPER'), pending.user.id, now);
  return {
    codes,
    statements: [
      ...statements,
      db.update(staffUsers).set({ enrolledAt: now.toISOString(), updatedAt: now.toISOString() }).where(eq(staffUsers.id, pending.user.id)),
    ] as Statement[],
  };
}

/**
 * The TOTP secret offered while enrolling: made once per pending session (sealed on it), so
 * opening the page again shows the same one. Returns the secret and its `otpauth://` URI.
 */
export async function totpSetup(env: Bindings, pending: Pending): Promise<{ secret: string; otpauthUri: string }> {
  const keys = dataKeys(env);
  let secret = pending.pendingTotpSealed ? await unseal(keys, totpContext(pending.user.email), pending.pendingTotpSealed).catch(() => undefined) : undefined;
  if (!secret) {
    secret = newTotpSecret();
    await database(env.DB)
      .update(staffSessions)
      .set({ pendingTotpSealed: await seal(keys, totpContext(pending.user.email), secret) })
      .where(eq(staffSessions.tokenHash, pending.tokenHash));
  }
  return { secret, otpauthUri: otpauthUri(secret, pending.user.email) };
}

/**
 * Finishes a sign-in with a TOTP code: while enrolling, against the secret offered (which then
 * becomes the account's, with recovery codes); otherwise against the account's. A code is
 * accepted once: the step is written in the same statement that checks it is new.
 */
export async function signInWithTotp(env: Bindings, pending: Pending, code: string, context: FactorContext, now: Date): Promise<SignedIn> {
  const keys = dataKeys(env);
  const sealed = pending.stage === 'enrol' ? pending.pendingTotpSealed : pending.user.totpSealed;
  const secret = sealed ? await unseal(keys, totpContext(pending.user.email), sealed).catch(() => undefined) : undefined;
  const step = secret ? totpStep(secret, code, Date.now()) : undefined;
  if (step === undefined) return refuseFactor(env, pending, 'totp', context, now);
  const db = database(env.DB);
  const accepted = await db
    .update(staffUsers)
    .set({ totpStep: step, ...(pending.stage === 'enrol' ? { totpSealed: sealed } : {}) })
    .where(and(eq(staffUsers.id, pending.user.id), or(isNull(staffUsers.totpStep), lt(staffUsers.totpStep, step))))
    .returning({ id: staffUsers.id });
  if (accepted.length === 0) return refuseFactor(env, pending, 'totp', context, now);
  if (pending.stage !== 'enrol') return finishSignIn(env, pending, 'totp', context, now);
  const { codes, statements } = await enrolment(env, pending, now);
  return finishSignIn(env, pending, 'totp', context, now, { statements, recoveryCodes: codes });
}

/** Finishes a sign-in with one of the account's unused recovery codes (enrolled accounts only). */
export async function signInWithRecoveryCode(env: Bindings, pending: Pending, code: string, context: FactorContext, now: Date): Promise<SignedIn> {
  const remaining = pending.user.enrolledAt ? await useRecoveryCode(database(env.DB), requireKey(env, 'STAFF_PEPPER'), pending.user.id, code, now) : undefined;
  if (remaining === undefined) return refuseFactor(env, pending, 'recovery', context, now);
  return finishSignIn(env, pending, 'recovery', context, now, { remaining });
}
