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

/** Deletes every generation of an election's dataset but `keep` (left-overs of failed imports, or the one just replaced). */
export function deleteOtherGenerations(electionId: string, dataset: Dataset, keep: number | undefined): string {
  const table = TABLES[dataset];
  const where = `${columns(table, ['electionId'])} = ${sqlValue(electionId)}`;
  return `DELETE FROM ${tableName(table)} WHERE ${where}${keep === undefined ? '' : ` AND ${columns(table, ['generation'])} <> ${keep}`};`;
}

/** The one statement that makes a new generation answer. */
export function switchTo(electionId: string, dataset: Dataset, generation: number, now: string): string {
  return (
    `INSERT INTO ${g.table} (${g.election}, ${g.dataset}, ${g.active}, ${g.updatedAt}) VALUES (${sqlValue(electionId)}, ${sqlValue(dataset)}, ${generation}, ${sqlValue(now)}) ` +
    `ON CONFLICT(${g.election}, ${g.dataset}) DO UPDATE SET ${g.active} = excluded.${g.active}, ${g.updatedAt} = excluded.${g.updatedAt};`
  );
}
