import { describe, expect, it } from 'vitest';
import { checkEgn, checkIin, checkLnch, checkPersonalNumber, checkPin, normalizeIdInput } from '../../../functions/lookup/personal-numbers';
import { prng, syntheticEgn, syntheticIin, syntheticPin } from '../../../db/seed/synthetic-ids';

describe('ЕГН', () => {
  it.each([
    ['7501020018', '1975-01-02'],
    ['8001010008', '1980-01-01'],
    ['0441010007', '2004-01-01 (month + 40)'],
    ['0521010006', '1805-01-01 (month + 20)'],
    ['7523169263', '1875-03-16, a published example'],
  ])('accepts %s (%s)', (egn) => {
    expect(checkEgn(egn)).toEqual({ ok: true, normalized: egn, kind: 'EGN' });
  });

  it.each([
    ['', 'empty'],
    ['75010200', 'length'],
    ['75010200181', 'length'],
    ['75O1020018', 'not-digits'],
    ['7513020018', 'date'],
    ['7502300016', 'date'],
    ['0002290000', 'date'],
    ['7501020019', 'check-digit'],
  ])('refuses %s: %s', (egn, problem) => {
    expect(checkEgn(egn)).toMatchObject({ ok: false, problem });
  });

  it('knows 29 February only in leap years', () => {
    expect(checkEgn('0442290005').ok).toBe(true); // 29.02.2004
    expect(checkEgn('0342290001')).toMatchObject({ ok: false, problem: 'date' }); // 29.02.2003
  });
});

describe('ЛНЧ', () => {
  it('checks weights 21 19 17 13 11 9 7 3 1 mod 10', () => {
    expect(checkLnch('1000000001').ok).toBe(true);
    expect(checkLnch('1000000002')).toMatchObject({ ok: false, problem: 'check-digit' });
  });

  it('is accepted for Bulgaria when the number is not an ЕГН', () => {
    expect(checkPersonalNumber('BG', '1000000001')).toEqual({ ok: true, normalized: '1000000001', kind: 'LNCH' });
    expect(checkPersonalNumber('BG', '1000000002')).toMatchObject({ ok: false, kind: 'EGN', problem: 'date' });
  });
});

describe('ИИН', () => {
  it.each(['900101300017', '040229500005'])('accepts %s', (iin) => {
    const result = checkIin(iin);
    if (!result.ok) throw new Error(`${iin}: ${result.problem}`);
  });

  it.each([
    ['900101300018', 'check-digit'],
    ['900101700017', 'century-digit'],
    ['900101000017', 'century-digit'],
    ['901301300017', 'date'],
    ['90010130001', 'length'],
  ])('refuses %s: %s', (iin, problem) => {
    expect(checkIin(iin)).toMatchObject({ ok: false, problem });
  });

  it('uses the second weights when the first pass gives 10', () => {
    // 11 digits whose first pass is 10: the check digit comes from the second weights.
    const random = prng(1);
    let found = 0;
    for (let i = 0; i < 2000 && found < 3; i++) {
      const iin = syntheticIin(random);
      const d = [...iin].map(Number);
      const first = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].reduce((s, w, k) => s + w * d[k]!, 0) % 11;
      if (first === 10) {
        found++;
        expect(checkIin(iin).ok).toBe(true);
      }
    }
    expect(found).toBeGreaterThan(0);
  });
});

describe('ПИН', () => {
  it('accepts sex digit 1 or 2, a real DDMMYYYY date and five serial digits', () => {
    expect(checkPin('21503198512345').ok).toBe(true);
    expect(checkPin('12902200000001').ok).toBe(true); // 29.02.2000
  });

  it.each([
    ['31503198512345', 'sex-digit'],
    ['02903198512345', 'sex-digit'],
    ['21513198512345', 'date'],
    ['12902190000001', 'date'],
    ['2150319851234', 'length'],
  ])('refuses %s: %s', (pin, problem) => {
    expect(checkPin(pin)).toMatchObject({ ok: false, problem });
  });
});

describe('input clean-up', () => {
  it('drops spaces, no-break spaces and dashes people type', () => {
    expect(normalizeIdInput(' 7501 020-018\u00a0')).toBe('7501020018');
    expect(checkPersonalNumber('KZ', '900101 300017').ok).toBe(true);
  });
});

describe('synthetic demo numbers', () => {
  it('are always valid', () => {
    const random = prng(42);
    for (let i = 0; i < 500; i++) {
      expect(checkEgn(syntheticEgn(random)).ok).toBe(true);
      expect(checkIin(syntheticIin(random)).ok).toBe(true);
      expect(checkPin(syntheticPin(random)).ok).toBe(true);
    }
  });
});
