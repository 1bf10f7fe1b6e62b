import type { Readable } from 'node:stream';

export interface CsvRecord {
  /** The line the record starts on (1 = the header). */
  line: number;
  fields: string[];
}

/**
 * Streams RFC 4180 CSV: comma-separated, fields optionally in double quotes (a quote inside
 * is doubled), quoted fields may hold commas and line breaks, CRLF or LF line ends, a UTF-8
 * BOM is dropped, blank lines are skipped. Only one record is held in memory at a time.
 *
 * @example for await (const { line, fields } of readCsv(createReadStream('stations.csv'))) …
 */
export async function* readCsv(input: Readable | AsyncIterable<string | Buffer>): AsyncGenerator<CsvRecord> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let field = '';
  let fields: string[] = [];
  let inQuotes = false;
  let quoteJustClosed = false;
  let line = 1;
  let recordLine = 1;
  let first = true;
  let pendingCR = false;

  const endRecord = function* (): Generator<CsvRecord> {
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === '';
    if (!blank) yield { line: recordLine, fields };
    fields = [];
    field = '';
  };

  for await (const chunk of input) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    for (let i = 0; i < text.length; i++) {
      const char = text[i]!;
      if (pendingCR) {
        pendingCR = false;
        if (char === '\n') continue;
      }
      if (inQuotes) {
        if (char === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else if (i + 1 === text.length) {
            // The chunk ends on a quote: decide when the next chunk shows what follows.
            inQuotes = false;
            quoteJustClosed = true;
          } else {
            inQuotes = false;
          }
        } else {
          if (char === '\n' || char === '\r') line++;
          if (char === '\r' && text[i + 1] === '\n') {
            field += '\r\n';
            i++;
            continue;
          }
          field += char;
        }
        continue;
      }
      if (quoteJustClosed) {
        quoteJustClosed = false;
        if (char === '"') {
          // It was an escaped quote split across chunks.
          field += '"';
          inQuotes = true;
          continue;
        }
      }
      if (char === '"' && field === '') {
        inQuotes = true;
      } else if (char === ',') {
        fields.push(field);
        field = '';
      } else if (char === '\n' || char === '\r') {
        yield* endRecord();
        if (char === '\r') pendingCR = true;
        line++;
        recordLine = line;
      } else {
        field += char;
      }
    }
  }
  if (inQuotes) throw new Error(`line ${recordLine}: a quoted field is never closed`);
  if (field !== '' || fields.length > 0) yield* endRecord();
}
