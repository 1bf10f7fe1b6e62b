import { parse, CsvError } from 'csv-parse';
import { pipeline, Readable, Transform } from 'node:stream';

export interface CsvRecord {
  /** The line the record starts on (1 = the header). */
  line: number;
  fields: string[];
}

/** The encodings an import file may be in: UTF-8, or Windows-1251 for the legacy exports of election bodies. */
export const ENCODINGS = ['utf-8', 'windows-1251'] as const;
export type Encoding = (typeof ENCODINGS)[number];

const notText = (encoding: Encoding) =>
  new Error(
    encoding === 'utf-8'
      ? 'the file is not valid UTF-8 text (an export in Windows-1251? then add --encoding windows-1251)'
      : `the file is not valid ${encoding} text`,
  );

/** Bytes to text in the file's encoding, refusing bytes that are not (a file in another encoding must fail loudly); drops a BOM. */
function decodedText(encoding: Encoding): Transform {
  const decoder = new TextDecoder(encoding, { fatal: true });
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer | string, _encoding, done) {
      try {
        done(null, typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
      } catch {
        done(notText(encoding));
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(notText(encoding));
      }
    },
  });
}

const lineBreaks = (fields: string[]) => fields.reduce((sum, field) => sum + (field.match(/\r\n|\r|\n/g)?.length ?? 0), 0);

/**
 * Streams RFC 4180 CSV with csv-parse: comma-separated, fields optionally in double quotes (a
 * quote inside is doubled), quoted fields may hold commas and line breaks, CRLF or LF line
 * ends (mixed too), a UTF-8 BOM is dropped, blank lines are skipped. Each record comes with
 * the line it starts on, computed from the records and blank lines before it (csv-parse's
 * own line counter counts a quoted CRLF twice).
 *
 * @example for await (const { line, fields } of readCsv(createReadStream('stations.csv'))) …
 */
export async function* readCsv(input: Readable | AsyncIterable<string | Buffer>, encoding: Encoding = 'utf-8'): AsyncGenerator<CsvRecord> {
  const source = input instanceof Readable ? input : Readable.from(input);
  // pipeline() destroys every stage on an error, so reading the parser throws it.
  const parser = pipeline(
    source,
    decodedText(encoding),
    parse({ relax_column_count: true, skip_empty_lines: true, info: true, record_delimiter: ['\r\n', '\n', '\r'] }),
    () => {},
  );
  let linesBefore = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { empty_lines: number } }>) {
      yield { line: 1 + linesBefore + info.empty_lines, fields: record };
      linesBefore += lineBreaks(record) + 1;
    }
  } catch (error) {
    if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED')
      throw new Error(`a quoted field starting after line ${linesBefore} is never closed`);
    if (error instanceof CsvError) throw new Error(`CSV cannot be read after line ${linesBefore}: ${error.code}`);
    throw error;
  }
}

/** Reads a whole file through its decoder, so a wrong encoding fails before anything is written. */
export async function checkEncoding(input: Readable, encoding: Encoding): Promise<void> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) decoder.decode(chunk, { stream: true });
    decoder.decode();
  } catch {
    throw notText(encoding);
  }
}
