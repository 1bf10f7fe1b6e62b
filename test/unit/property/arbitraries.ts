import fc from 'fast-check';

/**
 * Strings that broke parsers elsewhere: C0/C1 controls, line breaks of every kind, bidi and
 * zero-width marks, a BOM, non-breaking and ideographic spaces, full-width and other-script
 * digits, look-alike letters from another script, emoji sequences, spreadsheet formula starts.
 */
export const TRICKY_PIECES = [
  '\u0000',
  '\u0007',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u200b',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u202e',
  '\u2066',
  '\u2028',
  '\ufeff',
  '\u00a0',
  '\u3000',
  '０１２３４５６７８９',
  '٣٤٥',
  '१२',
  '𝟗',
  'е',
  'а',
  'о',
  'р',
  'с', // Cyrillic letters that look Latin
  'ә',
  'ң',
  'ө',
  'ү',
  'қ',
  'і',
  'Ё',
  'é',
  'ß',
  'ﬁ',
  'ﾞ',
  '🇧🇬',
  '👩‍👩‍👧',
  '\u0301',
  '"',
  "'",
  ',',
  ';',
  '=',
  '+',
  '-',
  '@',
  '%',
  '|',
  '\\',
  '{',
  '}',
  '[',
  ']',
  '<script>',
  '__proto__',
  'constructor',
] as const;

/** Latin letters turned into the Cyrillic letters they look like: "Sofia" → "Sоfiа" with two scripts. */
export function mixScripts(value: string): string {
  const lookalikes: Record<string, string> = {
    a: 'а',
    e: 'е',
    o: 'о',
    p: 'р',
    c: 'с',
    x: 'х',
    y: 'у',
    A: 'А',
    B: 'В',
    E: 'Е',
    K: 'К',
    M: 'М',
    H: 'Н',
    O: 'О',
    P: 'Р',
    C: 'С',
    T: 'Т',
    X: 'Х',
  };
  return [...value].map((char, i) => (i % 2 === 0 ? (lookalikes[char] ?? char) : char)).join('');
}

/** ASCII digits as their full-width forms: "12" → "１２". */
export const fullWidthDigits = (value: string) => value.replace(/[0-9]/g, (digit) => String.fromCodePoint(0xff10 + Number(digit)));

const piecesString = (pieces: fc.Arbitrary<string>, maxLength: number) =>
  fc.array(fc.oneof(pieces, fc.string({ maxLength: 4 })), { maxLength }).map((parts) => parts.join(''));

/** A long run of one character, over every length limit our schemas and columns have. */
export const hugeString = fc
  .tuple(fc.constantFrom('x', 'Я', '1', '١', '𝟗', ' ', '\u200f'), fc.integer({ min: 201, max: 20_000 }))
  .map(([char, count]) => char.repeat(count));

/** Any string input may hold: lone surrogates (JSON's `\ud800` escape makes one) included. */
export const trickyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: piecesString(fc.constantFrom(...TRICKY_PIECES), 8) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\ud800', 'a\udfffb', 'null', 'true', '0', '-1', '1e309', 'NaN') },
  { weight: 1, arbitrary: hugeString },
);

/** Text that survives UTF-8 encoding unchanged (no lone surrogates): for CSV files and bytes. */
export const fileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: piecesString(fc.constantFrom(...TRICKY_PIECES), 8) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '=1+2', '+359 888', '-2', '@SUM(A1)', '\t=x', '\r=x', "'=x") },
);

/** A value of the wrong kind for almost any field: other JSON types, odd numbers, tricky strings. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  trickyString,
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(null, true, false, 0, -0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, [], {}, [null], { '': '' }),
  fc.double(),
);
