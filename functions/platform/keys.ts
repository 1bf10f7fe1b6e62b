/**
 * The Worker's secrets, checked before use: one per purpose (`LOOKUP_KEY` keys the register's
 * HMAC, `DATA_KEY` encrypts personal data, `STAFF_PEPPER` peppers staff passwords and recovery
 * codes), each base64 of at least 32 random bytes (`openssl rand -base64 32`). Outside local
 * development a missing, short, development or non-random key fails closed: the request gets 503
 * and the log says which key and why, never the key. `DATA_KEY_PREVIOUS`, when set, meets the
 * same rules.
 */
import { KeyUnusable, type KeyProblem, type SecretName } from '#core/errors';

/** Development keys start with this: `npm start` writes such keys, and production refuses them. */
export const DEVELOPMENT_KEY_PREFIX = 'voter-desk-dev-';
export const MIN_KEY_BYTES = 32;

type KeyName = Extract<SecretName, 'LOOKUP_KEY' | 'DATA_KEY' | 'DATA_KEY_PREVIOUS' | 'STAFF_PEPPER'>;

export interface KeyEnv {
  LOOKUP_KEY?: string | undefined;
  DATA_KEY?: string | undefined;
  /** The key before the current one, during a rotation (`npm run rekey`). */
  DATA_KEY_PREVIOUS?: string | undefined;
  /** Peppers staff passwords and recovery codes (functions/staff/passwords.ts). */
  STAFF_PEPPER?: string | undefined;
  /** `development` (wrangler dev) or `test` (the test pools) relax the rules; anything else is production. */
  ENVIRONMENT?: string | undefined;
}

/** True under `wrangler dev` and in the tests: the only places where local conveniences apply. */
export function isLocalDevelopment(env: { ENVIRONMENT?: string | undefined }): boolean {
  return env.ENVIRONMENT === 'development' || env.ENVIRONMENT === 'test';
}

/** The bytes a key written in base64 or base64url stands for, or undefined when it is neither. */
export function keyBytesOf(secret: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(secret)) return undefined;
  const plain = secret.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  if (plain.length % 4 === 1) return undefined;
  try {
    return Uint8Array.from(atob(plain + '='.repeat((4 - (plain.length % 4)) % 4)), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** How many bytes a key carries (0 when it is not base64). */
export const keyBytes = (secret: string): number => keyBytesOf(secret)?.length ?? 0;

/** Printable ASCII only: what a base64-encoded passphrase decodes to, and 32 random bytes almost never do (about 1 in 10^13). */
const printable = (bytes: Uint8Array) => bytes.every((byte) => byte >= 0x20 && byte <= 0x7e);

/** What is wrong with a secret, or undefined when it may be used here. */
export function keyProblem(secret: string | undefined, local: boolean): KeyProblem | undefined {
  if (!secret) return 'missing';
  if (local) return undefined;
  if (secret.startsWith(DEVELOPMENT_KEY_PREFIX)) return 'development_key';
  const bytes = keyBytesOf(secret);
  if (!bytes || bytes.length < MIN_KEY_BYTES) return 'too_short';
  if (printable(bytes)) return 'not_random';
  return undefined;
}

const logged = new Set<string>();

/** Logs a configuration problem once per isolate (names and reasons only, never a value) and throws KeyUnusable. */
export function refuseConfiguration(name: SecretName, problem: KeyProblem, advice: string): never {
  const line = `configuration: ${name} is ${problem.replace('_', ' ')}; ${advice}`;
  if (!logged.has(line)) {
    logged.add(line);
    console.error(line);
  }
  throw new KeyUnusable(name, problem);
}

/**
 * A secret, checked. Throws KeyUnusable (logged once per isolate, with the name and the
 * reason only) when it cannot be used here.
 *
 * @example requireKey(env, 'DATA_KEY') // the value, or KeyUnusable('DATA_KEY', 'too_short')
 */
export function requireKey(env: KeyEnv, name: KeyName): string {
  const secret = env[name];
  const problem = keyProblem(secret, isLocalDevelopment(env));
  if (problem) {
    refuseConfiguration(
      name,
      problem,
      `set it with \`wrangler secret put ${name}\` (base64 of at least ${MIN_KEY_BYTES} random bytes, e.g. \`openssl rand -base64 32\`)`,
    );
  }
  return secret!;
}

/** The DATA_KEY, and the previous one while a rotation runs, both checked. */
export function dataKeys(env: KeyEnv): { current: string; previous?: string } {
  const current = requireKey(env, 'DATA_KEY');
  return env.DATA_KEY_PREVIOUS ? { current, previous: requireKey(env, 'DATA_KEY_PREVIOUS') } : { current };
}
