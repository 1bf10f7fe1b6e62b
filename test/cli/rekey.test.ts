import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seal, sealedKeyId, dataKeyId, unseal } from '#functions/platform/crypto';
import { reportSeal } from '#functions/reports/reports';
import { requestIdHash, sealPerson, sealRepresentative, unsealPerson, unsealRepresentative } from '#functions/mobile-box/seal';
import { sealLocation, unsealLocation } from '#functions/sections/route';
import { exec, freshDatabase, importCli, rows, runTool, STATIONS, TEST_LOOKUP_KEY } from './helpers';

const OLD = 'b2xkLWRhdGEta2V5LW9sZC1kYXRhLWtleS1vbGQtZGF0YS1r';
const NEW = 'bmV3LWRhdGEta2V5LW5ldy1kYXRhLWtleS1uZXctZGF0YS1r';

/** A contact as the first version sealed it (AES-GCM under a key derived from LOOKUP_KEY, no key id, no associated data). */
async function legacySeal(secret: string, purpose: string, text: string): Promise<string> {
  const encoder = new TextEncoder();
  const base = await webcrypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveKey']);
  const key = await webcrypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: encoder.encode(`voter-desk:${purpose}`) }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
  const iv = webcrypto.getRandomValues(new Uint8Array(12));
  const ciphertext = new Uint8Array(await webcrypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoder.encode(text)));
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
  return `${b64(iv)}.${b64(ciphertext)}`;
}

