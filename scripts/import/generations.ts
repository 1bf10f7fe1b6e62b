import { addressRanges, importGenerations, registerEntries } from '#db/schema';
import { columns, tableName } from './columns';
import { sqlValue } from './d1';

export type Dataset = 'register' | 'ranges';
const TABLES = { register: registerEntries, ranges: addressRanges } as const;

const g = {
  table: tableName(importGenerations),
  election: columns(importGenerations, ['electionId']),
  dataset: columns(importGenerations, ['dataset']),
  active: columns(importGenerations, ['active']),
  updatedAt: columns(importGenerations, ['updatedAt']),
};

function deleteWhere(electionId: string, dataset: Dataset, condition = ''): string {
  const table = TABLES[dataset];
  return `DELETE FROM ${tableName(table)} WHERE ${columns(table, ['electionId'])} = ${sqlValue(electionId)}${condition};`;
}

const generation = (dataset: Dataset) => columns(TABLES[dataset], ['generation']);

/** Deletes every generation of an election's dataset but `keep` (left-overs of failed imports, or the one just replaced). */
export function deleteOtherGenerations(electionId: string, dataset: Dataset, keep: number | undefined): string {
  return deleteWhere(electionId, dataset, keep === undefined ? '' : ` AND ${generation(dataset)} <> ${keep}`);
}

/**
 * The same as `deleteOtherGenerations`, as two index ranges (below and above `keep`): `<>`
 * cannot use the primary key, so it would read every row of the generation it keeps (millions,
 * for a register) to delete none.
 */
export function clearOtherGenerations(electionId: string, dataset: Dataset, keep: number | undefined): string[] {
  if (keep === undefined) return [deleteWhere(electionId, dataset)];
  return [deleteWhere(electionId, dataset, ` AND ${generation(dataset)} < ${keep}`), deleteWhere(electionId, dataset, ` AND ${generation(dataset)} > ${keep}`)];
}

/**
 * The characters a register key (base64url) starts with, in SQLite's (binary) order: the
 * bounds of the slices a generation is deleted in.
 */
const KEY_STARTS = [...'-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'];

/**
 * Deletes one generation, the register in 64 slices by the key's first character: each
 * statement deletes about 1/64 of the rows along the primary key, so on D1 none comes near
 * the 30 s a query may run (the whole national register is 6.6 million rows). The slices
 * cover every string, so nothing is left whatever the keys hold.
 */
export function deleteGeneration(electionId: string, dataset: Dataset, number: number): string[] {
  const where = ` AND ${generation(dataset)} = ${number}`;
  if (dataset === 'ranges') return [deleteWhere(electionId, dataset, where)];
  const key = columns(registerEntries, ['idHash']);
  return KEY_STARTS.map((start, i) => {
    const next = KEY_STARTS[i + 1];
    const from = i === 0 ? '' : ` AND ${key} >= ${sqlValue(start)}`;
    return deleteWhere(electionId, dataset, `${where}${from}${next ? ` AND ${key} < ${sqlValue(next)}` : ''}`);
  });
}

/** The one statement that makes a new generation answer. */
export function switchTo(electionId: string, dataset: Dataset, generation: number, now: string): string {
  return (
    `INSERT INTO ${g.table} (${g.election}, ${g.dataset}, ${g.active}, ${g.updatedAt}) VALUES (${sqlValue(electionId)}, ${sqlValue(dataset)}, ${generation}, ${sqlValue(now)}) ` +
    `ON CONFLICT(${g.election}, ${g.dataset}) DO UPDATE SET ${g.active} = excluded.${g.active}, ${g.updatedAt} = excluded.${g.updatedAt};`
  );
}
