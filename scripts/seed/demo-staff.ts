// The demo staff accounts `npm start` creates (scripts/seed/load-staff-demo.ts) and where their
// passwords are kept. Imports nothing without a file extension, so scripts/local-db.ts can load
// it under plain Node as well as tsx.
import { join } from 'node:path';
import { readVars } from '#scripts/dev-vars';

export interface DemoAccount {
  email: string;
  role: 'district' | 'city' | 'police';
  /** A district id from functions/mobile-box/districts.ts, for the district role. */
  district?: string;
  /** The vars entry that holds its password. */
  passwordVar: string;
  /** The vars entry that holds its TOTP secret (base32): `npm run totp -- --email …` prints its current code. */
  totpVar: string;
}

/** One district with a mobile section (Младост), one without (Лозенец), the city and the police. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'mladost@demo.voter-desk.local', role: 'district', district: 'mladost', passwordVar: 'DEMO_PASSWORD_MLADOST', totpVar: 'DEMO_TOTP_MLADOST' },
  { email: 'lozenets@demo.voter-desk.local', role: 'district', district: 'lozenets', passwordVar: 'DEMO_PASSWORD_LOZENETS', totpVar: 'DEMO_TOTP_LOZENETS' },
  { email: 'city@demo.voter-desk.local', role: 'city', passwordVar: 'DEMO_PASSWORD_CITY', totpVar: 'DEMO_TOTP_CITY' },
  { email: 'police@demo.voter-desk.local', role: 'police', passwordVar: 'DEMO_PASSWORD_POLICE', totpVar: 'DEMO_TOTP_POLICE' },
];

/**
 * Where the demo passwords and TOTP secrets are kept: `.dev.vars` (git-ignored) for the local D1 that `npm start`
 * serves; for another state folder (`persistTo`, e.g. the browser tests' temporary one) a file
 * inside that folder, so the passwords stay with the database they open and a test run never
 * writes to your `.dev.vars`.
 *
 * @example demoPasswordsFile('/tmp/voter-desk-e2e-x1') // '/tmp/voter-desk-e2e-x1/demo-passwords.vars'
 */
export function demoPasswordsFile(persistTo?: string): string {
  return persistTo ? join(persistTo, 'demo-passwords.vars') : '.dev.vars';
}

export interface DemoStaff {
  email: string;
  role: DemoAccount['role'];
  district: string | null;
  /** Undefined until the accounts have been created for this database. */
  password: string | undefined;
  /** The TOTP secret (base32) the account is enrolled with; undefined until then. */
  totpSecret: string | undefined;
}

/**
 * The demo accounts of a local D1 with their passwords as saved, for the browser tests and
 * anyone scripting a sign-in.
 *
 * @example demoStaff({ persistTo }).find((s) => s.role === 'city')?.password
 */
export function demoStaff({ persistTo }: { persistTo?: string | undefined } = {}): DemoStaff[] {
  const saved = readVars(demoPasswordsFile(persistTo));
  return DEMO_ACCOUNTS.map((account) => ({
    email: account.email,
    role: account.role,
    district: account.district ?? null,
    password: saved[account.passwordVar],
    totpSecret: saved[account.totpVar],
  }));
}
