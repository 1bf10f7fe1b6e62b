import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, PASSWORD_ITERATIONS, verifyPassword } from '#functions/staff/passwords';

describe('staff passwords', () => {
  it('are PBKDF2-SHA-256 with at least 100,000 iterations and a per-user salt, stored with their parameters', async () => {
    expect(PASSWORD_ITERATIONS).toBeGreaterThanOrEqual(100_000);
    const first = await hashPassword('correct horse battery');
    const second = await hashPassword('correct horse battery');
    const [prefix, iterations, salt, hash] = first.split('$');
    expect(prefix).toBe('pbkdf2-sha256');
    expect(Number(iterations)).toBe(PASSWORD_ITERATIONS);
    expect(salt).toHaveLength(22); // 16 bytes
    expect(hash).toHaveLength(43); // 32 bytes
    expect(second).not.toBe(first);
  });

  it('verify the right password only, also with fewer iterations stored, and never a malformed value', async () => {
    const stored = await hashPassword('correct horse battery', 1_000);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
    for (const broken of ['', 'plain', 'md5$1000$abc$def', 'pbkdf2-sha256$x$abc$def', 'pbkdf2-sha256$1000$!!$??', stored.replace(/\$[^$]+$/, '$AAAA')]) {
      expect(await verifyPassword('correct horse battery', broken)).toBe(false);
    }
  });

  it('match the same text however it was composed (NFC)', async () => {
    const stored = await hashPassword('парола-й-12345', 1_000);
    expect(await verifyPassword('парола-и\u0306-12345', stored)).toBe(true);
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
