import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { and, eq, isNotNull } from 'drizzle-orm';
import { database } from '#db/client';
import { staffPasskeys, staffSessions } from '#db/schema';
import type { Bindings } from '#functions/env';
import { base64url, fromBase64url } from '#functions/platform/crypto';
import { enrolment, finishSignIn, refuseFactor, type FactorContext, type Pending, type SignedIn } from './second-factor';
import { TOTP_ISSUER } from './totp';

/**
 * Passkeys (WebAuthn) through @simplewebauthn/server: the relying party is the host the staff
 * area is served from (`rpID`, its hostname; `origin`, its scheme, host and port), user
 * verification is required (a PIN or biometrics on the device), no attestation is asked for. Each
 * ceremony's challenge is kept on the pending session and used once.
 */
export interface RelyingParty {
  rpID: string;
  origin: string;
}

export const relyingParty = (url: string): RelyingParty => {
  const parsed = new URL(url);
  return { rpID: parsed.hostname, origin: parsed.origin };
};

const passkeysOf = (env: Bindings, userId: number) => database(env.DB).select().from(staffPasskeys).where(eq(staffPasskeys.userId, userId));
const transportsOf = (json: string) => JSON.parse(json) as string[];

async function keepChallenge(env: Bindings, pending: Pending, challenge: string) {
  await database(env.DB).update(staffSessions).set({ challenge }).where(eq(staffSessions.tokenHash, pending.tokenHash));
}

/** Takes the session's challenge: read, then cleared only if it is still the same (of two answers to one challenge, one is checked). */
async function takeChallenge(env: Bindings, pending: Pending): Promise<string | undefined> {
  const db = database(env.DB);
  const [row] = await db
    .select({ challenge: staffSessions.challenge })
    .from(staffSessions)
    .where(and(eq(staffSessions.tokenHash, pending.tokenHash), isNotNull(staffSessions.challenge)));
  if (!row?.challenge) return undefined;
  const taken = await db
    .update(staffSessions)
    .set({ challenge: null })
    .where(and(eq(staffSessions.tokenHash, pending.tokenHash), eq(staffSessions.challenge, row.challenge)))
    .returning({ tokenHash: staffSessions.tokenHash });
  return taken.length > 0 ? row.challenge : undefined;
}

/** Options for creating a passkey while enrolling (`navigator.credentials.create`). */
export async function registrationOptions(env: Bindings, pending: Pending, rp: RelyingParty) {
  const existing = await passkeysOf(env, pending.user.id);
  const options = await generateRegistrationOptions({
    rpName: TOTP_ISSUER,
    rpID: rp.rpID,
    userName: pending.user.email,
    userID: new TextEncoder().encode(`voter-desk-staff:${pending.user.id}`),
    attestationType: 'none',
    excludeCredentials: existing.map((key) => ({ id: key.id, transports: transportsOf(key.transports) })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
  });
  await keepChallenge(env, pending, options.challenge);
  return options;
}

/** Checks the new passkey and finishes the sign-in with it: stored, enrolled, recovery codes made. */
export async function registerPasskey(
  env: Bindings,
  pending: Pending,
  response: RegistrationResponseJSON,
  rp: RelyingParty,
  context: FactorContext,
  now: Date,
): Promise<SignedIn> {
  const challenge = await takeChallenge(env, pending);
  const verified = challenge
    ? await verifyRegistrationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.rpID,
        requireUserVerification: true,
      }).catch(() => undefined)
    : undefined;
  if (!verified?.verified) return refuseFactor(env, pending, 'passkey', context, now);
  const { credential } = verified.registrationInfo;
  const db = database(env.DB);
  const { codes, statements } = await enrolment(env, pending, now);
  return finishSignIn(env, pending, 'passkey', context, now, {
    statements: [
      db.insert(staffPasskeys).values({
        id: credential.id,
        userId: pending.user.id,
        publicKey: base64url(credential.publicKey),
        counter: credential.counter,
        transports: JSON.stringify(credential.transports ?? []),
        createdAt: now.toISOString(),
      }),
      ...statements,
    ],
    recoveryCodes: codes,
  });
}

/** Options for signing in with one of the account's passkeys (`navigator.credentials.get`). */
export async function authenticationOptions(env: Bindings, pending: Pending, rp: RelyingParty) {
  const keys = await passkeysOf(env, pending.user.id);
  const options = await generateAuthenticationOptions({
    rpID: rp.rpID,
    allowCredentials: keys.map((key) => ({ id: key.id, transports: transportsOf(key.transports) })),
    userVerification: 'required',
  });
  await keepChallenge(env, pending, options.challenge);
  return options;
}

/** Checks a passkey's answer to the session's challenge and finishes the sign-in. */
export async function signInWithPasskey(
  env: Bindings,
  pending: Pending,
  response: AuthenticationResponseJSON,
  rp: RelyingParty,
  context: FactorContext,
  now: Date,
): Promise<SignedIn> {
  const challenge = await takeChallenge(env, pending);
  const key = (await passkeysOf(env, pending.user.id)).find((candidate) => candidate.id === response.id);
  const verified =
    challenge && key
      ? await verifyAuthenticationResponse({
          response,
          expectedChallenge: challenge,
          expectedOrigin: rp.origin,
          expectedRPID: rp.rpID,
          credential: { id: key.id, publicKey: fromBase64url(key.publicKey), counter: key.counter, transports: transportsOf(key.transports) },
          requireUserVerification: true,
        }).catch(() => undefined)
      : undefined;
  if (!key || !verified?.verified) return refuseFactor(env, pending, 'passkey', context, now);
  const db = database(env.DB);
  return finishSignIn(env, pending, 'passkey', context, now, {
    statements: [
      db.update(staffPasskeys).set({ counter: verified.authenticationInfo.newCounter, lastUsedAt: now.toISOString() }).where(eq(staffPasskeys.id, key.id)),
    ],
  });
}

/** Whether the account has a passkey (the verify page offers the passkey only then). */
export const hasPasskey = async (env: Bindings, userId: number) => (await passkeysOf(env, userId)).length > 0;
