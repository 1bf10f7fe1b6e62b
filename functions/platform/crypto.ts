/** HMAC for personal numbers and AES-GCM for the little personal data we keep, via WebCrypto. */

const encoder = new TextEncoder();
const hmacKeys = new Map<string, Promise<CryptoKey>>();
const aesKeys = new Map<string, Promise<CryptoKey>>();

export function base64url(bytes: ArrayBuffer | Uint8Array): string {
  const array = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = '';
  for (const byte of array) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64url(value: string): Uint8Array<ArrayBuffer> {
  const binary = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = hmacKeys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    hmacKeys.set(secret, key);
  }
  return key;
}

async function hmac(secret: string, message: string): Promise<string> {
  return base64url(await crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(message)));
}

/**
 * The stored form of a personal number: HMAC-SHA-256 of `<country>:<digits>` under the
 * LOOKUP_KEY secret, base64url. The importer computes the same with node:crypto.
 *
 * @example await personalNumberHash('dev-key', 'BG', '7501020018') // 'q2…' (43 characters)
 */
export function personalNumberHash(secret: string, country: string, normalized: string): Promise<string> {
  return hmac(secret, `${country}:${normalized}`);
}

/**
 * What D1 keeps to recognise the LOOKUP_KEY the register was hashed with: an HMAC of a fixed
 * label, from which the key cannot be recovered.
 */
export function lookupKeyFingerprint(secret: string): Promise<string> {
  return hmac(secret, 'voter-desk:lookup-key-fingerprint:v1');
}

/** The short id a sealed value names its DATA_KEY by, so keys can rotate. */
export async function dataKeyId(secret: string): Promise<string> {
  return (await hmac(secret, 'voter-desk:data-key-id:v1')).slice(0, 8);
}

/** An AES-256-GCM key derived from a secret with HKDF, for one use only. */
function aesKey(secret: string, use: string): Promise<CryptoKey> {
  const cacheKey = `${use}\u0000${secret}`;
  let key = aesKeys.get(cacheKey);
  if (!key) {
    key = crypto.subtle
      .importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveKey'])
      .then((base) =>
        crypto.subtle.deriveKey(
          { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: encoder.encode(`voter-desk:${use}`) },
          base,
          { name: 'AES-GCM', length: 256 },
          false,
          ['encrypt', 'decrypt'],
        ),
      );
    aesKeys.set(cacheKey, key);
  }
  return key;
}

/** The DATA_KEY and, during a rotation, the one before it. */
export interface DataKeys {
  current: string;
  previous?: string | undefined;
}

/** Where a sealed value belongs: what it is and which record holds it (bound in as associated data). */
export interface SealContext {
  purpose: string;
  record: string;
}

const aad = ({ purpose, record }: SealContext) => encoder.encode(`voter-desk:${purpose}:${record}`);

/**
 * Encrypts a short text under the current DATA_KEY. The result, `v1.<key id>.<iv>.<ciphertext>`,
 * names its key (so keys can rotate) and only decrypts in the same purpose and record: moved to
 * another record, it fails.
 *
 * @example await seal(keys, { purpose: 'report-details', record: reportKey }, 'The ramp is closed')
 */
export async function seal(keys: DataKeys, context: SealContext, plaintext: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await aesKey(keys.current, 'data');
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad(context) }, key, encoder.encode(plaintext));
  return `v1.${await dataKeyId(keys.current)}.${base64url(iv)}.${base64url(ciphertext)}`;
}

/** The key id a sealed value names, or undefined for a value in the old format (`<iv>.<ciphertext>`). */
export function sealedKeyId(sealed: string): string | undefined {
  const parts = sealed.split('.');
  return parts.length === 4 && parts[0] === 'v1' ? parts[1] : undefined;
}

/** Decrypts a value sealed by `seal` with the current or the previous DATA_KEY, in its own context only. */
export async function unseal(keys: DataKeys, context: SealContext, sealed: string): Promise<string> {
  const [version, id, iv, ciphertext] = sealed.split('.');
  if (version !== 'v1' || !id || !iv || !ciphertext) throw new Error('not a sealed value');
  let match: string | undefined;
  for (const candidate of [keys.current, ...(keys.previous ? [keys.previous] : [])]) if ((await dataKeyId(candidate)) === id) match = candidate;
  if (!match) throw new Error('sealed with a key that is no longer configured');
  const plaintext = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64url(iv), additionalData: aad(context) },
    await aesKey(match, 'data'),
    fromBase64url(ciphertext),
  );
  return new TextDecoder().decode(plaintext);
}

/** Reads a value from before key ids and associated data (`<iv>.<ciphertext>`, a key derived from LOOKUP_KEY): for `npm run rekey` only. */
export async function unsealLegacy(lookupKey: string, purpose: string, sealed: string): Promise<string> {
  const [iv, ciphertext] = sealed.split('.');
  if (!iv || !ciphertext) throw new Error('not a sealed value');
  const plaintext = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64url(iv) }, await aesKey(lookupKey, purpose), fromBase64url(ciphertext));
  return new TextDecoder().decode(plaintext);
}

/**
 * `length` characters drawn uniformly from `alphabet`: rejection sampling, so no character is
 * likelier than another.
 */
export function randomCharacters(alphabet: string, length: number): string {
  const limit = 256 - (256 % alphabet.length);
  const out: string[] = [];
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length + 8))) {
      if (byte < limit && out.length < length) out.push(alphabet[byte % alphabet.length]!);
    }
  }
  return out.join('');
}
