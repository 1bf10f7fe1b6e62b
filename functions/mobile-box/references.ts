import { randomCharacters } from '#functions/platform/crypto';

/**
 * References a voter reads out on the phone or types from a receipt: ten characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L, U/V), grouped 5-5. 29¹⁰ ≈ 2⁴⁸·⁶: well over
 * the 40 bits of randomness that make a reference impossible to guess.
 */
export const REFERENCE_ALPHABET = 'ABCDEFGHJKMNPQRSTWXYZ23456789';
const LENGTH = 10;

/**
 * A new random reference, e.g. `K7M2P-Q9RTX`. Rejection sampling keeps every character equally likely.
 */
export function newReference(): string {
  const characters = randomCharacters(REFERENCE_ALPHABET, LENGTH);
  return `${characters.slice(0, 5)}-${characters.slice(5)}`;
}

/** Bits of randomness in a reference. */
export const REFERENCE_BITS = LENGTH * Math.log2(REFERENCE_ALPHABET.length);

/**
 * A reference as typed: case, spaces and dashes do not matter.
 *
 * @example normalizeReference(' k7m2p q9rtx ') // 'K7M2P-Q9RTX'
 */
export function normalizeReference(typed: string): string | undefined {
  const compact = typed.toUpperCase().replace(/[\s\-‐-―]/g, '');
  if (compact.length !== LENGTH || ![...compact].every((char) => REFERENCE_ALPHABET.includes(char))) return undefined;
  return `${compact.slice(0, 5)}-${compact.slice(5)}`;
}
