import { describe, expect, it } from 'vitest';
import { checkDigits, checkEgn, checkIin, checkLnch, checkPersonalNumber, checkPin, normalizeIdInput } from '#core/lookup/personal-numbers';
import { prng, syntheticEgn, syntheticIin, syntheticPin } from '#scripts/seed/synthetic-ids';

/**
 * Vectors computed by hand from the published rules (not with our checkDigits), each with its
 * arithmetic. The digits are chosen so that a single wrong weight changes at least one check
 * digit: the "catch any single wrong weight" test below proves that for each set.
 */
const EGN_WEIGHTS = [2, 4, 8, 5, 10, 9, 7, 3, 6]; // Bulgarian ЕГН: Σ dᵢwᵢ mod 11, 10 counts as 0
const EGN_VECTORS = [
  ['7523169263', '7·2+5·4+2·8+3·5+1·10+6·9+9·7+2·3+6·6 = 234; 234 mod 11 = 3 (published example, 16.03.1875)'],
  ['8912315676', '8·2+9·4+1·8+2·5+3·10+1·9+5·7+6·3+7·6 = 204; 204 mod 11 = 6 (31.12.1989)'],
  ['9945123752', '9·2+9·4+4·8+5·5+1·10+2·9+3·7+7·3+5·6 = 211; 211 mod 11 = 2 (12.05.2099: month + 40)'],
  ['5523156787', '5·2+5·4+2·8+3·5+1·10+5·9+6·7+7·3+8·6 = 227; 227 mod 11 = 7 (15.03.1855: month + 20)'],
  ['7322154195', '7·2+3·4+2·8+2·5+1·10+5·9+4·7+1·3+9·6 = 192; 192 mod 11 = 5 (15.02.1873)'],
  ['8512154140', '8·2+5·4+1·8+2·5+1·10+5·9+4·7+1·3+4·6 = 164; 164 mod 11 = 10 → 0 (15.12.1985)'],
] as const;
const LNCH_WEIGHTS = [21, 19, 17, 13, 11, 9, 7, 3, 1]; // ЛНЧ: Σ dᵢwᵢ mod 10
const LNCH_VECTORS = [
  ['1234567893', '1·21+2·19+3·17+4·13+5·11+6·9+7·7+8·3+9·1 = 353; 353 mod 10 = 3'],
  ['9876543217', '9·21+8·19+7·17+6·13+5·11+4·9+3·7+2·3+1·1 = 657; 657 mod 10 = 7'],
  ['2468135797', '2·21+4·19+6·17+8·13+1·11+3·9+5·7+7·3+9·1 = 427; 427 mod 10 = 7'],
  // Digits 1, 3, 7 and 9 in every place: mod 10, an even digit cannot tell some wrong weights apart.
  ['1379137919', '1·21+3·19+7·17+9·13+1·11+3·9+7·7+9·3+1·1 = 429; 429 mod 10 = 9'],
  ['9731973191', '9·21+7·19+3·17+1·13+9·11+7·9+3·7+1·3+9·1 = 581; 581 mod 10 = 1'],
] as const;
const IIN_VECTORS = [
  ['870412300416', '8·1+7·2+0·3+4·4+1·5+2·6+3·7+0·8+0·9+4·10+1·11 = 127; 127 mod 11 = 6 (12.04.1987)'],
  ['951223450987', '9·1+5·2+1·3+2·4+2·5+3·6+4·7+5·8+0·9+9·10+8·11 = 304; 304 mod 11 = 7 (23.12.1995)'],
  ['640815399121', '6·1+4·2+0·3+8·4+1·5+5·6+3·7+9·8+9·9+1·10+2·11 = 287; 287 mod 11 = 1 (15.08.1964)'],
  ['021130512347', '0·1+2·2+1·3+1·4+3·5+0·6+5·7+1·8+2·9+3·10+4·11 = 161; 161 mod 11 = 7 (30.11.2002)'],
  ['880229412344', '8·1+8·2+0·3+2·4+2·5+9·6+4·7+1·8+2·9+3·10+4·11 = 224; 224 mod 11 = 4 (29.02.1988)'],
  ['731119300210', 'first pass 131 mod 11 = 10; second, weights 3…11 1 2: 154 mod 11 = 0 (19.11.1973)'],
] as const;

/** The published algorithms with given weights, to show the vectors catch any one wrong weight. */
const egnWith = (weights: number[], first9: string) => String((weights.reduce((s, w, i) => s + w * Number(first9[i]), 0) % 11) % 10);
const lnchWith = (weights: number[], first9: string) => String(weights.reduce((s, w, i) => s + w * Number(first9[i]), 0) % 10);
function detectsEveryWrongWeight(
  weights: number[],
  vectors: readonly (readonly [string, string])[],
  check: (w: number[], first: string) => string,
  modulus: number,
) {
  for (let position = 0; position < weights.length; position++) {
    for (let wrong = 0; wrong < modulus; wrong++) {
      if (wrong % modulus === weights[position]! % modulus) continue;
      const mutated = weights.map((w, i) => (i === position ? wrong : w));
      const caught = vectors.some(([number]) => check(mutated, number.slice(0, 9)) !== number[9]);
      expect(caught, `weight ${position + 1} = ${wrong}`).toBe(true);
    }
  }
}

describe('published and hand-computed vectors', () => {
  it.each(EGN_VECTORS)('ЕГН %s is valid: %s', (egn) => {
    expect(checkEgn(egn)).toEqual({ ok: true, normalized: egn, kind: 'EGN' });
    expect(checkDigits.egn(egn.slice(0, 9))).toBe(egn[9]);
    for (const wrong of '0123456789'.replace(egn[9]!, '')) expect(checkEgn(egn.slice(0, 9) + wrong)).toMatchObject({ ok: false, problem: 'check-digit' });
  });

  it.each(LNCH_VECTORS)('ЛНЧ %s is valid: %s', (lnch) => {
    expect(checkLnch(lnch)).toEqual({ ok: true, normalized: lnch, kind: 'LNCH' });
    for (const wrong of '0123456789'.replace(lnch[9]!, '')) expect(checkLnch(lnch.slice(0, 9) + wrong).ok).toBe(false);
  });

  it.each(IIN_VECTORS)('ИИН %s is valid: %s', (iin) => {
    expect(checkIin(iin)).toEqual({ ok: true, normalized: iin, kind: 'IIN' });
    expect(checkDigits.iin(iin.slice(0, 11))).toBe(iin[11]);
    for (const wrong of '0123456789'.replace(iin[11]!, '')) expect(checkIin(iin.slice(0, 11) + wrong)).toMatchObject({ ok: false, problem: 'check-digit' });
  });

  it('the ЕГН and ЛНЧ vectors catch any single wrong weight', () => {
    detectsEveryWrongWeight(EGN_WEIGHTS, EGN_VECTORS, egnWith, 11);
    detectsEveryWrongWeight(LNCH_WEIGHTS, LNCH_VECTORS, lnchWith, 10);
  });
});

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
