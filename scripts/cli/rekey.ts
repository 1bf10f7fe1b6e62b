// npm run rekey -- [--remote] [--persist-to DIR] [--dry-run]
// Re-encrypts every sealed value (problem reports' details and contacts; mobile-box requests'
// details, representatives and reasons, with the number's HMAC recomputed; route stops'
// coordinates) under the current
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
import { executeSql, queryRows, sqlValue } from '#scripts/import/d1';
import { rekeyRequests, rekeyStops, sealedRequestsQuery, sealedStopsQuery, type SealedRequest, type SealedStop } from './rekey-mobile-box';

const { values } = parseArgs({
  options: { remote: { type: 'boolean', default: false }, 'persist-to': { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
  strict: true,
});
const target = { remote: values.remote, persistTo: values['persist-to'] };
const secret = (name: 'DATA_KEY' | 'LOOKUP_KEY') => (values.remote ? process.env[name] : localSecret(name));
const current = secret('DATA_KEY');
const old = process.env.DATA_KEY_OLD;
const lookupKey = secret('LOOKUP_KEY');
const problem = keyProblem(current, !values.remote);
if (problem) {
  console.error(`DATA_KEY is ${problem.replace('_', ' ')}: set the new key in the environment (at least 32 random bytes)`);
  process.exit(2);
}
const keys: DataKeys = { current: current!, previous: old };

interface Row {
  id: number;
  recordKey: string | null;
  details: string | null;
  detailsSealed: string | null;
  contactSealed: string | null;
}
const c = (key: keyof Row & keyof typeof stationReports.$inferSelect) => columns(stationReports, [key]);
const rows = await queryRows<Row>(
  `SELECT ${c('id')} AS id, ${c('recordKey')} AS recordKey, ${c('details')} AS details, ${c('detailsSealed')} AS detailsSealed, ${c('contactSealed')} AS contactSealed FROM ${tableName(stationReports)}`,
  target,
);

const currentId = await dataKeyId(keys.current);
const updates: string[] = [];
let untouched = 0;
for (const row of rows) {
  const upToDate = row.details === null && row.recordKey && row.detailsSealed && sealedKeyId(row.detailsSealed) === currentId && (!row.contactSealed || sealedKeyId(row.contactSealed) === currentId);
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
const requests = await rekeyRequests(await queryRows<SealedRequest>(sealedRequestsQuery, target), keys, currentId);
const verb = values['dry-run'] ? 'Would re-encrypt' : 'Re-encrypting';
console.log(`${verb} ${updates.length} reports under the current DATA_KEY; ${untouched} already are.`);
console.log(`${verb} ${requests.updates.length} mobile-box requests under the current DATA_KEY; ${requests.untouched} already are.`);
const stops = await rekeyStops(await queryRows<SealedStop>(sealedStopsQuery, target), keys, currentId);
console.log(`${verb} ${stops.updates.length} route stops' coordinates under the current DATA_KEY; ${stops.untouched} already are.`);
if (!values['dry-run']) await executeSql([...updates, ...requests.updates, ...stops.updates], target);
