import { describe, expect, it } from 'vitest';
import { verifyPassword } from '#functions/staff/passwords';
import { userCommand } from '#scripts/cli/user';
import { TOOL_ENV } from './global-setup';
import { exec, rows, runInProcess, spawnTool, sqliteDatabase, wranglerDatabase, type SqliteTestDatabase, type TestDatabase } from './helpers';

// The account commands in-process against SQLite through the tools' D1 interface, a fresh
// database per test; then once for real, through wrangler on a local D1.
const T = 120_000;
type User = { email: string; role: string; area: string | null; district: string | null; password_hash: string; disabled_at: string | null };
const users = (db: TestDatabase) => rows<User>(db, 'SELECT email, role, area, district, password_hash, disabled_at FROM staff_users ORDER BY email');
/** `npm run user:add -- …` / `npm run user:disable -- …`, in-process; `input` is piped to it. */
const user = (db: SqliteTestDatabase, args: string[], input?: string) => runInProcess(userCommand, args, db, {}, input);
const openSession = (db: TestDatabase, token: string) =>
  exec(
    db,
    `INSERT INTO staff_sessions (token_hash, user_id, created_at, last_seen_at, expires_at) SELECT '${token}', id, '2026-12-02T09:00:00Z', '2026-12-02T09:00:00Z', '2999-01-01T00:00:00Z' FROM staff_users`,
  );

describe('npm run user:add and user:disable', () => {
  it(
    'adds an account with a piped password, resets it when added again (ending its sessions), and disables it',
    async () => {
      const db = sqliteDatabase();
      const add = await user(db, ['add', '--email', 'Mladost@Example.org', '--role', 'district', '--district', 'Младост'], 'a piped password 1\n');
      expect(add.status, add.stderr).toBe(0);
      expect(add.stdout).not.toContain('a piped password 1');
      const [added] = users(db);
      expect(added).toMatchObject({ email: 'mladost@example.org', role: 'district', area: 'bg-sofia', district: 'mladost', disabled_at: null });
      expect(added!.password_hash).toMatch(/^pbkdf2-sha256-peppered\$100000\$/);
      expect(add.stdout).toContain('enrols a passkey or an authenticator app');
      expect(await verifyPassword('a piped password 1', added!.password_hash, TOOL_ENV.STAFF_PEPPER)).toBe(true);

      openSession(db, 'open-session');
      const again = await user(db, ['add', '--email', 'mladost@example.org', '--role', 'district', '--district', 'mladost'], 'another password 22');
      expect(again.status, again.stderr).toBe(0);
      expect(users(db)).toHaveLength(1);
      expect(await verifyPassword('another password 22', users(db)[0]!.password_hash, TOOL_ENV.STAFF_PEPPER)).toBe(true);
      expect(rows(db, 'SELECT * FROM staff_sessions')).toEqual([]);

      openSession(db, 'open-again');
      const disable = await user(db, ['disable', '--email', 'mladost@example.org']);
      expect(disable.status, disable.stderr).toBe(0);
      expect(users(db)[0]!.disabled_at).not.toBeNull();
      expect(rows(db, 'SELECT * FROM staff_sessions')).toEqual([]);
      expect((await user(db, ['disable', '--email', 'nobody@example.org'])).status).toBe(2);
    },
    T,
  );

  it(
    'prints a generated password once when none is piped, and refuses short passwords and bad options',
    async () => {
      const db = sqliteDatabase();
      const add = await user(db, ['add', '--email', 'police@example.org', '--role', 'police']);
      expect(add.status, add.stderr).toBe(0);
      const password = /Password \(shown once, keep it safe\): (\S+)/.exec(add.stdout)?.[1];
      expect(password).toHaveLength(24);
      expect(await verifyPassword(password!, users(db)[0]!.password_hash, TOOL_ENV.STAFF_PEPPER)).toBe(true);

      const refused = [
        await user(db, ['add', '--email', 'short@example.org', '--role', 'city'], 'too short'),
        await user(db, ['add', '--email', 'not-an-email', '--role', 'city']),
        await user(db, ['add', '--email', 'x@example.org', '--role', 'mayor']),
        await user(db, ['add', '--email', 'x@example.org', '--role', 'district', '--district', 'Atlantis']),
        await user(db, ['add', '--email', 'x@example.org', '--role', 'city', '--district', 'mladost']),
        await user(db, ['add', '--email', 'x@example.org', '--role', 'city', '--area', 'atlantis']),
      ];
      expect(refused.map((r) => r.status)).toEqual([2, 2, 2, 2, 2, 2]);
      expect(refused[5]!.stderr).toContain('--area must be one of: bg-sofia');
      expect(refused[0]!.stderr).toContain('at least 12 characters');
      expect(users(db).map((u) => u.email)).toEqual(['police@example.org']);
    },
    T,
  );
});

describe('npm run user:add and user:disable through wrangler', () => {
  it(
    'adds an account with a piped password, ends its sessions and disables it in a local D1, and exits 2 on a bad option',
    async () => {
      const db = wranglerDatabase();
      const add = spawnTool(
        'scripts/cli/user.ts',
        ['add', '--email', 'Mladost@Example.org', '--role', 'district', '--district', 'Младост', '--persist-to', db.state],
        {},
        'a piped password 1\n',
      );
      expect(add.status, add.stderr).toBe(0);
      expect(add.stdout).toBe(
        'Saved mladost@example.org (district, Sofia Municipality, Mladost); any open sessions are ended. At the first sign-in with this password the account enrols a passkey or an authenticator app.\n',
      );
      const [added] = users(db);
      expect(added).toMatchObject({ email: 'mladost@example.org', role: 'district', area: 'bg-sofia', district: 'mladost', disabled_at: null });
      expect(await verifyPassword('a piped password 1', added!.password_hash, TOOL_ENV.STAFF_PEPPER)).toBe(true);

      openSession(db, 'open-session');
      const disable = spawnTool('scripts/cli/user.ts', ['disable', '--email', 'mladost@example.org', '--persist-to', db.state]);
      expect(disable.status, disable.stderr).toBe(0);
      expect(users(db)[0]!.disabled_at).not.toBeNull();
      expect(rows(db, 'SELECT * FROM staff_sessions')).toEqual([]);
      const refused = spawnTool('scripts/cli/user.ts', ['add', '--email', 'x@example.org', '--role', 'mayor', '--persist-to', db.state]);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain('--role must be district, city or police');
    },
    T,
  );
});
