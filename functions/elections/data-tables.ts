import bgSofiaDistricts from '#content/data/bg-sofia-districts.json';
import bgSofiaMobileSections from '#content/data/bg-sofia-mobile-sections.json';
import { dataTable, type DataTable } from '#core/data-table';

/** The data tables features read at run time (guides read every table at build time from disk). */
const FILES: Record<string, unknown> = {
  'bg-sofia-districts': bgSofiaDistricts,
  'bg-sofia-mobile-sections': bgSofiaMobileSections,
};

const parsed = new Map<string, DataTable>();

/** A data table by id, validated on first use. */
export function dataTableById(id: string): DataTable {
  let table = parsed.get(id);
  if (!table) {
    if (!(id in FILES)) throw new Error(`content/data/${id}.json is not registered in functions/elections/data-tables.ts`);
    table = dataTable.parse(FILES[id]);
    parsed.set(id, table);
  }
  return table;
}
