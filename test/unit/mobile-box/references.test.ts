import { describe, expect, it } from 'vitest';
import { newReference, normalizeReference, REFERENCE_ALPHABET, REFERENCE_BITS } from '#functions/mobile-box/references';
import { sealPerson, unsealPerson } from '#functions/mobile-box/seal';

describe('references', () => {
  it('are ten characters without look-alikes, grouped 5-5, with at least 40 bits of randomness', () => {
    for (const ambiguous of ['0', 'O', '1', 'I', 'L', 'U', 'V']) expect(REFERENCE_ALPHABET).not.toContain(ambiguous);
    expect(REFERENCE_BITS).toBeGreaterThanOrEqual(40);
    const reference = newReference();
    expect(reference).toMatch(new RegExp(`^[${REFERENCE_ALPHABET}]{5}-[${REFERENCE_ALPHABET}]{5}$`));
  });

  it('do not repeat in 20,000 draws, and use every character about as often', () => {
    const seen = new Set<string>();
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const reference = newReference();
      seen.add(reference);
      for (const char of reference.replace('-', '')) counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    expect(seen.size).toBe(20_000);
    const expected = (20_000 * 10) / REFERENCE_ALPHABET.length;
    for (const char of REFERENCE_ALPHABET) expect(Math.abs(counts.get(char)! - expected) / expected, char).toBeLessThan(0.06);
  });

  it('are read back whatever the case, spaces and dashes', () => {
    expect(normalizeReference(' k7m2p q9rtx ')).toBe('K7M2P-Q9RTX');
    expect(normalizeReference('K7M2P—Q9RTX')).toBe('K7M2P-Q9RTX');
    expect(normalizeReference('K7M2P-Q9RT')).toBeUndefined();
    expect(normalizeReference('K7M2P-Q9RT0')).toBeUndefined();
  });
});

describe('sealed requests', () => {
  it('round-trip under DATA_KEY, and only in their own record', async () => {
    const keys = { current: 'bW9iaWxlLWJveC10ZXN0LWtleS1tb2JpbGUtYm94LXRlc3Q' };
    const person = {
      idNumber: '7501020018',
      fullName: 'Мария Петрова',
      address: { district: 'mladost', street: 'ж.к. Младост 1', block: '12' },
      phone: '0888123456',
    };
    const sealed = await sealPerson(keys, 'record-a', person);
    expect(sealed).not.toContain('Мария');
    expect(await unsealPerson(keys, 'record-a', sealed)).toEqual(person);
    await expect(unsealPerson(keys, 'record-b', sealed)).rejects.toThrow();
  });
});
