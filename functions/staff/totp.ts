import { Secret, TOTP } from 'otpauth';

/**
 * Time-based one-time passwords (RFC 6238): SHA-1, 6 digits, 30-second steps, as every
 * authenticator app reads them. A code is accepted one step early or late (clocks drift), checked
 * against the real clock (never the demo NOW), and never twice: the step it was made for must be
 * later than the last one accepted for the account.
 */
export const TOTP_ISSUER = 'Voter Desk';
const PERIOD_S = 30;

const totp = (secret: string, email: string) =>
  new TOTP({ issuer: TOTP_ISSUER, label: email, algorithm: 'SHA1', digits: 6, period: PERIOD_S, secret: Secret.fromBase32(secret) });

/** A new secret (160 bits, base32), for enrolment. */
export const newTotpSecret = () => new Secret({ size: 20 }).base32;

/** The `otpauth://totp/…` URI an authenticator app reads (as a link on the phone, or typed in as the secret). */
export const otpauthUri = (secret: string, email: string) => totp(secret, email).toString();

/** The code for a moment (tests, and `npm run totp` for the demo accounts). */
export const totpCode = (secret: string, at: number) => totp(secret, '').generate({ timestamp: at });

/** The time step a code was made for, when it is right within one step of `at`; undefined otherwise. */
export function totpStep(secret: string, code: string, at: number): number | undefined {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return undefined;
  const delta = totp(secret, '').validate({ token, timestamp: at, window: 1 });
  return delta === null ? undefined : Math.floor(at / 1000 / PERIOD_S) + delta;
}

/** The secret in groups of four, for someone typing it into an app by hand. */
export const groupedSecret = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');
