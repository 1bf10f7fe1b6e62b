import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, needsRehash, PASSWORD_ITERATIONS, verifyPassword } from '#functions/staff/passwords';

const PEPPER = 'dGVzdC1zdGFmZi1wZXBwZXItdGhhdC1pcy1sb25nLWVub3VnaA';

describe('staff passwords', () => {
  it('are HMAC-SHA-256 under the pepper, then PBKDF2-SHA-256 with at least 100,000 iterations and a per-user salt, stored with their parameters', async () => {
    expect(PASSWORD_ITERATIONS).toBeGreaterThanOrEqual(100_000);
    const first = await hashPassword('correct horse battery', PEPPER);
    const second = await hashPassword('correct horse battery', PEPPER);
    const [prefix, iterations, salt, hash] = first.split('$');
    expect(prefix).toBe('pbkdf2-sha256-peppered');
    expect(Number(iterations)).toBe(PASSWORD_ITERATIONS);
    expect(salt).toHaveLength(22); // 16 bytes
    expect(hash).toHaveLength(43); // 32 bytes
    expect(second).not.toBe(first);
  });

  it('verify the right password only, also with fewer iterations stored, and never a malformed value', async () => {
    const stored = await hashPassword('correct horse battery', PEPPER, 1_000);
    expect(await verifyPassword('correct horse battery', stored, PEPPER)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored, PEPPER)).toBe(false);
    expect(await verifyPassword('', stored, PEPPER)).toBe(false);
    for (const broken of ['', 'plain', 'md5$1000$abc$def', 'pbkdf2-sha256$x$abc$def', 'pbkdf2-sha256$1000$!!$??', stored.replace(/\$[^$]+$/, '$AAAA')]) {
      expect(await verifyPassword('correct horse battery', broken, PEPPER)).toBe(false);
    }
  });

  it('a copy of the database is not enough: without the pepper, or with another, the right password does not verify', async () => {
    const stored = await hashPassword('correct horse battery', PEPPER, 1_000);
    expect(await verifyPassword('correct horse battery', stored, undefined)).toBe(false);
    expect(await verifyPassword('correct horse battery', stored, 'YW5vdGhlci1wZXBwZXItb2YtdGhpcnR5LXR3by1ieXRlcw')).toBe(false);
  });

  it('hashes from before the pepper still verify, and are marked for a rehash at the next sign-in', async () => {
    const old = await hashPassword('correct horse battery', undefined, PASSWORD_ITERATIONS);
    expect(old).toMatch(/^pbkdf2-sha256\$100000\$/);
    expect(await verifyPassword('correct horse battery', old, PEPPER)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword('correct horse battery', PEPPER, 1_000))).toBe(true);
    expect(needsRehash(await hashPassword('correct horse battery', PEPPER))).toBe(false);
  });

  it('match the same text however it was composed (NFC)', async () => {
    const stored = await hashPassword('парола-й-12345', PEPPER, 1_000);
    expect(await verifyPassword('парола-и\u0306-12345', stored, PEPPER)).toBe(true);
  });

  it('generated ones are long, varied and free of look-alikes', () => {
    const passwords = Array.from({ length: 200 }, () => generatePassword());
    expect(new Set(passwords).size).toBe(200);
    for (const password of passwords) {
      expect(password).toHaveLength(24);
      expect(password).not.toMatch(/[0O1lI]/);
    }
  });
});
