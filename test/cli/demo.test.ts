import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_APPLICATIONS } from '#scripts/seed/demo-applications';
import { demoPasswordsFile, demoStaff } from '#scripts/seed/demo-staff';
import { requestIdHash, unsealPerson, unsealRepresentative } from '#functions/mobile-box/seal';
import { hashPassword, verifyPassword } from '#functions/staff/passwords';
import { DEMO_NOW, readVars } from '#scripts/dev-vars';
import { loadDemoCommand } from '#scripts/seed/load-demo';
import { loadStaffDemoCommand } from '#scripts/seed/load-staff-demo';
import { TOOL_ENV } from './global-setup';
import { count, exec, rows, runInProcess, spawnTool, sqliteDatabase, wranglerDatabase, type SqliteTestDatabase, type TestDatabase } from './helpers';

// The demo seeds `npm start` runs (scripts/seed/load-demo.ts, then load-staff-demo.ts)
// in-process against SQLite through the tools' D1 interface: the accounts go through the
// statements of `npm run user:add`, the applications through the application code. Then the
// staff seed once for real, through wrangler on a local D1 (test/e2e runs both through wrangler
// for every browser run).
const T = 120_000;
const DATA_KEY = 'ZGVtby1zZWVkLXRlc3Qta2V5LWRlbW8tc2VlZC10ZXN0LWtleQ';
const keys = { current: DATA_KEY };
type User = { email: string; role: string; district: string | null; password_hash: string; disabled_at: string | null; updated_at: string };
type Request = {
  id: number;
  election_id: string;
  ballot: string;
  reference: string;
  id_hash: string;
  district: string;
  late: number;
  channel: string;
  record_key: string;
  person_sealed: string;
  representative_sealed: string | null;
  created_at: string;
};
const users = (db: TestDatabase) => rows<User>(db, 'SELECT email, role, district, password_hash, disabled_at, updated_at FROM staff_users ORDER BY id');
const requests = (db: TestDatabase) => rows<Request>(db, 'SELECT * FROM mobile_box_requests ORDER BY id');
/** The staff seed in-process, its passwords kept in the test's folder as for a state folder of its own. */
const seed = (db: SqliteTestDatabase) => runInProcess(loadStaffDemoCommand, ['--persist-to', db.dir], db, { DATA_KEY });

/** Every value of every table, as text: what anyone reading the database file sees. */
function everything(db: TestDatabase): string {
  const tables = rows<{ name: string }>(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'");
  return JSON.stringify(tables.map(({ name }) => rows(db, `SELECT * FROM "${name}"`)));
}

describe('the demo staff accounts and applications (npm start)', () => {
  it(
    'creates four accounts and eight sealed requests once, then changes nothing and prints no password, and renews only what is missing',
    async () => {
      const db = sqliteDatabase();
      const first = await seed(db);
      expect(first.status, first.stderr).toBe(0);

      const staff = demoStaff({ persistTo: db.dir });
      expect(staff.map(({ password: _, totpSecret: _secret, ...account }) => account)).toEqual([
        { email: 'mladost@demo.voter-desk.local', role: 'district', district: 'mladost' },
        { email: 'lozenets@demo.voter-desk.local', role: 'district', district: 'lozenets' },
        { email: 'city@demo.voter-desk.local', role: 'city', district: null },
        { email: 'police@demo.voter-desk.local', role: 'police', district: null },
      ]);
      const stored = users(db);
      expect(stored.map(({ email, role, district, disabled_at }) => ({ email, role, district, disabled_at }))).toEqual(
        staff.map(({ email, role, district }) => ({ email, role, district, disabled_at: null })),
      );
      for (const [i, account] of staff.entries()) {
        expect(account.password).toMatch(/^[A-Za-z0-9]{24}$/);
        expect(first.stdout.split(account.password!)).toHaveLength(2);
        expect(await verifyPassword(account.password!, stored[i]!.password_hash, TOOL_ENV.STAFF_PEPPER)).toBe(true);
      }
      expect(new Set(staff.map((s) => s.password)).size).toBe(4);

      const filed = requests(db);
      expect(filed).toHaveLength(8);
      const byDistrict: Record<string, number> = {};
      for (const r of filed) byDistrict[r.district] = (byDistrict[r.district] ?? 0) + 1;
      expect(byDistrict).toEqual({ mladost: 5, lozenets: 2, lyulin: 1 });
      expect(
        filed.every((r) => r.election_id === 'bg-2024-06-09' && r.channel === 'online' && r.late === 0 && Date.parse(r.created_at) <= Date.parse(DEMO_NOW)),
      ).toBe(true);
      // One voter asked for both ballots: two requests (30-ЕП and 31-НС) under one number.
      const both = filed.filter((r) => r.id_hash === filed[0]!.id_hash);
      expect(both.map((r) => r.ballot)).toEqual(['ep', 'ns']);
      expect(first.stdout).toContain('8 requests for bg-2024-06-09');

      // Sealed under DATA_KEY: readable with it, and nothing personal in clear anywhere in the file.
      const clear = everything(db);
      expect(clear).toContain(filed[0]!.reference);
      for (const application of DEMO_APPLICATIONS) {
        const personal = [
          application.idNumber,
          application.fullName,
          application.phone,
          application.address.street,
          application.email,
          application.representative?.fullName,
          application.representative?.idNumber,
        ];
        for (const value of personal.filter((v): v is string => v !== undefined)) expect(clear).not.toContain(value);
      }
      // Filed oldest first, one request per ballot asked for.
      const expected = DEMO_APPLICATIONS.flatMap((application) => application.ballots.map((ballot) => ({ application, ballot })));
      expect(filed.map((r) => [r.district, r.ballot])).toEqual(expected.map(({ application, ballot }) => [application.address.district, ballot]));
      for (const [i, { application }] of expected.entries()) {
        const r = filed[i]!;
        expect(r.id_hash).toBe(await requestIdHash(keys, application.idNumber));
        expect(await unsealPerson(keys, r.record_key, r.person_sealed)).toMatchObject({
          idNumber: application.idNumber,
          fullName: application.fullName,
          address: application.address,
        });
        if (application.representative) expect(await unsealRepresentative(keys, r.record_key, r.representative_sealed!)).toEqual(application.representative);
        else expect(r.representative_sealed).toBeNull();
      }

      const second = await seed(db);
      expect(second.status, second.stderr).toBe(0);
      for (const account of staff) expect(second.stdout).not.toContain(account.password);
      expect(second.stdout).toContain(`their passwords are in ${demoPasswordsFile(db.dir)}`);
      expect(second.stdout).toContain('already stored');
      expect(users(db)).toEqual(stored);
      expect(requests(db)).toEqual(filed);
      expect(rows(db, "SELECT value FROM app_meta WHERE key = 'demo_applications_version'")).toEqual([{ value: '1' }]);
      // The passwords of a database in another folder stay in that folder.
      const devVars = Object.values(readVars('.dev.vars'));
      for (const account of staff) expect(devVars).not.toContain(account.password);

      // A removed password line gets a new password (printed once); an account gone from the
      // database is made again with its saved password (not printed); a password someone reset
      // by hand is left alone, and the run says so.
      const file = demoPasswordsFile(db.dir);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^DEMO_PASSWORD_CITY=.*\n/m, ''));
      exec(db, "DELETE FROM staff_users WHERE email = 'lozenets@demo.voter-desk.local'");
      exec(
        db,
        `UPDATE staff_users SET password_hash = '${await hashPassword('chosen by the police 1', TOOL_ENV.STAFF_PEPPER)}' WHERE email = 'police@demo.voter-desk.local'`,
      );
      const third = await seed(db);
      expect(third.status, third.stderr).toBe(0);
      const [mladost, lozenets, city, police] = demoStaff({ persistTo: db.dir });
      expect(city!.password).toMatch(/^[A-Za-z0-9]{24}$/);
      expect(city!.password).not.toBe(staff[2]!.password);
      expect(third.stdout).toContain(city!.password);
      for (const account of [mladost, lozenets, police]) expect(third.stdout).not.toContain(account!.password);
      expect([lozenets!.password, police!.password]).toEqual([staff[1]!.password, staff[3]!.password]);
      expect(third.stdout).toContain('police@demo.voter-desk.local has another password than DEMO_PASSWORD_POLICE; left as it is');
      const now = users(db);
      expect(now.map((u) => u.email).sort()).toEqual(staff.map((s) => s.email).sort());
      const hashOf = (email: string) => now.find((u) => u.email === email)!.password_hash;
      expect(await verifyPassword(city!.password!, hashOf(city!.email), TOOL_ENV.STAFF_PEPPER)).toBe(true);
      expect(await verifyPassword(lozenets!.password!, hashOf(lozenets!.email), TOOL_ENV.STAFF_PEPPER)).toBe(true);
      expect(await verifyPassword('chosen by the police 1', hashOf(police!.email), TOOL_ENV.STAFF_PEPPER)).toBe(true);
      expect(hashOf(mladost!.email)).toBe(stored[0]!.password_hash);
      expect(requests(db)).toHaveLength(8);
    },
    T,
  );
});

