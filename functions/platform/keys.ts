/**
 * The Worker's secrets, checked before use: one per purpose (`LOOKUP_KEY` keys the register's
 * HMAC, `DATA_KEY` encrypts personal data), each at least 32 random bytes written as base64
 * or hex (`openssl rand -base64 32`). Outside local development a missing, short or
 * development key fails closed: the request gets 503 and the log says which key and why,
 * never the key.
 */
import { KeyUnusable, type KeyProblem, type SecretName } from '#core/errors';

/** Development keys start with this: `npm start` writes such keys, and production refuses them. */
export const DEVELOPMENT_KEY_PREFIX = 'voter-desk-dev-';
export const MIN_KEY_BYTES = 32;

export interface KeyEnv {
  LOOKUP_KEY?: string | undefined;
  DATA_KEY?: string | undefined;
  /** The key before the current one, during a rotation (`npm run rekey`). */
  DATA_KEY_PREVIOUS?: string | undefined;
  /** `development` (wrangler dev) or `test` (the test pools) relax the rules; anything else is production. */
  ENVIRONMENT?: string | undefined;
}

/** True under `wrangler dev` and in the tests: the only places where local conveniences apply. */
export function isLocalDevelopment(env: { ENVIRONMENT?: string | undefined }): boolean {
  return env.ENVIRONMENT === 'development' || env.ENVIRONMENT === 'test';
}

/** How many bytes a key written in base64, base64url or hex carries (0 when it is neither). */
export function keyBytes(secret: string): number {
  if (/^[0-9a-f]+$/i.test(secret) && secret.length % 2 === 0) return Math.max(secret.length / 2, Math.floor((secret.length * 3) / 4));
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(secret)) return Math.floor((secret.replace(/=+$/, '').length * 3) / 4);
  return 0;
}

/** What is wrong with a secret, or undefined when it may be used here. */
export function keyProblem(secret: string | undefined, local: boolean): KeyProblem | undefined {
  if (!secret) return 'missing';
  if (local) return undefined;
  if (secret.startsWith(DEVELOPMENT_KEY_PREFIX)) return 'development_key';
  if (keyBytes(secret) < MIN_KEY_BYTES) return 'too_short';
  return undefined;
}

const logged = new Set<string>();

/**
 * A secret, checked. Throws KeyUnusable (logged once per isolate, with the name and the
 * reason only) when it cannot be used here.
 *
 * @example requireKey(env, 'DATA_KEY') // the value, or KeyUnusable('DATA_KEY', 'too_short')
 */
export function requireKey(env: KeyEnv, name: Exclude<SecretName, 'SMS_AUTH_TOKEN'>): string {
  const secret = env[name];
  const problem = keyProblem(secret, isLocalDevelopment(env));
  if (problem) {
    const line = `configuration: ${name} is ${problem.replace('_', ' ')}; set it with \`wrangler secret put ${name}\` (at least ${MIN_KEY_BYTES} random bytes, e.g. \`openssl rand -base64 32\`)`;
    if (!logged.has(line)) {
      logged.add(line);
      console.error(line);
    }
    throw new KeyUnusable(name, problem);
  }
  return secret!;
}

/** The DATA_KEY, and the previous one while a rotation runs, checked. */
export function dataKeys(env: KeyEnv): { current: string; previous?: string } {
  const current = requireKey(env, 'DATA_KEY');
  return env.DATA_KEY_PREVIOUS ? { current, previous: env.DATA_KEY_PREVIOUS } : { current };
}
