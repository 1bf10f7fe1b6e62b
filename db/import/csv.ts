import { parse, CsvError } from 'csv-parse';
import { pipeline, Readable, Transform } from 'node:stream';

export interface CsvRecord {
  /** The line the record starts on (1 = the header). */
  line: number;
  fields: string[];
}

/** Bytes to text, refusing invalid UTF-8 (a file in another encoding must fail loudly); drops a BOM. */
function utf8Text(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer | string, _encoding, done) {
      try {
        done(null, typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
      } catch {
        done(new Error('the file is not valid UTF-8 text'));
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(new Error('the file is not valid UTF-8 text'));
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
export async function* readCsv(input: Readable | AsyncIterable<string | Buffer>): AsyncGenerator<CsvRecord> {
  const source = input instanceof Readable ? input : Readable.from(input);
  // pipeline() destroys every stage on an error, so reading the parser throws it.
  const parser = pipeline(source, utf8Text(), parse({ relax_column_count: true, skip_empty_lines: true, info: true, record_delimiter: ['\r\n', '\n', '\r'] }), () => {});
  let linesBefore = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { empty_lines: number } }>) {
      yield { line: 1 + linesBefore + info.empty_lines, fields: record };
      linesBefore += lineBreaks(record) + 1;
    }
  } catch (error) {
    if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED') throw new Error(`a quoted field starting after line ${linesBefore} is never closed`);
    if (error instanceof CsvError) throw new Error(`CSV cannot be read after line ${linesBefore}: ${error.code}`);
    throw error;
  }
}
