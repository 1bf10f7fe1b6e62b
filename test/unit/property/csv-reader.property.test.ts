import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv, type CsvRecord, type Encoding } from '#scripts/import/csv';
import { rangesFormat, registerFormat, stationsFormat, type CsvFormat } from '#scripts/import/formats';
import { rowsOf, type BadRow } from '#scripts/import/rows';
import { fileText } from './arbitraries';

/** What readCsv and rowsOf may throw (scripts/import/csv.ts, rows.ts): a whole-file problem, worded for the person importing. */
const DOCUMENTED_FAILURES = [
  /^a quoted field starting after line \d+ is never closed$/,
  /^CSV cannot be read after line \d+: [A-Z_]+$/,
  /^the file is not valid UTF-8 text \(an export in Windows-1251\? then add --encoding windows-1251\)$/,
  /^the file is not valid windows-1251 text$/,
];
const FILE_FAILURES = [
  /^data\.csv: the header lacks [a-z_, ]+ \(expected [a-z_,]+\)$/,
  /^data\.csv: the file is empty \(a header row is required\)$/,
  ...DOCUMENTED_FAILURES.map((re) => new RegExp(`^data\\.csv: ${re.source.slice(1)}`)),
];

function expectDocumented(caught: unknown, failures: readonly RegExp[]): void {
  if (!(caught instanceof Error) || !failures.some((re) => re.test(caught.message))) throw caught;
}

