import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_APPLICATIONS } from '#scripts/seed/demo-applications';
import { demoPasswordsFile, demoStaff } from '#scripts/seed/demo-staff';
import { requestIdHash, unsealPerson, unsealRepresentative } from '#functions/mobile-box/seal';
import { hashPassword, verifyPassword } from '#functions/staff/passwords';
import { DEMO_NOW, readVars } from '#scripts/dev-vars';
import { exec, freshDatabase, rows, runTool } from './helpers';

// The demo seed `npm start` runs after the stations (scripts/seed/load-staff-demo.ts), against a real
// local D1: the accounts go through `npm run user:add`, the applications through the application
// code. One database for the whole story, since every run starts wrangler (and user:add does too).
const T = 240_000;
const DATA_KEY = 'ZGVtby1zZWVkLXRlc3Qta2V5LWRlbW8tc2VlZC10ZXN0LWtleQ';
const keys = { current: DATA_KEY };
type User = { email: string; role: string; district: string | null; password_hash: string; disabled_at: string | null; updated_at: string };
type Request = { id: number; election_id: string; ballot: string; reference: string; id_hash: string; district: string; late: number; channel: string; record_key: string; person_sealed: string; representative_sealed: string | null; created_at: string };
const users = (state: string) => rows<User>(state, 'SELECT email, role, district, password_hash, disabled_at, updated_at FROM staff_users ORDER BY id');
const requests = (state: string) => rows<Request>(state, 'SELECT * FROM mobile_box_requests ORDER BY id');
const seed = (state: string) => runTool('scripts/seed/load-staff-demo.ts', ['--persist-to', state], { DATA_KEY });

