import { stringify } from 'csv-stringify/sync';

/** Who a list is for: the police get only what they need to plan the vehicles' routes. */
export type RouteReader = 'police' | 'district' | 'city';

export interface RouteAddress {
  /** The town or village by name, when it is not the municipality's main settlement (whose name goes without saying). */
  settlement?: string;
  street: string;
  number?: string;
  block?: string;
  entrance?: string;
  floor?: string;
  apartment?: string;
}

/** One stop of a route list, in visiting order. It has no personal-number field on purpose: no list can hold one. */
export interface RouteCsvRow {
  /** The voter's request references (one stop may cover both ballots). */
  references: readonly string[];
  /** The application forms, e.g. `30-ЕП`, `31-НС`. */
  forms: readonly string[];
  fullName: string;
  address: RouteAddress;
  district: string;
  section: string;
  phone?: string;
  notes?: string;
}

/** Column headings, from the caller's locale. */
export interface RouteCsvHeaders {
  order: string;
  references: string;
  forms: string;
  fullName: string;
  address: string;
  district: string;
  section: string;
  phone: string;
  notes: string;
}

interface Column {
  header: keyof RouteCsvHeaders;
  cell: (row: RouteCsvRow, position: number) => string;
}

/**
 * An address as one readable line with Bulgarian labels.
 *
 * @example formatAddress({ street: 'ж.к. Младост 1', block: '12', entrance: 'А', floor: '3', apartment: '9' }) // 'ж.к. Младост 1, бл. 12, вх. А, ет. 3, ап. 9'
 * @example formatAddress({ settlement: 'Лозен', street: 'ул. Първа', number: '3' }) // 'Лозен, ул. Първа № 3'
 */
export function formatAddress(address: RouteAddress): string {
  const part = (label: string, value: string | undefined) => (value?.trim() ? `${label}${value.trim()}` : '');
  const street = [address.street.trim(), part('№ ', address.number)].filter(Boolean).join(' ');
  const rest = [part('бл. ', address.block), part('вх. ', address.entrance), part('ет. ', address.floor), part('ап. ', address.apartment)];
  return [address.settlement?.trim() ?? '', street, ...rest].filter(Boolean).join(', ');
}

const order: Column = { header: 'order', cell: (_, position) => String(position) };
const address: Column = { header: 'address', cell: (row) => formatAddress(row.address) };
const district: Column = { header: 'district', cell: (row) => row.district };

const FULL: readonly Column[] = [
  order,
  { header: 'references', cell: (row) => row.references.join('; ') },
  { header: 'forms', cell: (row) => row.forms.join('; ') },
  { header: 'fullName', cell: (row) => row.fullName },
  address,
  district,
  { header: 'phone', cell: (row) => row.phone ?? '' },
  { header: 'notes', cell: (row) => row.notes ?? '' },
];

const COLUMNS: Record<RouteReader, readonly Column[]> = {
  police: [order, address, district, { header: 'section', cell: (row) => row.section }],
  district: FULL,
  city: FULL,
};

/** A formula's first character, at the start of a cell or after anything a spreadsheet may split cells on. */
const FORMULA_AFTER_SEPARATOR = /(^|[,;|\t\r\n]\s*)([=+\-@])/g;

/**
 * A cell a spreadsheet will show as text rather than run as a formula (OWASP, "CSV Injection"):
 * a leading apostrophe before `=`, `+`, `-` or `@` at the start of the cell, and also after any
 * `,`, `;`, `|`, tab or line break inside it: with Bulgarian regional settings Excel splits a CSV
 * on `;`, so `Иван; =HYPERLINK(…)` would otherwise start a new cell with a formula. A cell that
 * starts with a tab or CR gets one too. Phone numbers such as `+359…` are affected: that is the
 * price of a list that is safe to open.
 *
 * @example safeCell('Иван;=HYPERLINK("http://x")') // `Иван;'=HYPERLINK("http://x")`
 */
export function safeCell(value: string): string {
  const neutral = value.replace(FORMULA_AFTER_SEPARATOR, "$1'$2");
  return /^[\t\r]/.test(neutral) ? `'${neutral}` : neutral;
}

/** A route list as rows of text for `reader`: the heading row, then one row per stop in order. Nothing in it is a number or a formula. */
export function routeTable(rows: readonly RouteCsvRow[], reader: RouteReader, headers: RouteCsvHeaders): string[][] {
  const columns = COLUMNS[reader];
  return [columns.map((column) => headers[column.header]), ...rows.map((row, i) => columns.map((column) => column.cell(row, i + 1)))];
}

/**
 * A route list as CSV for `reader`: a UTF-8 byte-order mark (so Excel reads Cyrillic), a header
 * row, one row per stop in order, CRLF line ends, every field quoted (so a `;` inside a name
 * stays in its cell whichever separator the spreadsheet splits on) and neutralised (`safeCell`).
 */
export function routeCsv(rows: readonly RouteCsvRow[], reader: RouteReader, headers: RouteCsvHeaders): string {
  return stringify(
    routeTable(rows, reader, headers).map((record) => record.map(safeCell)),
    { bom: true, record_delimiter: 'windows', quoted: true, quoted_empty: true },
  );
}