describe('the demo stations, ranges and register (npm start)', () => {
  it(
    'loads the three countries through the importer once, then changes nothing',
    async () => {
      const db = sqliteDatabase();
      const first = await runInProcess(loadDemoCommand, [], db);
      expect(first.status, first.stderr).toBe(0);
      expect(first.stdout.trim().split('\n')).toEqual([
        'demo BG: 110 stations, 216 ranges, 3000 register entries',
        'demo KG: 20 stations, 24 ranges, 1500 register entries',
        'demo KZ: 20 stations, 24 ranges, 1500 register entries',
      ]);
      expect(count(db, 'stations')).toBe(150);
      expect(count(db, 'address_ranges')).toBe(264);
      const registered = count(db, 'register_entries');
      expect(registered).toBeGreaterThan(5900);
      expect(rows(db, "SELECT value FROM app_meta WHERE key = 'demo_version'")).toEqual([{ value: '5' }]);

      const second = await runInProcess(loadDemoCommand, [], db);
      expect(second.status, second.stderr).toBe(0);
      expect(second.stdout).toBe('demo data version 5 is already loaded\n');
      expect(count(db, 'register_entries')).toBe(registered);
    },
    T,
  );
});

describe('the demo staff seed through wrangler', () => {
  it(
    'creates the four accounts and eight sealed requests in a local D1, passwords printed once and kept beside it',
    async () => {
      const db = wranglerDatabase();
      const run = spawnTool('scripts/seed/load-staff-demo.ts', ['--persist-to', db.state], { DATA_KEY });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('8 requests for bg-2024-06-09');
      const staff = demoStaff({ persistTo: db.state });
      const stored = users(db);
      expect(stored.map((u) => u.email)).toEqual(staff.map((s) => s.email));
      for (const [i, account] of staff.entries()) {
        expect(run.stdout.split(account.password!)).toHaveLength(2);
        expect(await verifyPassword(account.password!, stored[i]!.password_hash, TOOL_ENV.STAFF_PEPPER)).toBe(true);
      }
      const filed = requests(db);
      expect(filed).toHaveLength(8);
      expect(await unsealPerson(keys, filed[0]!.record_key, filed[0]!.person_sealed)).toMatchObject({ idNumber: DEMO_APPLICATIONS[0]!.idNumber });
    },
    T,
  );
});
