import type { DataKeys } from '#functions/platform/crypto';
import { personalNumberHash, seal, unseal } from '#functions/platform/crypto';
import { normalizeIdInput } from '#core/lookup/personal-numbers';

/** What a request holds about the voter, sealed as one value. */
export interface Person {
  idNumber: string;
  fullName: string;
  address: {
    district: string;
    /** The settlement's id (also kept in clear on the request). */
    settlement?: string | undefined;
    street: string;
    number?: string | undefined;
    block?: string | undefined;
    entrance?: string | undefined;
    floor?: string | undefined;
    apartment?: string | undefined;
  };
  phone: string;
  email?: string | undefined;
}

export interface Representative {
  fullName: string;
  idNumber: string;
  phone: string;
  /** They confirmed holding a power of attorney signed by the voter (absent in requests made before it was asked). */
  powerOfAttorney?: true | undefined;
}

const context = (purpose: 'person' | 'representative' | 'reason', recordKey: string) => ({ purpose: `mobile-box-${purpose}`, record: recordKey });

export const sealPerson = (keys: DataKeys, recordKey: string, person: Person) => seal(keys, context('person', recordKey), JSON.stringify(person));
export const sealRepresentative = (keys: DataKeys, recordKey: string, representative: Representative) =>
  seal(keys, context('representative', recordKey), JSON.stringify(representative));
export const sealReason = (keys: DataKeys, recordKey: string, reason: string) => seal(keys, context('reason', recordKey), reason);

export async function unsealPerson(keys: DataKeys, recordKey: string, sealed: string): Promise<Person> {
  return JSON.parse(await unseal(keys, context('person', recordKey), sealed)) as Person;
}
export async function unsealRepresentative(keys: DataKeys, recordKey: string, sealed: string): Promise<Representative> {
  return JSON.parse(await unseal(keys, context('representative', recordKey), sealed)) as Representative;
}
export const unsealReason = (keys: DataKeys, recordKey: string, sealed: string) => unseal(keys, context('reason', recordKey), sealed);

/**
 * The number as the requests table keeps it to link a person's repeated applications and answer the status page: an
 * HMAC under DATA_KEY (not the register's key, so the two tables cannot be joined).
 */
export const requestIdHash = (keys: DataKeys, idNumber: string) => personalNumberHash(keys.current, 'mobile-box', normalizeIdInput(idNumber));

/**
 * The number's HMAC under every key in use: the current one first, then DATA_KEY_OLD while a
 * rotation runs (rows `npm run rekey` has not rewritten yet still carry the old one).
 */
export async function requestIdHashes(keys: DataKeys, idNumber: string): Promise<string[]> {
  const current = await requestIdHash(keys, idNumber);
  return keys.previous ? [current, await requestIdHash({ current: keys.previous }, idNumber)] : [current];
}
