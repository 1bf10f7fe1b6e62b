import { sealedKeyId, type DataKeys } from '#functions/platform/crypto';
import { requestIdHash, sealPerson, sealReason, sealRepresentative, unsealPerson, unsealReason, unsealRepresentative } from '#functions/mobile-box/seal';
import { sealLocation, unsealLocation } from '#functions/sections/route';
import { mobileBoxRequests, routeStops } from '#db/schema';
import { columns, tableName } from '#scripts/import/columns';
import { sqlValue } from '#scripts/import/d1';

export interface SealedRequest {
  id: number;
  recordKey: string;
  personSealed: string;
  representativeSealed: string | null;
  reasonSealed: string | null;
}

const c = (key: keyof SealedRequest) => columns(mobileBoxRequests, [key]);

/** The mobile-box requests' sealed columns, for `npm run rekey`. */
export const sealedRequestsQuery = `SELECT ${c('id')} AS id, ${c('recordKey')} AS recordKey, ${c('personSealed')} AS personSealed, ${c('representativeSealed')} AS representativeSealed, ${c('reasonSealed')} AS reasonSealed FROM ${tableName(mobileBoxRequests)}`;

/**
 * The UPDATEs that move mobile-box requests to the current DATA_KEY: the voter's details, the
 * representative's and the rejection reason re-sealed, and the number's HMAC (repeats, status)
 * recomputed from the number inside the sealed details. The submissions' fingerprints are not:
 * they cannot be recomputed from what is sealed (an identical repeat of an older application is
 * then linked for staff instead of folded). Requests already under the
 * current key are left alone.
 */
export async function rekeyRequests(rows: SealedRequest[], keys: DataKeys, currentId: string): Promise<{ updates: string[]; untouched: number }> {
  const updates: string[] = [];
  let untouched = 0;
  for (const row of rows) {
    const sealed = [row.personSealed, row.representativeSealed, row.reasonSealed].filter((value): value is string => value !== null);
    if (sealed.every((value) => sealedKeyId(value) === currentId)) {
      untouched++;
      continue;
    }
    const person = await unsealPerson(keys, row.recordKey, row.personSealed);
    const representative = row.representativeSealed ? await unsealRepresentative(keys, row.recordKey, row.representativeSealed) : null;
    const reason = row.reasonSealed ? await unsealReason(keys, row.recordKey, row.reasonSealed) : null;
    const set = [
      `${c('personSealed')} = ${sqlValue(await sealPerson(keys, row.recordKey, person))}`,
      `${c('representativeSealed')} = ${sqlValue(representative ? await sealRepresentative(keys, row.recordKey, representative) : null)}`,
      `${c('reasonSealed')} = ${sqlValue(reason === null ? null : await sealReason(keys, row.recordKey, reason))}`,
      `${columns(mobileBoxRequests, ['idHash'])} = ${sqlValue(await requestIdHash(keys, person.idNumber))}`,
    ];
    updates.push(`UPDATE ${tableName(mobileBoxRequests)} SET ${set.join(', ')} WHERE ${c('id')} = ${row.id};`);
  }
  return { updates, untouched };
}

export interface SealedStop {
  id: number;
  recordKey: string;
  locationSealed: string;
}

const st = (key: keyof SealedStop) => columns(routeStops, [key]);

/** Route stops' sealed coordinates, for `npm run rekey`. */
export const sealedStopsQuery = `SELECT ${st('id')} AS id, ${st('recordKey')} AS recordKey, ${st('locationSealed')} AS locationSealed FROM ${tableName(routeStops)} WHERE ${st('locationSealed')} IS NOT NULL`;

/** The UPDATEs that move route stops' coordinates to the current DATA_KEY. */
export async function rekeyStops(rows: SealedStop[], keys: DataKeys, currentId: string): Promise<{ updates: string[]; untouched: number }> {
  const updates: string[] = [];
  let untouched = 0;
  for (const row of rows) {
    if (sealedKeyId(row.locationSealed) === currentId) {
      untouched++;
      continue;
    }
    const location = await unsealLocation(keys, row.recordKey, row.locationSealed);
    updates.push(
      `UPDATE ${tableName(routeStops)} SET ${st('locationSealed')} = ${sqlValue(await sealLocation(keys, row.recordKey, location))} WHERE ${st('id')} = ${row.id};`,
    );
  }
  return { updates, untouched };
}
