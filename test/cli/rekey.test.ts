import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seal, sealedKeyId, dataKeyId, unseal } from '#functions/platform/crypto';
import { reportSeal } from '#functions/reports/reports';
import { requestIdHash, sealPerson, sealRepresentative, unsealPerson, unsealRepresentative } from '#functions/mobile-box/seal';
import { sealLocation, unsealLocation } from '#functions/sections/route';
import { rekeyCommand } from '#scripts/cli/rekey';
import { totpContext } from '#functions/staff/second-factor';
import { exec, importCli, rows, runInProcess, spawnTool, sqliteDatabase, STATIONS, TEST_LOOKUP_KEY, wranglerDatabase, type TestDatabase } from './helpers';

// The rekey command in-process against SQLite through the tools' D1 interface, a fresh
// database per test; then once for real, through wrangler on a local D1.
const OLD = 'b2xkLWRhdGEta2V5LW9sZC1kYXRhLWtleS1vbGQtZGF0YS1r';
const NEW = 'bmV3LWRhdGEta2V5LW5ldy1kYXRhLWtleS1uZXctZGF0YS1r';
const env = { DATA_KEY: NEW, DATA_KEY_OLD: OLD, LOOKUP_KEY: TEST_LOOKUP_KEY };

/** A contact as the first version sealed it (AES-GCM under a key derived from LOOKUP_KEY, no key id, no associated data). */
async function legacySeal(secret: string, purpose: string, text: string): Promise<string> {
  const encoder = new TextEncoder();
  const base = await webcrypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveKey']);
  const key = await webcrypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: encoder.encode(`voter-desk:${purpose}`) },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt'],
  );
  const iv = webcrypto.getRandomValues(new Uint8Array(12));
  const ciphertext = new Uint8Array(await webcrypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoder.encode(text)));
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
  return `${b64(iv)}.${b64(ciphertext)}`;
}

/** Two reports on a station: details sealed under the old DATA_KEY; plaintext details with a contact sealed the first way. */
async function fileReports(db: TestDatabase, station: number): Promise<void> {
  const recordKey = '11111111-2222-4333-8444-555555555555';
  const oldDetails = await seal({ current: OLD }, reportSeal('details', recordKey), 'The ramp is closed');
  const legacyContact = await legacySeal(TEST_LOOKUP_KEY, 'report-contact', 'voter@example.org');
  const q = (value: string | null) => (value === null ? 'NULL' : `'${value}'`);
  exec(
    db,
    `INSERT INTO station_reports (station_id, kind, details, details_sealed, contact_sealed, record_key, locale, created_at, expires_at) VALUES
      (${station}, 'access', NULL, ${q(oldDetails)}, NULL, ${q(recordKey)}, 'en', '2026-11-30T00:00:00.000Z', '2027-02-28T00:00:00.000Z'),
      (${station}, 'other', 'Old plaintext details', NULL, ${q(legacyContact)}, NULL, 'bg', '2026-11-30T00:00:00.000Z', '2027-02-28T00:00:00.000Z');`,
  );
}

/** Both reports sealed under the new DATA_KEY only, each under its own record key. */
async function expectReportsRekeyed(db: TestDatabase): Promise<void> {
  type Row = { details: string | null; details_sealed: string; contact_sealed: string | null; record_key: string };
  const [first, second] = rows<Row>(db, 'SELECT details, details_sealed, contact_sealed, record_key FROM station_reports ORDER BY id');
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
}

const recordKey = '99999999-8888-4777-8666-555555555555';
const person = {
  idNumber: '8912315676',
  fullName: 'Мария Петрова',
  address: { district: 'mladost', street: 'ж.к. Младост 1', block: '12' },
  phone: '0888 123 456',
};
const representative = { fullName: 'Иван Петров', idNumber: '7501010010', phone: '02 123 4567' };

/** A mobile-box request made by a representative and its route stop, sealed under the old DATA_KEY. */
async function fileRequestAndStop(db: TestDatabase): Promise<void> {
  const old = { current: OLD };
  exec(
    db,
    `INSERT INTO mobile_box_requests (election_id, ballot, reference, id_hash, district, citizenship, submitted_by, channel, late, status, record_key, person_sealed, representative_sealed, created_at, updated_at, purge_after)
     VALUES ('bg-2024-06-09', 'ep', 'AAAAA-BBBBB', '${await requestIdHash(old, person.idNumber)}', 'mladost', 'BG', 'representative', 'online', 0, 'received', '${recordKey}',
             '${await sealPerson(old, recordKey, person)}', '${await sealRepresentative(old, recordKey, representative)}', '2024-05-20T07:00:00.000Z', '2024-05-20T07:00:00.000Z', '2024-09-07');
     INSERT INTO route_stops (section_id, election_id, voter_request_id, origin_district, position, record_key, location_sealed, created_at, created_by, purge_after)
     VALUES (1, 'bg-2024-06-09', 1, 'mladost', 1, '${recordKey}', '${await sealLocation(old, recordKey, { lat: 42.65, lon: 23.38 })}', '2024-05-20T07:00:00.000Z', 1, '2024-09-07');`,
  );
}

