/** HMAC for personal numbers and AES-GCM for the little personal data we keep, via WebCrypto. */

const encoder = new TextEncoder();
const hmacKeys = new Map<string, Promise<CryptoKey>>();
const aesKeys = new Map<string, Promise<CryptoKey>>();

function base64url(bytes: ArrayBuffer | Uint8Array): string {
  const array = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = '';
  for (const byte of array) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(value: string): Uint8Array<ArrayBuffer> {
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

/**
 * The stored form of a personal number: HMAC-SHA-256 of `<country>:<digits>` under the
 * LOOKUP_KEY secret, base64url. The importer computes the same with node:crypto.
 *
 * @example await personalNumberHash('dev-key', 'BG', '7501020018') // 'q2…' (43 characters)
 */
export async function personalNumberHash(secret: string, country: string, normalized: string): Promise<string> {
  const signature = await crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(`${country}:${normalized}`));
  return base64url(signature);
}

/** An AES-256-GCM key derived from the secret with HKDF, for one purpose only. */
function aesKey(secret: string, purpose: string): Promise<CryptoKey> {
  const cacheKey = `${purpose}\u0000${secret}`;
  let key = aesKeys.get(cacheKey);
  if (!key) {
    key = crypto.subtle
      .importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveKey'])
      .then((base) =>
        crypto.subtle.deriveKey(
          { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: encoder.encode(`voter-desk:${purpose}`) },
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

/** Encrypts a short text; the result is `<iv>.<ciphertext>` in base64url. */
export async function seal(secret: string, purpose: string, plaintext: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await aesKey(secret, purpose), encoder.encode(plaintext));
  return `${base64url(iv)}.${base64url(ciphertext)}`;
}

export async function unseal(secret: string, purpose: string, sealed: string): Promise<string> {
  const [iv, ciphertext] = sealed.split('.');
  if (!iv || !ciphertext) throw new Error('not a sealed value');
  const plaintext = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64url(iv) }, await aesKey(secret, purpose), fromBase64url(ciphertext));
  return new TextDecoder().decode(plaintext);
}