/** Every value of every table, as text: what anyone reading the database file sees. */
function everything(state: string): string {
  const tables = rows<{ name: string }>(state, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'");
  return JSON.stringify(tables.map(({ name }) => rows(state, `SELECT * FROM "${name}"`)));
}

describe('the demo staff accounts and applications (npm start)', () => {
  it('creates four accounts and eight sealed requests once, then changes nothing and prints no password, and renews only what is missing', async () => {
    const db = freshDatabase();
    const first = seed(db.state);
    expect(first.status, first.stderr).toBe(0);

    const staff = demoStaff({ persistTo: db.state });
    expect(staff.map(({ password: _, ...account }) => account)).toEqual([
      { email: 'mladost@demo.voter-desk.local', role: 'district', district: 'mladost' },
      { email: 'lozenets@demo.voter-desk.local', role: 'district', district: 'lozenets' },
      { email: 'city@demo.voter-desk.local', role: 'city', district: null },
      { email: 'police@demo.voter-desk.local', role: 'police', district: null },
    ]);
    const stored = users(db.state);
    expect(stored.map(({ email, role, district, disabled_at }) => ({ email, role, district, disabled_at }))).toEqual(staff.map(({ email, role, district }) => ({ email, role, district, disabled_at: null })));
    for (const [i, account] of staff.entries()) {
      expect(account.password).toMatch(/^[A-Za-z0-9]{24}$/);
      expect(first.stdout.split(account.password!)).toHaveLength(2);
      expect(await verifyPassword(account.password!, stored[i]!.password_hash)).toBe(true);
    }
    expect(new Set(staff.map((s) => s.password)).size).toBe(4);

    const filed = requests(db.state);
    expect(filed).toHaveLength(8);
    const byDistrict = filed.reduce<Record<string, number>>((counts, r) => ({ ...counts, [r.district]: (counts[r.district] ?? 0) + 1 }), {});
    expect(byDistrict).toEqual({ mladost: 5, lozenets: 2, lyulin: 1 });
    expect(filed.every((r) => r.election_id === 'bg-2024-06-09' && r.channel === 'online' && r.late === 0 && Date.parse(r.created_at) <= Date.parse(DEMO_NOW))).toBe(true);
    // One voter asked for both ballots: two requests (30-ЕП and 31-НС) under one number.
    const both = filed.filter((r) => r.id_hash === filed[0]!.id_hash);
    expect(both.map((r) => r.ballot)).toEqual(['ep', 'ns']);
    expect(first.stdout).toContain('8 requests for bg-2024-06-09');

    // Sealed under DATA_KEY: readable with it, and nothing personal in clear anywhere in the file.
    const clear = everything(db.state);
    expect(clear).toContain(filed[0]!.reference);
    for (const application of DEMO_APPLICATIONS) {
      const personal = [application.idNumber, application.fullName, application.phone, application.address.street, application.email, application.representative?.fullName, application.representative?.idNumber];
      for (const value of personal.filter((v): v is string => v !== undefined)) expect(clear).not.toContain(value);
    }
    // Filed oldest first, one request per ballot asked for.
    const expected = DEMO_APPLICATIONS.flatMap((application) => application.ballots.map((ballot) => ({ application, ballot })));
    expect(filed.map((r) => [r.district, r.ballot])).toEqual(expected.map(({ application, ballot }) => [application.address.district, ballot]));
    for (const [i, { application }] of expected.entries()) {
      const r = filed[i]!;
      expect(r.id_hash).toBe(await requestIdHash(keys, application.idNumber));
      expect(await unsealPerson(keys, r.record_key, r.person_sealed)).toMatchObject({ idNumber: application.idNumber, fullName: application.fullName, address: application.address });
      if (application.representative) expect(await unsealRepresentative(keys, r.record_key, r.representative_sealed!)).toEqual(application.representative);
      else expect(r.representative_sealed).toBeNull();
    }

    const second = seed(db.state);
    expect(second.status, second.stderr).toBe(0);
    for (const account of staff) expect(second.stdout).not.toContain(account.password);
    expect(second.stdout).toContain(`their passwords are in ${demoPasswordsFile(db.state)}`);
    expect(second.stdout).toContain('already stored');
    expect(users(db.state)).toEqual(stored);
    expect(requests(db.state)).toEqual(filed);
    expect(rows(db.state, "SELECT value FROM app_meta WHERE key = 'demo_applications_version'")).toEqual([{ value: '1' }]);
    // The passwords of a database in another folder stay in that folder.
    const devVars = Object.values(readVars('.dev.vars'));
    for (const account of staff) expect(devVars).not.toContain(account.password);

    // A removed password line gets a new password (printed once); an account gone from the
    // database is made again with its saved password (not printed); a password someone reset
    // by hand is left alone, and the run says so.
    const file = demoPasswordsFile(db.state);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^DEMO_PASSWORD_CITY=.*\n/m, ''));
    exec(db.state, "DELETE FROM staff_users WHERE email = 'lozenets@demo.voter-desk.local'");
    exec(db.state, `UPDATE staff_users SET password_hash = '${await hashPassword('chosen by the police 1')}' WHERE email = 'police@demo.voter-desk.local'`);
    const third = seed(db.state);
    expect(third.status, third.stderr).toBe(0);
    const [mladost, lozenets, city, police] = demoStaff({ persistTo: db.state });
    expect(city!.password).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(city!.password).not.toBe(staff[2]!.password);
    expect(third.stdout).toContain(city!.password);
    for (const account of [mladost, lozenets, police]) expect(third.stdout).not.toContain(account!.password);
    expect([lozenets!.password, police!.password]).toEqual([staff[1]!.password, staff[3]!.password]);
    expect(third.stdout).toContain('police@demo.voter-desk.local has another password than DEMO_PASSWORD_POLICE; left as it is');
    const now = users(db.state);
    expect(now.map((u) => u.email).sort()).toEqual(staff.map((s) => s.email).sort());
    const hashOf = (email: string) => now.find((u) => u.email === email)!.password_hash;
    expect(await verifyPassword(city!.password!, hashOf(city!.email))).toBe(true);
    expect(await verifyPassword(lozenets!.password!, hashOf(lozenets!.email))).toBe(true);
    expect(await verifyPassword('chosen by the police 1', hashOf(police!.email))).toBe(true);
    expect(hashOf(mladost!.email)).toBe(stored[0]!.password_hash);
    expect(requests(db.state)).toHaveLength(8);
  }, T);
});
