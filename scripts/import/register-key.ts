import { lookupKeyFingerprint } from '#functions/platform/crypto';
import { FINGERPRINT_KEY } from '#functions/lookup/register-key';
import { appMeta, importGenerations, registerEntries } from '#db/schema';
import { columns, tableName } from './columns';
import { sqlValue } from './d1';

/**
 * What a register import may do with its key, given the fingerprint D1 holds: go on (`same`,
 * or `first` for the first import) or re-key on purpose (`new-key`). A different key without
 * `--new-key` is refused before anything is written: every voter would be "not found".
 */
export async function checkImportKey(stored: string | undefined, lookupKey: string, newKey: boolean): Promise<'same' | 'first' | 'new-key'> {
  const mine = await lookupKeyFingerprint(lookupKey);
  if (stored === undefined) return 'first';
  if (stored === mine) return 'same';
  if (newKey) return 'new-key';
  throw new Error(
    'LOOKUP_KEY is not the key this register was imported with: refused, nothing was written. Use the same key as the Worker secret, or --new-key to re-key on purpose (then re-import the register of every election).',
  );
}

/**
 * Statements, run with the switch to the new generation, that record the key's fingerprint and,
 * when re-keying, drop the registers of the other elections (hashed with the old key, they
 * could never match again).
 */
export async function recordKey(lookupKey: string, mode: 'same' | 'first' | 'new-key', electionId: string, now: string): Promise<string[]> {
  const fingerprint = await lookupKeyFingerprint(lookupKey);
  const record =
    `INSERT INTO ${tableName(appMeta)} (${columns(appMeta, ['key', 'value', 'updatedAt'])}) VALUES (${sqlValue(FINGERPRINT_KEY)}, ${sqlValue(fingerprint)}, ${sqlValue(now)}) ` +
    `ON CONFLICT(${columns(appMeta, ['key'])}) DO UPDATE SET ${columns(appMeta, ['value'])} = excluded.${columns(appMeta, ['value'])}, ${columns(appMeta, ['updatedAt'])} = excluded.${columns(appMeta, ['updatedAt'])};`;
  if (mode !== 'new-key') return mode === 'first' ? [record] : [];
  return [
    `DELETE FROM ${tableName(registerEntries)} WHERE ${columns(registerEntries, ['electionId'])} <> ${sqlValue(electionId)};`,
    `DELETE FROM ${tableName(importGenerations)} WHERE ${columns(importGenerations, ['dataset'])} = 'register' AND ${columns(importGenerations, ['electionId'])} <> ${sqlValue(electionId)};`,
    record,
  ];
}