describe('npm run rekey', () => {
  it('re-encrypts every report under the new DATA_KEY, seals what was left in plaintext, and is idempotent', async () => {
    const db = freshDatabase();
    expect(importCli(db.state, ['--stations', db.file('stations.csv', STATIONS)]).status).toBe(0);
    const station = rows<{ id: number }>(db.state, 'SELECT id FROM stations LIMIT 1')[0]!.id;
    const recordKey = '11111111-2222-4333-8444-555555555555';
    const oldDetails = await seal({ current: OLD }, reportSeal('details', recordKey), 'The ramp is closed');
    const legacyContact = await legacySeal(TEST_LOOKUP_KEY, 'report-contact', 'voter@example.org');
    const q = (value: string | null) => (value === null ? 'NULL' : `'${value}'`);
    exec(
      db.state,
      `INSERT INTO station_reports (station_id, kind, details, details_sealed, contact_sealed, record_key, locale, created_at, expires_at) VALUES
        (${station}, 'access', NULL, ${q(oldDetails)}, NULL, ${q(recordKey)}, 'en', '2026-11-30T00:00:00.000Z', '2027-02-28T00:00:00.000Z'),
        (${station}, 'other', 'Old plaintext details', NULL, ${q(legacyContact)}, NULL, 'bg', '2026-11-30T00:00:00.000Z', '2027-02-28T00:00:00.000Z');`,
    );
    const env = { DATA_KEY: NEW, DATA_KEY_OLD: OLD, LOOKUP_KEY: TEST_LOOKUP_KEY };
    const run = runTool('scripts/cli/rekey.ts', ['--persist-to', db.state], env);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Re-encrypting 2 reports under the current DATA_KEY; 0 already are.');

    type Row = { details: string | null; details_sealed: string; contact_sealed: string | null; record_key: string };
    const [first, second] = rows<Row>(db.state, 'SELECT details, details_sealed, contact_sealed, record_key FROM station_reports ORDER BY id');
    const newId = await dataKeyId(NEW);
    for (const row of [first!, second!]) {
      expect(row.details).toBeNull();
      expect(sealedKeyId(row.details_sealed)).toBe(newId);
    }
    expect(await unseal({ current: NEW }, reportSeal('details', first!.record_key), first!.details_sealed)).toBe('The ramp is closed');
    expect(await unseal({ current: NEW }, reportSeal('details', second!.record_key), second!.details_sealed)).toBe('Old plaintext details');
    expect(await unseal({ current: NEW }, reportSeal('contact', second!.record_key), second!.contact_sealed!)).toBe('voter@example.org');
    await expect(unseal({ current: OLD }, reportSeal('details', first!.record_key), first!.details_sealed)).rejects.toThrow();
    // A value moved to another report does not decrypt there.
    await expect(unseal({ current: NEW }, reportSeal('details', second!.record_key), first!.details_sealed)).rejects.toThrow();

    const again = runTool('scripts/cli/rekey.ts', ['--persist-to', db.state], env);
    expect(again.stdout).toContain('Re-encrypting 0 reports under the current DATA_KEY; 2 already are.');
  }, 120_000);

  it('re-seals mobile-box requests and route stops under the new DATA_KEY and recomputes the number\'s HMAC', async () => {
    const db = freshDatabase();
    const recordKey = '99999999-8888-4777-8666-555555555555';
    const person = { idNumber: '8912315676', fullName: 'Мария Петрова', address: { district: 'mladost', street: 'ж.к. Младост 1', block: '12' }, phone: '0888 123 456' };
    const representative = { fullName: 'Иван Петров', idNumber: '7501010010', phone: '02 123 4567' };
    const old = { current: OLD };
    exec(
      db.state,
      `INSERT INTO mobile_box_requests (election_id, ballot, reference, id_hash, district, citizenship, submitted_by, channel, late, status, record_key, person_sealed, representative_sealed, created_at, updated_at, purge_after)
       VALUES ('bg-2024-06-09', 'ep', 'AAAAA-BBBBB', '${await requestIdHash(old, person.idNumber)}', 'mladost', 'BG', 'representative', 'online', 0, 'received', '${recordKey}',
               '${await sealPerson(old, recordKey, person)}', '${await sealRepresentative(old, recordKey, representative)}', '2024-05-20T07:00:00.000Z', '2024-05-20T07:00:00.000Z', '2024-09-07');
       INSERT INTO route_stops (section_id, election_id, voter_request_id, origin_district, position, record_key, location_sealed, created_at, created_by, purge_after)
       VALUES (1, 'bg-2024-06-09', 1, 'mladost', 1, '${recordKey}', '${await sealLocation(old, recordKey, { lat: 42.65, lon: 23.38 })}', '2024-05-20T07:00:00.000Z', 1, '2024-09-07');`,
    );
    const env = { DATA_KEY: NEW, DATA_KEY_OLD: OLD, LOOKUP_KEY: TEST_LOOKUP_KEY };
    const run = runTool('scripts/cli/rekey.ts', ['--persist-to', db.state], env);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Re-encrypting 1 mobile-box requests under the current DATA_KEY; 0 already are.');
    const [row] = rows<{ id_hash: string; person_sealed: string; representative_sealed: string }>(db.state, 'SELECT id_hash, person_sealed, representative_sealed FROM mobile_box_requests');
    const fresh = { current: NEW };
    expect(row!.id_hash).toBe(await requestIdHash(fresh, person.idNumber));
    expect(sealedKeyId(row!.person_sealed)).toBe(await dataKeyId(NEW));
    expect(await unsealPerson(fresh, recordKey, row!.person_sealed)).toEqual(person);
    expect(await unsealRepresentative(fresh, recordKey, row!.representative_sealed)).toEqual(representative);
    expect(run.stdout).toContain("Re-encrypting 1 route stops' coordinates under the current DATA_KEY; 0 already are.");
    const [stop] = rows<{ location_sealed: string }>(db.state, 'SELECT location_sealed FROM route_stops');
    expect(await unsealLocation(fresh, recordKey, stop!.location_sealed)).toEqual({ lat: 42.65, lon: 23.38 });
    expect(runTool('scripts/cli/rekey.ts', ['--persist-to', db.state], env).stdout).toContain('Re-encrypting 0 mobile-box requests under the current DATA_KEY; 1 already are.');
  }, 120_000);

  it('refuses a missing or short DATA_KEY for production', () => {
    const run = runTool('scripts/cli/rekey.ts', ['--remote'], { DATA_KEY: 'short' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('DATA_KEY is too short');
  });
});
