import { describe, expect, it } from 'vitest';
import { unseal } from '#functions/platform/crypto';
import { totpContext } from '#functions/staff/second-factor';
import { totpCode } from '#functions/staff/totp';
import { totpCommand } from '#scripts/cli/totp';
import { userCommand } from '#scripts/cli/user';
import { demoStaff } from '#scripts/seed/demo-staff';
import { loadStaffDemoCommand } from '#scripts/seed/load-staff-demo';
import { exec, rows, runInProcess, sqliteDatabase } from './helpers';

// The operator's side of the second factor: an account `user:add` saves (or resets) enrols at its
// first sign-in; the demo accounts of `npm start` are enrolled with an authenticator app whose
// current code `npm run totp` prints.
const DATA_KEY = 'ZGVtby1zZWVkLXRlc3Qta2V5LWRlbW8tc2VlZC10ZXN0LWtleQ';

describe('user:add and the second factor', () => {
  it('resetting an account removes its second factor, passkeys and recovery codes: it enrols again at the next sign-in', async () => {
    const db = sqliteDatabase();
    const add = (password: string) => runInProcess(userCommand, ['add', '--email', 'lost@example.org', '--role', 'city'], db, {}, password);
    expect((await add('a piped password 1')).status).toBe(0);
    exec(db, "UPDATE staff_users SET totp_sealed = 'v1.x.y.z', totp_step = 5, enrolled_at = '2026-12-01T00:00:00Z'");
    exec(
      db,
      "INSERT INTO staff_passkeys (id, user_id, public_key, counter, transports, created_at) SELECT 'cred', id, 'key', 0, '[]', '2026-12-01' FROM staff_users",
    );
    exec(db, "INSERT INTO staff_recovery_codes (code_hash, user_id, created_at) SELECT 'hash', id, '2026-12-01' FROM staff_users");
    expect((await add('a new password 22')).status).toBe(0);
    expect(rows(db, 'SELECT totp_sealed, totp_step, enrolled_at FROM staff_users')).toEqual([{ totp_sealed: null, totp_step: null, enrolled_at: null }]);
    expect(rows(db, 'SELECT * FROM staff_passkeys')).toEqual([]);
    expect(rows(db, 'SELECT * FROM staff_recovery_codes')).toEqual([]);
  });

  it('without STAFF_PEPPER in the environment (a remote add), saves an unpeppered hash and says the first sign-in rewrites it', async () => {
    const db = sqliteDatabase();
    const run = await runInProcess(userCommand, ['add', '--email', 'remote@example.org', '--role', 'police'], db, { STAFF_PEPPER: '' }, 'a piped password 1');
    expect(run.status, run.stderr).toBe(0);
    expect(rows<{ password_hash: string }>(db, 'SELECT password_hash FROM staff_users')[0]!.password_hash).toMatch(/^pbkdf2-sha256\$100000\$/);
    expect(run.stdout).toContain('the first sign-in rewrites it');
  });
});

describe('the demo accounts (npm start)', () => {
  it('are enrolled with an authenticator app: the secret sealed in D1, kept beside the password, its URI printed once; npm run totp prints the current code', async () => {
    const db = sqliteDatabase();
    const first = await runInProcess(loadStaffDemoCommand, ['--persist-to', db.dir], db, { DATA_KEY });
    expect(first.status, first.stderr).toBe(0);
    const staff = demoStaff({ persistTo: db.dir });
    const stored = rows<{ email: string; totp_sealed: string; enrolled_at: string | null }>(
      db,
      'SELECT email, totp_sealed, enrolled_at FROM staff_users ORDER BY id',
    );
    for (const account of staff) {
      expect(account.totpSecret).toMatch(/^[A-Z2-7]{32}$/);
      const row = stored.find((candidate) => candidate.email === account.email)!;
      expect(row.enrolled_at).not.toBeNull();
      expect(await unseal({ current: DATA_KEY }, totpContext(account.email), row.totp_sealed)).toBe(account.totpSecret);
      expect(first.stdout).toContain(`otpauth://totp/Voter%20Desk:${encodeURIComponent(account.email)}?issuer=Voter%20Desk&secret=${account.totpSecret}`);
      expect(JSON.stringify(rows(db, 'SELECT * FROM staff_users'))).not.toContain(account.totpSecret);
    }
    const second = await runInProcess(loadStaffDemoCommand, ['--persist-to', db.dir], db, { DATA_KEY });
    expect(second.stdout).not.toContain('otpauth://');
    expect(second.stdout).toContain('npm run totp -- --email');

    const now = Date.now();
    const code = await runInProcess((args, io) => totpCommand(args, io, now), ['--email', staff[2]!.email, '--persist-to', db.dir], db);
    expect(code.status, code.stderr).toBe(0);
    expect(code.stdout).toMatch(new RegExp(`^${totpCode(staff[2]!.totpSecret!, now)}  \\(city@demo\\.voter-desk\\.local, valid for \\d+ more seconds\\)\\n$`));
    const unknown = await runInProcess(totpCommand, ['--email', 'someone@example.org', '--persist-to', db.dir], db);
    expect(unknown.status).toBe(2);
  });
});
