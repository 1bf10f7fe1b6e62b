/** Prints a header and rows in aligned columns, two spaces apart; the columns in `right` align right. */
export function printTable(header: readonly string[], rows: readonly (readonly (string | number)[])[], right: ReadonlySet<number>): void {
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => String(row[i]).length)));
  for (const row of [header, ...rows]) {
    console.log(
      row
        .map((cell, i) => (right.has(i) ? String(cell).padStart(widths[i] ?? 0) : String(cell).padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    );
  }
}
