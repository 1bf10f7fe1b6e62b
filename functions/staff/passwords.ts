import { base64url, fromBase64url, randomCharacters } from '#functions/platform/crypto';

/**
 * Staff passwords: HMAC-SHA-256 under the STAFF_PEPPER secret, then PBKDF2-SHA-256 through
 * WebCrypto with a random 16-byte salt per user. The parameters travel with the hash
 * (`pbkdf2-sha256-peppered$<iterations>$<salt>$<hash>`), so raising the cost later leaves old
 * hashes readable.
 *
 * Why a pepper: OWASP asks for 600,000 iterations of PBKDF2-HMAC-SHA-256, and the Workers runtime
 * refuses more than 100,000. The pepper lives in a Worker secret, never in D1, so a copy of the
 * database alone gives nothing to guess against; the 100,000 iterations still slow down whoever
 * has both. A hash from before the pepper (`pbkdf2-sha256$…`, or one written by `npm run user:add`
 * without STAFF_PEPPER in its environment) still verifies, and the next sign-in rewrites it
 * peppered (`needsRehash`). docs/benchmarks.md has the CPU time one sign-in costs.
 */
export const PASSWORD_ITERATIONS = 100_000;
export const MIN_PASSWORD_LENGTH = 12;
const SALT_BYTES = 16;
const HASH_BITS = 256;
const PEPPERED = 'pbkdf2-sha256-peppered';
const PLAIN = 'pbkdf2-sha256';

const encoder = new TextEncoder();

/** What PBKDF2 is given: the password's HMAC under the pepper, or (old hashes) the password itself. */
async function pbkdf2Input(password: string, pepper: string | undefined): Promise<Uint8Array<ArrayBuffer>> {
  const text = encoder.encode(password.normalize('NFC'));
  if (pepper === undefined) return text;
  const key = await crypto.subtle.importKey('raw', encoder.encode(pepper), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, text));
}

async function derive(input: Uint8Array<ArrayBuffer>, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', input, 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS));
}

/**
 * The stored form of a password: peppered when a pepper is given (always, in the Worker).
 * @example await hashPassword('correct horse battery', env.STAFF_PEPPER) // 'pbkdf2-sha256-peppered$100000$…$…'
 */
export async function hashPassword(password: string, pepper: string | undefined, iterations = PASSWORD_ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(await pbkdf2Input(password, pepper), salt, iterations);
  return `${pepper === undefined ? PLAIN : PEPPERED}$${iterations}$${base64url(salt)}$${base64url(hash)}`;
}

/** Compares in constant time; a malformed stored value, or a peppered one without the pepper, never matches. */
export async function verifyPassword(password: string, stored: string, pepper: string | undefined): Promise<boolean> {
  const [prefix, iterations, salt, hash] = stored.split('$');
  if ((prefix !== PEPPERED && prefix !== PLAIN) || !iterations || !salt || !hash || !/^\d+$/.test(iterations)) return false;
  if (prefix === PEPPERED && pepper === undefined) return false;
  let expected: Uint8Array;
  let saltBytes: Uint8Array<ArrayBuffer>;
  try {
    expected = fromBase64url(hash);
    saltBytes = fromBase64url(salt);
  } catch {
    return false;
  }
  const actual = await derive(await pbkdf2Input(password, prefix === PEPPERED ? pepper : undefined), saltBytes, Number(iterations));
  if (actual.length !== expected.length) return false;
  let difference = 0;
  for (let i = 0; i < actual.length; i++) difference |= actual[i]! ^ expected[i]!;
  return difference === 0;
}

/** Whether a stored hash should be written again at this sign-in: no pepper yet, or fewer iterations than now. */
export function needsRehash(stored: string): boolean {
  const [prefix, iterations] = stored.split('$');
  return prefix !== PEPPERED || Number(iterations) < PASSWORD_ITERATIONS;
}

/**
 * A hash of nothing anyone knows, checked when the e-mail is unknown, so a wrong e-mail costs
 * the same time as a wrong password and the answer cannot tell them apart.
 */
const dummies = new Map<string, Promise<string>>();
export function dummyPasswordHash(pepper: string): Promise<string> {
  let dummy = dummies.get(pepper);
  if (!dummy) {
    dummy = hashPassword(crypto.randomUUID(), pepper);
    dummies.set(pepper, dummy);
  }
  return dummy;
}

/** A strong password to print once: 24 characters from an alphabet without look-alikes (~138 bits). */
export const generatePassword = (length = 24) => randomCharacters('ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789', length);
