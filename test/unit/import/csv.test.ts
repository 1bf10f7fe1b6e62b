import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCsv, type CsvRecord } from '#scripts/import/csv';

async function parse(chunks: (string | Buffer)[]): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const record of readCsv(Readable.from(chunks))) out.push(record);
  return out;
}

describe('readCsv', () => {
  it('reads a header and rows with line numbers', async () => {
    expect(await parse(['a,b\n1,2\n3,4\n'])).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['3', '4'] },
    ]);
  });

  it('drops a UTF-8 BOM, also when it arrives as bytes', async () => {
    expect((await parse([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,b\n')]))[0]).toEqual({ line: 1, fields: ['a', 'b'] });
    expect((await parse(['\ufeffa,b\n']))[0]!.fields).toEqual(['a', 'b']);
  });

  it('handles CRLF, a last line without a newline, and blank lines (counted, not returned)', async () => {
    expect(await parse(['a,b\r\n\r\n1,2\r\n\n3,4'])).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['1', '2'] },
      { line: 5, fields: ['3', '4'] },
    ]);
  });

  it('handles quotes, doubled quotes, commas and line breaks inside quotes', async () => {
    const rows = await parse(['n,name\n1,"Секция ""Изгрев"", 12 СУ"\n2,"two\r\nlines"\n3,x\n']);
    expect(rows).toEqual([
      { line: 1, fields: ['n', 'name'] },
      { line: 2, fields: ['1', 'Секция "Изгрев", 12 СУ'] },
      { line: 3, fields: ['2', 'two\r\nlines'] },
      { line: 5, fields: ['3', 'x'] },
    ]);
  });

  it('is not confused by chunk boundaries inside quotes, CRLF or multi-byte letters', async () => {
    const text = 'a,b\r\n"x ""y""",ә\r\n"1,2",қ\r\n';
    const bytes = Buffer.from(text);
    const oneByteChunks = [...bytes].map((b) => Buffer.from([b]));
    expect(await parse(oneByteChunks)).toEqual(await parse([text]));
    expect((await parse(oneByteChunks))[1]!.fields).toEqual(['x "y"', 'ә']);
  });

  it('keeps empty fields and reports an unclosed quote', async () => {
    expect((await parse(['a,,c\n']))[0]!.fields).toEqual(['a', '', 'c']);
    await expect(parse(['a,"b\n'])).rejects.toThrow(/never closed/);
  });

  it('counts lines right after a quoted line break in a CRLF file (csv-parse alone counts it twice)', async () => {
    expect(await parse(['n,name\r\n1,"two\r\nlines"\r\n\r\n2,x\r\n3,y'])).toEqual([
      { line: 1, fields: ['n', 'name'] },
      { line: 2, fields: ['1', 'two\r\nlines'] },
      { line: 5, fields: ['2', 'x'] },
      { line: 6, fields: ['3', 'y'] },
    ]);
  });

  it('refuses a file that is not UTF-8 (e.g. Windows-1251) instead of loading garbled names', async () => {
    await expect(parse([Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xd1, 0xee, 0xf4, 0xe8, 0xff, 0x0a])])).rejects.toThrow(/not valid UTF-8/);
  });
});
