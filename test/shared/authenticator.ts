/**
 * A passkey authenticator in software, as a phone or a security key would answer WebAuthn: an
 * ES256 key pair made with WebCrypto, attestation `none`, user presence and verification set.
 * Tests drive the real staff API with it (registration and sign-in), so the server's checks
 * (challenge, origin, RP id, signature, counter) run for real. Works in workerd and in Node.
 */

const encoder = new TextEncoder();

const b64url = (bytes: Uint8Array) => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

/** The CBOR (RFC 8949) of the few kinds WebAuthn needs: integers, text, bytes, maps. */
type Cbor = number | string | Uint8Array | Map<number | string, Cbor> | { [key: string]: Cbor };
function head(major: number, length: number): Uint8Array {
  if (length < 24) return Uint8Array.of((major << 5) | length);
  if (length < 256) return Uint8Array.of((major << 5) | 24, length);
  return Uint8Array.of((major << 5) | 25, length >> 8, length & 255);
}
export function cbor(value: Cbor): Uint8Array {
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') {
    const bytes = encoder.encode(value);
    return concat(head(3, bytes.length), bytes);
  }
  if (value instanceof Uint8Array) return concat(head(2, value.length), value);
  const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
  return concat(head(5, entries.length), ...entries.flatMap(([key, item]) => [cbor(key), cbor(item)]));
}

/** An ECDSA signature as DER (what WebAuthn carries) from WebCrypto's raw r‖s. */
function der(raw: Uint8Array): Uint8Array {
  const integer = (part: Uint8Array) => {
    let start = 0;
    while (start < part.length - 1 && part[start] === 0) start++;
    let bytes = part.slice(start);
    if (bytes[0]! & 0x80) bytes = concat(Uint8Array.of(0), bytes);
    return concat(Uint8Array.of(0x02, bytes.length), bytes);
  };
  const body = concat(integer(raw.slice(0, 32)), integer(raw.slice(32)));
  return concat(Uint8Array.of(0x30, body.length), body);
}

const sha256 = async (bytes: Uint8Array) => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
const fromB64url = (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

export interface PasskeyOptions {
  challenge: string;
  rp?: { id?: string };
  rpId?: string;
}

export class SoftwareAuthenticator {
  private counter = 0;
  private constructor(
    private readonly keys: CryptoKeyPair,
    readonly credentialId: Uint8Array,
  ) {}

  static async create(): Promise<SoftwareAuthenticator> {
    const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    return new SoftwareAuthenticator(keys, crypto.getRandomValues(new Uint8Array(16)));
  }

  get id(): string {
    return b64url(this.credentialId);
  }

  /** The public key as COSE (EC2, ES256): what the server stores. */
  async cosePublicKey(): Promise<Uint8Array> {
    const raw = new Uint8Array(await crypto.subtle.exportKey('raw', this.keys.publicKey));
    return cbor(
      new Map<number, Cbor>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, raw.slice(1, 33)],
        [-3, raw.slice(33, 65)],
      ]),
    );
  }

  private async authData(rpId: string, attested?: Uint8Array): Promise<Uint8Array> {
    const count = Uint8Array.of(0, 0, 0, this.counter);
    // UP (0x01) and UV (0x04); AT (0x40) when a credential is attached.
    const flags = Uint8Array.of(attested ? 0x45 : 0x05);
    return concat(await sha256(encoder.encode(rpId)), flags, count, ...(attested ? [attested] : []));
  }

  private clientData(type: string, challenge: string, origin: string) {
    return encoder.encode(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  /** The answer to `navigator.credentials.create(options)` on `origin`, as @simplewebauthn/browser sends it. */
  async register(options: PasskeyOptions, origin: string) {
    const rpId = options.rp?.id ?? new URL(origin).hostname;
    const attested = concat(new Uint8Array(16), Uint8Array.of(0, this.credentialId.length), this.credentialId, await this.cosePublicKey());
    const attestationObject = cbor({ fmt: 'none', attStmt: {}, authData: await this.authData(rpId, attested) });
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      response: {
        clientDataJSON: b64url(this.clientData('webauthn.create', options.challenge, origin)),
        attestationObject: b64url(attestationObject),
        transports: ['internal'],
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform' as const,
    };
  }

  /** The answer to `navigator.credentials.get(options)` on `origin`, signed with the private key. */
  async assert(options: PasskeyOptions, origin: string) {
    const rpId = options.rpId ?? new URL(origin).hostname;
    this.counter++;
    const authenticatorData = await this.authData(rpId);
    const clientDataJSON = this.clientData('webauthn.get', options.challenge, origin);
    const signed = concat(authenticatorData, await sha256(clientDataJSON));
    const raw = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, this.keys.privateKey, signed as Uint8Array<ArrayBuffer>));
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      response: { clientDataJSON: b64url(clientDataJSON), authenticatorData: b64url(authenticatorData), signature: b64url(der(raw)) },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform' as const,
    };
  }
}

export { b64url, fromB64url };