/** The request's details, representative and number HMAC, and the stop's coordinates, under the new DATA_KEY. */
async function expectRequestAndStopRekeyed(db: TestDatabase): Promise<void> {
  const [row] = rows<{ id_hash: string; person_sealed: string; representative_sealed: string }>(
    db,
    'SELECT id_hash, person_sealed, representative_sealed FROM mobile_box_requests',
  );
  const fresh = { current: NEW };
  expect(row!.id_hash).toBe(await requestIdHash(fresh, person.idNumber));
  expect(sealedKeyId(row!.person_sealed)).toBe(await dataKeyId(NEW));
  expect(await unsealPerson(fresh, recordKey, row!.person_sealed)).toEqual(person);
  expect(await unsealRepresentative(fresh, recordKey, row!.representative_sealed)).toEqual(representative);
  const [stop] = rows<{ location_sealed: string }>(db, 'SELECT location_sealed FROM route_stops');
  expect(await unsealLocation(fresh, recordKey, stop!.location_sealed)).toEqual({ lat: 42.65, lon: 23.38 });
}

describe('npm run rekey', () => {
  it('re-encrypts every report under the new DATA_KEY, seals what was left in plaintext, and is idempotent', async () => {
    const db = sqliteDatabase();
    expect((await importCli(db, ['--stations', db.file('stations.csv', STATIONS)])).status).toBe(0);
    await fileReports(db, rows<{ id: number }>(db, 'SELECT id FROM stations LIMIT 1')[0]!.id);
    const run = await runInProcess(rekeyCommand, [], db, env);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Re-encrypting 2 reports under the current DATA_KEY; 0 already are.');
    await expectReportsRekeyed(db);

    const again = await runInProcess(rekeyCommand, [], db, env);
    expect(again.stdout).toContain('Re-encrypting 0 reports under the current DATA_KEY; 2 already are.');
  });

  it("re-seals mobile-box requests and route stops under the new DATA_KEY and recomputes the number's HMAC", async () => {
    const db = sqliteDatabase();
    await fileRequestAndStop(db);
    const run = await runInProcess(rekeyCommand, [], db, env);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Re-encrypting 1 mobile-box requests under the current DATA_KEY; 0 already are.');
    expect(run.stdout).toContain("Re-encrypting 1 route stops' coordinates under the current DATA_KEY; 0 already are.");
    await expectRequestAndStopRekeyed(db);
    expect((await runInProcess(rekeyCommand, [], db, env)).stdout).toContain('Re-encrypting 0 mobile-box requests under the current DATA_KEY; 1 already are.');
  });

  it('re-seals the staff accounts’ authenticator-app secrets, so a key rotation locks no one out', async () => {
    const db = sqliteDatabase();
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const sealed = await seal({ current: OLD }, totpContext('officer@example.org'), secret);
    exec(
      db,
      `INSERT INTO staff_users (email, role, district, password_hash, totp_sealed, enrolled_at, created_at, updated_at) VALUES ('officer@example.org', 'city', NULL, 'x', '${sealed}', '2026-12-01', '2026-12-01', '2026-12-01')`,
    );
    const run = await runInProcess(rekeyCommand, [], db, env);
    expect(run.stdout).toContain('Re-encrypting 1 staff authenticator-app secrets under the current DATA_KEY; 0 already are.');
    const [row] = rows<{ totp_sealed: string }>(db, 'SELECT totp_sealed FROM staff_users');
    expect(await unseal({ current: NEW }, totpContext('officer@example.org'), row!.totp_sealed)).toBe(secret);
  });

  it('refuses a missing or short DATA_KEY for production', async () => {
    const run = await runInProcess(rekeyCommand, ['--remote'], sqliteDatabase(), { DATA_KEY: 'short' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('DATA_KEY is too short');
  });
});

describe('npm run rekey through wrangler', () => {
  it('re-encrypts reports, mobile-box requests and route stops in a local D1, and exits 2 on a short DATA_KEY', async () => {
    const db = wranglerDatabase();
    exec(
      db,
      `INSERT INTO stations (country, election_id, number, name, address, settlement, settlement_key, district, constituency, source, updated_at)
       VALUES ('BG', 'bg-2024-06-09', '234601001', 'Секция 001', 'бул. Витоша 17', 'София', 'софия', 'Средец', '23 МИР', 'test', '2026-11-30T00:00:00.000Z');`,
    );
    await fileReports(db, rows<{ id: number }>(db, 'SELECT id FROM stations')[0]!.id);
    await fileRequestAndStop(db);
    const run = spawnTool('scripts/cli/rekey.ts', ['--persist-to', db.state], env);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([
      'Re-encrypting 2 reports under the current DATA_KEY; 0 already are.',
      'Re-encrypting 1 mobile-box requests under the current DATA_KEY; 0 already are.',
      "Re-encrypting 1 route stops' coordinates under the current DATA_KEY; 0 already are.",
      'Re-encrypting 0 staff authenticator-app secrets under the current DATA_KEY; 0 already are.',
    ]);
    await expectReportsRekeyed(db);
    await expectRequestAndStopRekeyed(db);

    const refused = spawnTool('scripts/cli/rekey.ts', ['--remote'], { DATA_KEY: 'short' });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('DATA_KEY is too short');
  }, 120_000);
});
