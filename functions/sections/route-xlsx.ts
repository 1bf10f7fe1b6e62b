import type { RouteCsvHeaders, RouteCsvRow, RouteReader } from '#core/sections/route-csv';
import { routeTable } from '#core/sections/route-csv';

/**
 * A route list as an Excel workbook (.xlsx), written with exceljs: the same rows and columns as
 * the CSV (`routeTable`), for spreadsheets that split a CSV on `;` (Bulgarian regional settings).
 * Every cell is a string cell formatted as text (`@`): the file holds no formula and no number,
 * so `=`, `+` or `;` in a name or a street is shown as typed and never run. Loaded on demand: the
 * library is large, and only this download needs it.
 */
export async function routeXlsx(rows: readonly RouteCsvRow[], reader: RouteReader, headers: RouteCsvHeaders, sheetName: string): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Voter Desk';
  // A fixed date: the same list gives the same file.
  workbook.created = workbook.modified = new Date('2024-01-01T00:00:00Z');
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  const table = routeTable(rows, reader, headers);
  table.forEach((cells, r) => {
    const row = sheet.getRow(r + 1);
    cells.forEach((text, c) => {
      const cell = row.getCell(c + 1);
      cell.value = text;
      cell.numFmt = '@';
      cell.alignment = { wrapText: true, vertical: 'top' };
      if (r === 0) cell.font = { bold: true };
    });
    row.commit();
  });
  sheet.columns.forEach((column, c) => {
    column.width = Math.min(60, Math.max(6, ...table.map((cells) => (cells[c] ?? '').length + 2)));
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
