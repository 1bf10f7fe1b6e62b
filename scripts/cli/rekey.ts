// npm run rekey -- [--remote] [--persist-to DIR] [--dry-run]
// Re-encrypts every sealed value (problem reports' details and contacts; mobile-box requests'
// details, representatives and reasons, with the number's HMAC recomputed; route stops'
// coordinates; staff accounts' authenticator-app secrets) under the current
// DATA_KEY, reading the old ones with DATA_KEY_OLD. It also seals what is left from before
// encryption: plaintext details, and contacts sealed under LOOKUP_KEY without a key id.
// Keys come from the environment only (never the command line); locally from .dev.vars.
// Rotation: README "Data protection" → "Rotating DATA_KEY".
import { parseArgs } from 'node:util';
import { dataKeyId, seal, sealedKeyId, unseal, unsealLegacy, type DataKeys } from '#functions/platform/crypto';
import { keyProblem } from '#functions/platform/keys';
import { reportSeal } from '#functions/reports/reports';
import { localSecret } from '#scripts/dev-vars';
import { stationReports } from '#db/schema';
import { columns, tableName } from '#scripts/import/columns';
import { sqlValue, type D1 } from '#scripts/import/d1';
import { CommandError, main, type CommandIo } from './command';
import { rekeyRequests, rekeyStops, sealedRequestsQuery, sealedStopsQuery, type SealedRequest, type SealedStop } from './rekey-mobile-box';
import { rekeyTotpSecrets, sealedTotpQuery, type SealedTotp } from './rekey-staff';

interface SealedReport {
  id: number;
  recordKey: string | null;
  details: string | null;
  detailsSealed: string | null;
  contactSealed: string | null;
}
const c = (key: keyof SealedReport & keyof typeof stationReports.$inferSelect) => columns(stationReports, [key]);

/** The problem reports' sealed (and left plaintext) columns, for `npm run rekey`. */
export const sealedReportsQuery = `SELECT ${c('id')} AS id, ${c('recordKey')} AS recordKey, ${c('details')} AS details, ${c('detailsSealed')} AS detailsSealed, ${c('contactSealed')} AS contactSealed FROM ${tableName(stationReports)}`;

/**
 * The UPDATEs that move problem reports to the current DATA_KEY: details and contact re-sealed
 * (read with DATA_KEY_OLD, or as sealed under LOOKUP_KEY without a key id), plaintext details
 * sealed, a record key given to reports without one. Reports already under the current key are
 * left alone.
 */
export async function rekeyReports(
  rows: SealedReport[],
  keys: DataKeys,
  currentId: string,
  lookupKey: string | undefined,
): Promise<{ updates: string[]; untouched: number }> {
  const updates: string[] = [];
  let untouched = 0;
  for (const row of rows) {
    const upToDate =
      row.details === null &&
      row.recordKey &&
      row.detailsSealed &&
      sealedKeyId(row.detailsSealed) === currentId &&
      (!row.contactSealed || sealedKeyId(row.contactSealed) === currentId);
    if (upToDate) {
      untouched++;
      continue;
    }
    const recordKey = row.recordKey ?? crypto.randomUUID();
    const open = async (purpose: 'details' | 'contact', sealed: string) =>
      sealedKeyId(sealed) ? unseal(keys, reportSeal(purpose, recordKey), sealed) : unsealLegacy(lookupKey ?? '', `report-${purpose}`, sealed);
    const details = row.detailsSealed ? await open('details', row.detailsSealed) : (row.details ?? '');
    const contact = row.contactSealed ? await open('contact', row.contactSealed) : null;
    const detailsSealed = await seal(keys, reportSeal('details', recordKey), details);
    const contactSealed = contact === null ? null : await seal(keys, reportSeal('contact', recordKey), contact);
    updates.push(
      `UPDATE ${tableName(stationReports)} SET ${c('details')} = NULL, ${c('detailsSealed')} = ${sqlValue(detailsSealed)}, ${c('contactSealed')} = ${sqlValue(contactSealed)}, ${c('recordKey')} = ${sqlValue(recordKey)} WHERE ${c('id')} = ${row.id};`,
    );
  }
  return { updates, untouched };
}

type Rekeyed = { updates: string[]; untouched: number };

/**
 * Reads every sealed value of the database and works out the UPDATEs that move it to
 * `keys.current`; `save` then writes them all in one batch.
 */
export async function rekeyDatabase(
  db: D1,
  keys: DataKeys,
  lookupKey: string | undefined,
): Promise<{ reports: Rekeyed; requests: Rekeyed; stops: Rekeyed; totp: Rekeyed; save(): Promise<void> }> {
  const currentId = await dataKeyId(keys.current);
  const reports = await rekeyReports(await db.query<SealedReport>(sealedReportsQuery), keys, currentId, lookupKey);
  const requests = await rekeyRequests(await db.query<SealedRequest>(sealedRequestsQuery), keys, currentId);
  const stops = await rekeyStops(await db.query<SealedStop>(sealedStopsQuery), keys, currentId);
  const totp = await rekeyTotpSecrets(await db.query<SealedTotp>(sealedTotpQuery), keys, currentId);
  const save = async () => {
    await db.batch([...reports.updates, ...requests.updates, ...stops.updates, ...totp.updates]);
  };
  return { reports, requests, stops, totp, save };
}

/** `npm run rekey`. */
export async function rekeyCommand(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { remote: { type: 'boolean', default: false }, 'persist-to': { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
    strict: true,
  });
  // Remote: the environment only. Local: the environment, else .dev.vars (as wrangler dev reads them).
  const secret = (name: 'DATA_KEY' | 'LOOKUP_KEY') => (values.remote ? io.env[name] : (io.env[name] ?? localSecret(name)));
  const current = secret('DATA_KEY');
  const problem = keyProblem(current, !values.remote);
  if (problem) throw new CommandError(`DATA_KEY is ${problem.replace('_', ' ')}: set the new key in the environment (at least 32 random bytes)`);
  const keys: DataKeys = { current: current!, previous: io.env.DATA_KEY_OLD };

  const db = io.d1({ remote: values.remote, persistTo: values['persist-to'] });
  const { reports, requests, stops, totp, save } = await rekeyDatabase(db, keys, secret('LOOKUP_KEY'));
  const verb = values['dry-run'] ? 'Would re-encrypt' : 'Re-encrypting';
  io.out(`${verb} ${reports.updates.length} reports under the current DATA_KEY; ${reports.untouched} already are.`);
  io.out(`${verb} ${requests.updates.length} mobile-box requests under the current DATA_KEY; ${requests.untouched} already are.`);
  io.out(`${verb} ${stops.updates.length} route stops' coordinates under the current DATA_KEY; ${stops.untouched} already are.`);
  io.out(`${verb} ${totp.updates.length} staff authenticator-app secrets under the current DATA_KEY; ${totp.untouched} already are.`);
  if (!values['dry-run']) await save();
  return 0;
}

await main(import.meta.url, rekeyCommand);
