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

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell a spreadsheet will show as text rather than run as a formula: one starting with `=`,
 * `+`, `-`, `@`, tab or CR gets a leading apostrophe (OWASP, "CSV Injection"). Phone numbers
 * such as `+359…` are affected too; that is the price of a list that is safe to open.
 *
 * @example safeCell('=HYPERLINK("http://x")') // `'=HYPERLINK("http://x")`
 */
export function safeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * A route list as CSV for `reader`: a UTF-8 byte-order mark (so Excel reads Cyrillic), a header
 * row, one row per stop in order, CRLF line ends.
 */
export function routeCsv(rows: readonly RouteCsvRow[], reader: RouteReader, headers: RouteCsvHeaders): string {
  const columns = COLUMNS[reader];
  const records = [columns.map((column) => headers[column.header]), ...rows.map((row, i) => columns.map((column) => column.cell(row, i + 1)))];
  // With CRLF records csv-stringify quotes only cells holding "\r\n"; a lone "\n" or "\r" must be quoted too.
  return stringify(
    records.map((record) => record.map(safeCell)),
    { bom: true, record_delimiter: 'windows', quote_record_delimiter: true },
  );
}
