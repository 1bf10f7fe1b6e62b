import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routeCsv, safeCell, type RouteAddress, type RouteCsvHeaders, type RouteCsvRow, type RouteReader } from '#core/sections/route-csv';
import { fileText } from './arbitraries';

// OWASP "CSV Injection": what a spreadsheet may run as a formula, at the start of a cell or,
// once a spreadsheet splits the cell on `;` (Bulgarian Excel) or another separator, of a part.
const FORMULA_START = /^[=+\-@\t\r]/;
const SEPARATORS = ',;|\t\r\n';

/** The neutralised cell, written here again as a scan rather than taken from the code under test. */
function neutral(value: string): string {
  let out = '';
  let afterSeparator = false;
  for (const [i, char] of [...value].entries()) {
    if ((i === 0 || afterSeparator) && '=+-@'.includes(char)) {
      out += `'${char}`;
      afterSeparator = false;
      continue;
    }
    if (SEPARATORS.includes(char)) afterSeparator = true;
    else if (!/\s/.test(char)) afterSeparator = false;
    out += char;
  }
  return /^[\t\r]/.test(out) ? `'${out}` : out;
}

/** No part of a cell, split on any separator and trimmed, starts a formula. */
const partsAreSafe = (cell: string) =>
  cell
    .split(/[,;|\t\r\n]/)
    .slice(1)
    .every((part) => !/^[=+\-@]/.test(part.trimStart()));

/** The address line as docs/staff-area.md (Route lists) describes it, written here again rather than taken from the code under test. */
function addressLine(address: RouteAddress): string {
  const part = (label: string, value?: string) => (value && value.trim() !== '' ? `${label}${value.trim()}` : undefined);
  const street = [address.street.trim(), part('№ ', address.number)].filter((piece) => piece).join(' ');
  return [street, part('бл. ', address.block), part('вх. ', address.entrance), part('ет. ', address.floor), part('ап. ', address.apartment)]
    .filter((piece) => piece)
    .join(', ');
}

const optional = fc.option(fileText, { nil: undefined });
const address: fc.Arbitrary<RouteAddress> = fc.record(
  { street: fileText, number: optional, block: optional, entrance: optional, floor: optional, apartment: optional },
  { requiredKeys: ['street'] },
);
const row: fc.Arbitrary<RouteCsvRow> = fc.record(
  {
    references: fc.array(fileText, { maxLength: 2 }),
    forms: fc.array(fc.oneof(fc.constantFrom('30-ЕП', '31-НС'), fileText), { maxLength: 2 }),
    fullName: fileText,
    address,
    district: fileText,
    section: fileText,
    phone: optional,
    notes: optional,
  },
  { requiredKeys: ['references', 'forms', 'fullName', 'address', 'district', 'section'] },
);
const headers: fc.Arbitrary<RouteCsvHeaders> = fc.record({
  order: fileText,
  references: fileText,
  forms: fileText,
  fullName: fileText,
  address: fileText,
  district: fileText,
  section: fileText,
  phone: fileText,
  notes: fileText,
});
const reader = fc.constantFrom<RouteReader>('police', 'district', 'city');

/** The cells each reader's list should hold, before neutralising. */
function expectedCells(rows: readonly RouteCsvRow[], who: RouteReader, h: RouteCsvHeaders): string[][] {
  if (who === 'police')
    return [[h.order, h.address, h.district, h.section], ...rows.map((r, i) => [String(i + 1), addressLine(r.address), r.district, r.section])];
  return [
    [h.order, h.references, h.forms, h.fullName, h.address, h.district, h.phone, h.notes],
    ...rows.map((r, i) => [
      String(i + 1),
      r.references.join('; '),
      r.forms.join('; '),
      r.fullName,
      addressLine(r.address),
      r.district,
      r.phone ?? '',
      r.notes ?? '',
    ]),
  ];
}

/** Outside quoted fields, every line break is a CRLF. */
function onlyCrlfOutsideQuotes(text: string): boolean {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '\r' && text[i + 1] !== '\n') return false;
    else if (!quoted && char === '\n' && text[i - 1] !== '\r') return false;
  }
  return !quoted;
}

const readBack = (csv: string): string[][] => parse(csv, { bom: true, record_delimiter: '\r\n' });

describe('routeCsv', () => {
  it('round-trips any text through csv-parse: the same cells, each formula start (of the cell or after a separator) neutralised by one apostrophe', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 5 }), reader, headers, (rows, who, h) => {
        const cells = readBack(routeCsv(rows, who, h));
        const expected = expectedCells(rows, who, h);
        expect(cells.length).toBe(expected.length);
        cells.forEach((record, r) => {
          expect(record.length).toBe(expected[r]!.length);
          record.forEach((cell, c) => {
            const original = expected[r]![c]!;
            expect(cell).toBe(neutral(original));
          });
        });
      }),
      { numRuns: 120 },
    );
  });

  it('writes no cell a spreadsheet would run, a BOM first and CRLF after every record', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 5 }), reader, headers, (rows, who, h) => {
        const csv = routeCsv(rows, who, h);
        expect(csv.startsWith('\ufeff')).toBe(true);
        expect(csv.endsWith('\r\n')).toBe(true);
        expect(onlyCrlfOutsideQuotes(csv.slice(1))).toBe(true);
        for (const cell of readBack(csv).flat()) {
          expect(cell, JSON.stringify(cell)).not.toMatch(FORMULA_START);
          expect(partsAreSafe(cell), JSON.stringify(cell)).toBe(true);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('never gives the police a name, a phone, a reference or a note', () => {
    const secret = (tag: string) => fc.tuple(fileText, fc.uuid()).map(([text, uuid]) => `${text}${tag}-${uuid}`);
    const privateRow = fc
      .record({ base: row, fullName: secret('NAME'), phone: secret('PHONE'), reference: secret('REF'), notes: secret('NOTE') })
      .map(({ base, fullName, phone, reference, notes }) => ({ ...base, fullName, phone, notes, references: [reference] }));
    fc.assert(
      fc.property(fc.array(privateRow, { minLength: 1, maxLength: 5 }), headers, (rows, h) => {
        const csv = routeCsv(rows, 'police', h);
        for (const r of rows) for (const value of [r.fullName, r.phone, r.notes, ...r.references]) expect(csv).not.toContain(value.slice(-36));
        expect(readBack(csv).every((record) => record.length === 4)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('safeCell', () => {
  it('neutralises exactly the formula starts, of the cell and after each separator, each by one apostrophe', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fileText,
          fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r'), fileText).map(([start, rest]) => start + rest),
          fc
            .tuple(fileText, fc.constantFrom(';', ',', '|', '\t', '\n', '; ', ';\t '), fc.constantFrom('=', '+', '-', '@'), fileText)
            .map((parts) => parts.join('')),
        ),
        (value) => {
          const safe = safeCell(value);
          expect(safe).not.toMatch(FORMULA_START);
          expect(partsAreSafe(safe)).toBe(true);
          expect(safe).toBe(neutral(value));
        },
      ),
      { numRuns: 300 },
    );
  });
});
