import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Country } from '#core/countries';
import { checkEncoding, readCsv, type Encoding } from './csv';
import type { CsvFormat } from './formats';

export interface BadRow {
  file: string;
  line: number;
  reason: string;
}

/** C0 and C1 control characters and DEL: never part of a name or an address. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it refuses.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** The first problem of a row's raw fields (a control character, a value too long), or undefined. */
export function fieldProblem(row: Record<string, string>, format: CsvFormat<unknown>): string | undefined {
  for (const column of format.columns) {
    const value = row[column] ?? '';
    if (CONTROL.test(value)) return `${column} holds a control character`;
    const max = format.maxLength[column];
    if (max !== undefined && value.length > max) return `${column} is longer than ${max} characters`;
  }
  return undefined;
}

/**
 * Streams a CSV file through a format: checks the whole file's encoding first (before anything
 * is written), then yields parsed rows and reports every bad one with its line and reason.
 * A reason names the rule broken, never the value (a personal number must not reach a log).
 */
export async function* rowsOf<T>(
  path: string,
  format: CsvFormat<T>,
  country: Country,
  encoding: Encoding,
  bad: BadRow[],
): AsyncGenerator<{ line: number; value: T }> {
  const file = basename(path);
  try {
    await checkEncoding(createReadStream(path), encoding);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  let header: string[] | undefined;
  for await (const record of readCsv(createReadStream(path), encoding)) {
    if (!header) {
      header = record.fields.map((f) => f.trim().toLowerCase());
      const missing = format.columns.filter((c) => !header!.includes(c));
      if (missing.length > 0) throw new Error(`${file}: the header lacks ${missing.join(', ')} (expected ${format.columns.join(',')})`);
      continue;
    }
    if (record.fields.length !== header.length) {
      bad.push({ file, line: record.line, reason: `${record.fields.length} fields, the header has ${header.length}` });
      continue;
    }
    const row = Object.fromEntries(header.map((name, i) => [name, record.fields[i]!]));
    const problem = fieldProblem(row, format);
    if (problem) {
      bad.push({ file, line: record.line, reason: problem });
      continue;
    }
    const result = format.parse(row, { country });
    if (result.ok) yield { line: record.line, value: result.value };
    else bad.push({ file, line: record.line, reason: result.reason });
  }
  if (!header) throw new Error(`${file}: the file is empty (a header row is required)`);
}
