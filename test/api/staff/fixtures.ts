import { env } from 'cloudflare:workers';
import { database } from '#db/client';
import { staffPasskeys, staffUsers } from '#db/schema';
import { seal } from '#functions/platform/crypto';
import { hashPassword } from '#functions/staff/passwords';
import { totpContext } from '#functions/staff/second-factor';
import { newTotpSecret, totpCode } from '#functions/staff/totp';
import { api } from '#test/api/helpers';
import { b64url, SoftwareAuthenticator } from '#test/shared/authenticator';

export const PASSWORD = 'a long staff password';
/** The origin the tests' requests come from (`app.request('/api/…')` is http://localhost). */
export const ORIGIN = 'http://localhost';
let clients = 0;
export const nextClient = () => `10.70.${Math.floor(++clients / 250)}.${clients % 250}`;

/** Each enrolled account's passkey and TOTP secret, as its owner's phone would hold them. */
const passkeys = new Map<string, SoftwareAuthenticator>();
const totpSecrets = new Map<string, string>();

export type Enrolment = 'passkey' | 'totp' | 'both' | 'none';

/**
 * A staff account straight in D1 (a cheap hash: these tests are about access, not cost),
 * enrolled as its owner would be: a passkey (the default, so `signIn` can sign in as often as a
 * test needs), a TOTP secret, both, or none (it must enrol at its first sign-in).
 */
export async function account(
  email: string,
  options: {
    role?: 'district' | 'city' | 'police';
    area?: string | null;
    district?: string;
    disabled?: boolean;
    iterations?: number;
    enrolled?: Enrolment;
    /** A hash from before the pepper (`pbkdf2-sha256$…`). */
    unpeppered?: boolean;
  } = {},
) {
  const stamp = new Date().toISOString();
  const role = options.role ?? 'district';
  const enrolled = options.enrolled ?? 'passkey';
  const secret = enrolled === 'totp' || enrolled === 'both' ? newTotpSecret() : undefined;
  const [row] = await database(env.DB)
    .insert(staffUsers)
    .values({
      email,
      role,
      area: options.area === undefined ? 'bg-sofia' : options.area,
      district: role === 'district' ? (options.district ?? 'mladost') : null,
      passwordHash: await hashPassword(PASSWORD, options.unpeppered ? undefined : env.STAFF_PEPPER, options.iterations),
      disabledAt: options.disabled ? stamp : null,
      totpSealed: secret ? await seal({ current: env.DATA_KEY }, totpContext(email), secret) : null,
      enrolledAt: enrolled === 'none' ? null : stamp,
      createdAt: stamp,
      updatedAt: stamp,
    })
    .returning({ id: staffUsers.id });
  if (secret) totpSecrets.set(email, secret);
  if (enrolled === 'passkey' || enrolled === 'both') {
    const authenticator = await SoftwareAuthenticator.create();
    await database(env.DB)
      .insert(staffPasskeys)
      .values({
        id: authenticator.id,
        userId: row!.id,
        publicKey: b64url(await authenticator.cosePublicKey()),
        counter: 0,
        transports: '["internal"]',
        createdAt: stamp,
      });
    passkeys.set(email, authenticator);
  }
  return row!.id;
}

/** The account's authenticator app: the code it shows now (or at another moment). */
export const totpNow = (email: string, at = Date.now()) => totpCode(totpSecrets.get(email)!, at);
export const remember = (email: string, secret: string) => totpSecrets.set(email, secret);
export const passkeyOf = (email: string) => passkeys.get(email);

export function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return api(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': nextClient(), ...headers },
    body: JSON.stringify(body),
  });
}

/** The first step: e-mail and password (from a fresh client unless one is given). */
export function login(email: string, password: string, client = nextClient(), headers: Record<string, string> = {}) {
  return post('/api/admin/session', { email, password }, { 'cf-connecting-ip': client, ...headers });
}

export const cookieOf = (response: Response) => response.headers.get('set-cookie')!.split(';')[0]!;

/** The second step with the account's passkey, on a pending session's cookie. */
export async function passkeyStep(email: string, cookie: string): Promise<Response> {
  const options = await post('/api/admin/session/passkey/options', {}, { cookie });
  if (options.status !== 200) return options;
  const { options: challenge } = (await options.json()) as { options: { challenge: string; rpId?: string } };
  return post('/api/admin/session/passkey', { response: await passkeys.get(email)!.assert(challenge, ORIGIN) }, { cookie });
}

/** Signs in (password, then the passkey) and returns what a client keeps: the cookie and the CSRF token. */
export async function signIn(email: string): Promise<{ cookie: string; csrf: string }> {
  const first = await login(email, PASSWORD);
  if (first.status !== 200) throw new Error(`sign-in of ${email}: ${first.status}`);
  const second = await passkeyStep(email, cookieOf(first));
  if (second.status !== 200) throw new Error(`second step of ${email}: ${second.status} ${await second.text()}`);
  return { cookie: cookieOf(second), csrf: ((await second.json()) as { csrfToken: string }).csrfToken };
}

/** A pending session's cookie: the password step of an account (which then needs `next`). */
export async function pendingCookie(email: string): Promise<string> {
  const response = await login(email, PASSWORD);
  if (response.status !== 200) throw new Error(`password step of ${email}: ${response.status}`);
  return cookieOf(response);
}

/**
 * Enrols an account that has no second factor yet with an authenticator app, through the API as
 * its owner would (password, the secret from /totp/setup, a code): the secret, the recovery
 * codes shown once, and the signed-in session.
 */
export async function enrolWithTotp(email: string) {
  const cookie = await pendingCookie(email);
  const setup = await post('/api/admin/session/totp/setup', {}, { cookie });
  if (setup.status !== 200) throw new Error(`totp setup of ${email}: ${setup.status}`);
  const { otpauthUri } = (await setup.json()) as { otpauthUri: string };
  const secret = new URL(otpauthUri).searchParams.get('secret')!;
  remember(email, secret);
  const done = await post('/api/admin/session/totp', { code: totpCode(secret, Date.now()) }, { cookie });
  if (done.status !== 200) throw new Error(`totp enrolment of ${email}: ${done.status} ${await done.text()}`);
  const body = (await done.json()) as { csrfToken: string; recoveryCodes: string[] };
  return { secret, recoveryCodes: body.recoveryCodes, session: { cookie: cookieOf(done), csrf: body.csrfToken } };
}

/** A new authenticator for an account that enrols a passkey through the API (kept for its later sign-ins). */
export async function newPasskey(email: string): Promise<SoftwareAuthenticator> {
  const authenticator = await SoftwareAuthenticator.create();
  passkeys.set(email, authenticator);
  return authenticator;
}
