import { base64url, fromBase64url, randomCharacters } from '#functions/platform/crypto';

/**
 * Staff passwords: PBKDF2-SHA-256 through WebCrypto with a random 16-byte salt per user. The
 * parameters travel with the hash (`pbkdf2-sha256$<iterations>$<salt>$<hash>`), so raising
 * the cost later leaves old hashes readable. 100,000 iterations is both OWASP's floor for this
 * construction and the most the Workers runtime allows.
 */
export const PASSWORD_ITERATIONS = 100_000;
export const MIN_PASSWORD_LENGTH = 12;
const SALT_BYTES = 16;
const HASH_BITS = 256;
const PREFIX = 'pbkdf2-sha256';

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS));
}

export async function hashPassword(password: string, iterations = PASSWORD_ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return `${PREFIX}$${iterations}$${base64url(salt)}$${base64url(await derive(password, salt, iterations))}`;
}

/** Compares in constant time; a malformed stored value never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [prefix, iterations, salt, hash] = stored.split('$');
  if (prefix !== PREFIX || !iterations || !salt || !hash || !/^\d+$/.test(iterations)) return false;
  let expected: Uint8Array;
  let saltBytes: Uint8Array<ArrayBuffer>;
  try {
    expected = fromBase64url(hash);
    saltBytes = fromBase64url(salt);
  } catch {
    return false;
  }
  const actual = await derive(password, saltBytes, Number(iterations));
  if (actual.length !== expected.length) return false;
  let difference = 0;
  for (let i = 0; i < actual.length; i++) difference |= actual[i]! ^ expected[i]!;
  return difference === 0;
}

/**
 * A hash of nothing anyone knows, checked when the e-mail is unknown, so a wrong e-mail costs
 * the same time as a wrong password and the answer cannot tell them apart.
 */
let dummy: Promise<string> | undefined;
export const dummyPasswordHash = () => (dummy ??= hashPassword(crypto.randomUUID()));

/** A strong password to print once: 24 characters from an alphabet without look-alikes (~138 bits). */
export const generatePassword = (length = 24) => randomCharacters('ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789', length);