/** An RFC 4180 writer of our own, to check the reader against: quotes when needed (or always), doubles quotes. */
function writeRecord(fields: readonly string[], quoteAll: boolean): string {
  return fields.map((f) => (quoteAll || /[",\r\n]/.test(f) || f.startsWith('\ufeff') || f === '' ? `"${f.replace(/"/g, '""')}"` : f)).join(',');
}
const breaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;

interface Written {
  text: string;
  expected: CsvRecord[];
}

/** Records (a lone field is never empty: that line would be blank), blank lines between them, a BOM or not, the last line break or not. */
const csvFile: fc.Arbitrary<Written> = fc
  .record({
    records: fc.array(
      fc.array(fileText, { minLength: 1, maxLength: 5 }).filter((r) => r.length > 1 || r[0] !== ''),
      { minLength: 1, maxLength: 8 },
    ),
    ends: fc.oneof(fc.constant(['\r']), fc.array(fc.constantFrom('\r\n', '\n'), { minLength: 1, maxLength: 3 })),
    blanks: fc.array(fc.nat({ max: 2 }), { maxLength: 8 }),
    quoteAll: fc.boolean(),
    bom: fc.boolean(),
    finalBreak: fc.boolean(),
  })
  .map(({ records, ends, blanks, quoteAll, bom, finalBreak }) => {
    let text = bom ? '\ufeff' : '';
    let line = 1;
    const expected: CsvRecord[] = [];
    records.forEach((fields, i) => {
      const end = ends[i % ends.length]!;
      const blank = blanks[i] ?? 0;
      text += end.repeat(i === 0 ? 0 : blank);
      line += i === 0 ? 0 : blank;
      expected.push({ line, fields });
      text += writeRecord(fields, quoteAll) + (i < records.length - 1 || finalBreak ? end : '');
      line += fields.reduce((sum, f) => sum + breaks(f), 0) + 1;
    });
    return { text, expected };
  });

/** Bytes cut into chunks at arbitrary places (inside a quote, a CRLF or a multi-byte letter). */
const chunked = (bytes: Uint8Array, cuts: readonly number[]) => {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  return [0, ...points].map((from, i) => Buffer.from(bytes.subarray(from, points[i] ?? bytes.length))).filter((chunk) => chunk.length > 0);
};

async function read(chunks: readonly (Buffer | string)[], encoding: Encoding = 'utf-8'): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const record of readCsv(Readable.from(chunks), encoding)) out.push(record);
  return out;
}

describe('readCsv', () => {
  it('reads back what an RFC 4180 writer wrote, with the line each record starts on, however the bytes are cut', async () => {
    await fc.assert(
      fc.asyncProperty(csvFile, fc.array(fc.nat(), { maxLength: 6 }), async ({ text, expected }, cuts) => {
        expect(await read(chunked(Buffer.from(text), cuts))).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  const csvAlphabet = fc
    .array(fc.constantFrom(',', '"', '""', '\r', '\n', '\r\n', 'a', 'я', ' ', '\ufeff', '\u0000', ';'), { maxLength: 40 })
    .map((parts) => parts.join(''));
  const anyInput = fc.oneof(
    fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
    fc.string({ unit: 'binary', maxLength: 100 }).map((text) => Buffer.from(text)),
    csvAlphabet.map((text) => Buffer.from(text)),
    fc.tuple(csvAlphabet, fc.uint8Array({ minLength: 1, maxLength: 4 })).map(([text, bytes]) => Buffer.concat([Buffer.from(text), bytes])),
  );

  it('on arbitrary bytes, gives records in line order or one of its documented errors, in both encodings', async () => {
    await fc.assert(
      fc.asyncProperty(anyInput, fc.constantFrom<Encoding>('utf-8', 'windows-1251'), fc.array(fc.nat(), { maxLength: 4 }), async (bytes, encoding, cuts) => {
        try {
          const records = await read(chunked(bytes, cuts), encoding);
          records.forEach((record, i) => {
            expect(record.line).toBeGreaterThanOrEqual(i === 0 ? 1 : records[i - 1]!.line + 1);
            expect(record.fields.every((field) => typeof field === 'string')).toBe(true);
          });
        } catch (caught) {
          expectDocumented(caught, DOCUMENTED_FAILURES);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('rowsOf (a file through a format)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'csv-property-'));
  const path = join(folder, 'data.csv');
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^\\d{${min},${max}}$`));
  const text = fc.oneof(fc.constantFrom('София', 'ул. Шипка', 'Бишкек', 'Алматы', '12 СУ „Христо Ботев“'), fileText);
  const coordinate = fc.oneof(fc.double({ min: -200, max: 200, noNaN: true }).map(String), fc.constantFrom('', '42.69', '23.32', 'x'));
  const yesNo = fc.constantFrom('yes', 'no', 'да', 'не', '1', '0', '', 'maybe');
  // Valid numbers (check digits computed by hand in personal-numbers.test.ts and test/api) mixed with arbitrary digits.
  const idNumber = fc.oneof(
    fc.constantFrom('8912315676', '6647182932', '1234567893', '870412300416', '951223450987'),
    digits(10, 14),
    fc.stringMatching(/^\d{3} \d{3} \d{4}$/),
  );
  /** Rows that mostly fit each format, so both the good and the bad paths are taken. */
  const fitting: { format: CsvFormat<unknown>; row: fc.Arbitrary<Record<string, string>> }[] = [
    {
      format: stationsFormat,
      row: fc.record({
        number: fc.oneof(digits(9, 9), digits(1, 5), text),
        name: text,
        address: text,
        settlement: text,
        district: text,
        constituency: text,
        lat: coordinate,
        lon: coordinate,
        step_free: yesNo,
        mobile: yesNo,
      }),
    },
    {
      format: rangesFormat,
      row: fc.record({
        settlement: text,
        street: text,
        from: fc.oneof(digits(1, 3), text),
        to: fc.oneof(digits(1, 3), text),
        parity: fc.constantFrom('all', 'odd', 'EVEN', 'some', ''),
        station_number: digits(1, 9),
      }),
    },
    { format: registerFormat, row: fc.record({ id_number: idNumber, station_number: fc.oneof(digits(1, 9), fc.constant('')) }) },
  ];
  /** A header (usually every column, in any order and case, sometimes one more or one missing) and rows in its order, some cut or padded. */
  const file = fc.constantFrom(...fitting).chain(({ format, row }) =>
    fc
      .record({
        header: fc.oneof(
          { weight: 4, arbitrary: fc.shuffledSubarray([...format.columns], { minLength: format.columns.length }) },
          fc.shuffledSubarray([...format.columns, 'extra'], { minLength: format.columns.length - 1 }),
        ),
        upper: fc.boolean(),
        quoteAll: fc.boolean(),
        rows: fc.array(fc.tuple(row, fileText, fc.integer({ min: -1, max: 6 })), { maxLength: 6 }),
        country: fc.constantFrom('BG', 'KG', 'KZ') as fc.Arbitrary<'BG' | 'KG' | 'KZ'>,
      })
      .map(({ header, rows, ...rest }) => ({
        format,
        header,
        ...rest,
        // A row's cells in the header's order; a few rows lose their last cell (-1) or get one more (0).
        rows: rows.map(([values, other, shape]) => {
          const cells = header.map((column) => values[column] ?? other);
          return shape === -1 ? cells.slice(0, -1) : shape === 0 ? [...cells, other] : cells;
        }),
      })),
  );

  it('yields good rows and reports every other one with its line, or fails for the whole file in documented words', async () => {
    await fc.assert(
      fc.asyncProperty(file, async ({ format, header, upper, quoteAll, rows, country }) => {
        const lines = [
          writeRecord(
            header.map((c) => (upper ? c.toUpperCase() : c)),
            quoteAll,
          ),
          ...rows.map((row) => writeRecord(row, quoteAll)),
        ];
        writeFileSync(path, lines.join('\r\n'));
        const bad: BadRow[] = [];
        const good: number[] = [];
        try {
          for await (const { line } of rowsOf(path, format, country, 'utf-8', bad)) good.push(line);
        } catch (caught) {
          expectDocumented(caught, FILE_FAILURES);
          return;
        }
        // Every data record that is not a blank line is either yielded or reported, once.
        const records = (await read([lines.join('\r\n')])).slice(1);
        expect([...good, ...bad.map((row) => row.line)].sort((a, b) => a - b)).toEqual(records.map((record) => record.line));
        for (const row of bad) {
          expect(row.file).toBe('data.csv');
          expect(row.reason.trim()).not.toBe('');
          // A personal number never reaches a report (they are logged); other formats may quote their values.
          if (format === registerFormat)
            for (const record of rows) for (const value of record) if (/\d{6}/.test(value)) expect(row.reason).not.toContain(value.trim());
        }
      }),
      { numRuns: 50 },
    );
  });
});
