import { describe, expect, it } from 'vitest';
import { dataKeyId, lookupKeyFingerprint, personalNumberHash, seal, sealedKeyId, unseal } from '#functions/platform/crypto';

const KEY = 'a2V5LW9uZS1rZXktb25lLWtleS1vbmUta2V5LW9uZS1rZXk';
const OTHER = 'a2V5LXR3by1rZXktdHdvLWtleS10d28ta2V5LXR3by1rZXk';
const here = { purpose: 'report-contact', record: '4f3c0e2a-0000-4000-8000-000000000001' };

describe('personalNumberHash', () => {
  it('is a deterministic base64url HMAC that depends on key, country and number', async () => {
    const hash = await personalNumberHash('key', 'BG', '7501020018');
    expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await personalNumberHash('key', 'BG', '7501020018')).toBe(hash);
    expect(await personalNumberHash('other', 'BG', '7501020018')).not.toBe(hash);
    expect(await personalNumberHash('key', 'KZ', '7501020018')).not.toBe(hash);
  });

  it('the key fingerprint is stable, differs per key and is not the key', async () => {
    const fingerprint = await lookupKeyFingerprint(KEY);
    expect(await lookupKeyFingerprint(KEY)).toBe(fingerprint);
    expect(await lookupKeyFingerprint(OTHER)).not.toBe(fingerprint);
    expect(fingerprint).not.toContain(KEY);
  });
});

describe('seal / unseal (AES-256-GCM under DATA_KEY)', () => {
  it('round-trips, with a fresh IV each time, naming its key', async () => {
    const a = await seal({ current: KEY }, here, 'voter@example.org');
    const b = await seal({ current: KEY }, here, 'voter@example.org');
    expect(a).not.toBe(b);
    expect(a).not.toContain('voter');
    expect(sealedKeyId(a)).toBe(await dataKeyId(KEY));
    expect(await unseal({ current: KEY }, here, a)).toBe('voter@example.org');
  });

  it('fails in another record, for another purpose, with another key, or when tampered with', async () => {
    const sealed = await seal({ current: KEY }, here, 'voter@example.org');
    await expect(unseal({ current: KEY }, { ...here, record: 'another-report' }, sealed)).rejects.toThrow();
    await expect(unseal({ current: KEY }, { ...here, purpose: 'report-details' }, sealed)).rejects.toThrow();
    await expect(unseal({ current: OTHER }, here, sealed)).rejects.toThrow(/no longer configured/);
    const parts = sealed.split('.');
    const tail = parts[3]!.slice(-2);
    const tampered = `${parts[3]!.slice(0, -2)}${tail === 'AA' ? 'BB' : 'AA'}`;
    await expect(unseal({ current: KEY }, here, [...parts.slice(0, 3), tampered].join('.'))).rejects.toThrow();
  });

  it('keeps reading values of the previous key during a rotation', async () => {
    const old = await seal({ current: KEY }, here, 'ramp closed');
    expect(await unseal({ current: OTHER, previous: KEY }, here, old)).toBe('ramp closed');
    const fresh = await seal({ current: OTHER, previous: KEY }, here, 'ramp closed');
    expect(sealedKeyId(fresh)).toBe(await dataKeyId(OTHER));
  });
});
