import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { personalNumberHash, seal, unseal } from '../../../functions/platform/crypto';

describe('personalNumberHash', () => {
  it('is HMAC-SHA-256 of "<country>:<number>" in base64url, the same as the importer computes', async () => {
    const hash = await personalNumberHash('key', 'BG', '7501020018');
    expect(hash).toBe(createHmac('sha256', 'key').update('BG:7501020018').digest('base64url'));
    expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('depends on the key and the country', async () => {
    const a = await personalNumberHash('key', 'BG', '7501020018');
    expect(await personalNumberHash('other', 'BG', '7501020018')).not.toBe(a);
    expect(await personalNumberHash('key', 'KZ', '7501020018')).not.toBe(a);
  });
});

describe('seal / unseal', () => {
  it('round-trips, uses a fresh IV each time and refuses tampering or another purpose', async () => {
    const a = await seal('key', 'report-contact', 'voter@example.org');
    const b = await seal('key', 'report-contact', 'voter@example.org');
    expect(a).not.toBe(b);
    expect(a).not.toContain('voter');
    expect(await unseal('key', 'report-contact', a)).toBe('voter@example.org');
    await expect(unseal('key', 'other-purpose', a)).rejects.toThrow();
    await expect(unseal('other-key', 'report-contact', a)).rejects.toThrow();
    const [iv, body] = a.split('.');
    await expect(unseal('key', 'report-contact', `${iv}.${body!.slice(0, -2)}AA`)).rejects.toThrow();
  });
});
