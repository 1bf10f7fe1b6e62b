import { describe, expect, it } from 'vitest';
import { verifyPassword } from '#functions/staff/passwords';
import { exec, freshDatabase, rows, runTool } from './helpers';

// The real CLI against a real local D1 (wrangler's own), a fresh database per test.
const T = 120_000;
type User = { email: string; role: string; district: string | null; password_hash: string; disabled_at: string | null };
const users = (state: string) => rows<User>(state, 'SELECT email, role, district, password_hash, disabled_at FROM staff_users ORDER BY email');

describe('npm run user:add and user:disable', () => {
  it('adds an account with a piped password, resets it when added again (ending its sessions), and disables it', async () => {
    const db = freshDatabase();
    const add = runTool('scripts/cli/user.ts', ['add', '--email', 'Mladost@Example.org', '--role', 'district', '--district', 'Младост', '--persist-to', db.state], {}, 'a piped password 1\n');
    expect(add.status, add.stderr).toBe(0);
    expect(add.stdout).not.toContain('a piped password 1');
    const [added] = users(db.state);
    expect(added).toMatchObject({ email: 'mladost@example.org', role: 'district', district: 'mladost', disabled_at: null });
    expect(added!.password_hash).toMatch(/^pbkdf2-sha256\$100000\$/);
    expect(await verifyPassword('a piped password 1', added!.password_hash)).toBe(true);

    exec(db.state, `INSERT INTO staff_sessions (token_hash, user_id, created_at, last_seen_at, expires_at) SELECT 'open-session', id, '2026-12-02T09:00:00Z', '2026-12-02T09:00:00Z', '2999-01-01T00:00:00Z' FROM staff_users`);
    const again = runTool('scripts/cli/user.ts', ['add', '--email', 'mladost@example.org', '--role', 'district', '--district', 'mladost', '--persist-to', db.state], {}, 'another password 22');
    expect(again.status, again.stderr).toBe(0);
    expect(users(db.state)).toHaveLength(1);
    expect(await verifyPassword('another password 22', users(db.state)[0]!.password_hash)).toBe(true);
    expect(rows(db.state, 'SELECT * FROM staff_sessions')).toEqual([]);

    exec(db.state, `INSERT INTO staff_sessions (token_hash, user_id, created_at, last_seen_at, expires_at) SELECT 'open-again', id, '2026-12-02T09:00:00Z', '2026-12-02T09:00:00Z', '2999-01-01T00:00:00Z' FROM staff_users`);
    const disable = runTool('scripts/cli/user.ts', ['disable', '--email', 'mladost@example.org', '--persist-to', db.state]);
    expect(disable.status, disable.stderr).toBe(0);
    expect(users(db.state)[0]!.disabled_at).not.toBeNull();
    expect(rows(db.state, 'SELECT * FROM staff_sessions')).toEqual([]);
    expect(runTool('scripts/cli/user.ts', ['disable', '--email', 'nobody@example.org', '--persist-to', db.state]).status).toBe(2);
  }, T);

  it('prints a generated password once when none is piped, and refuses short passwords and bad options', async () => {
    const db = freshDatabase();
    const add = runTool('scripts/cli/user.ts', ['add', '--email', 'police@example.org', '--role', 'police', '--persist-to', db.state]);
    expect(add.status, add.stderr).toBe(0);
    const password = /Password \(shown once, keep it safe\): (\S+)/.exec(add.stdout)?.[1];
    expect(password).toHaveLength(24);
    expect(await verifyPassword(password!, users(db.state)[0]!.password_hash)).toBe(true);

    const refused = [
      runTool('scripts/cli/user.ts', ['add', '--email', 'short@example.org', '--role', 'city', '--persist-to', db.state], {}, 'too short'),
      runTool('scripts/cli/user.ts', ['add', '--email', 'not-an-email', '--role', 'city', '--persist-to', db.state]),
      runTool('scripts/cli/user.ts', ['add', '--email', 'x@example.org', '--role', 'mayor', '--persist-to', db.state]),
      runTool('scripts/cli/user.ts', ['add', '--email', 'x@example.org', '--role', 'district', '--district', 'Atlantis', '--persist-to', db.state]),
      runTool('scripts/cli/user.ts', ['add', '--email', 'x@example.org', '--role', 'city', '--district', 'mladost', '--persist-to', db.state]),
    ];
    expect(refused.map((r) => r.status)).toEqual([2, 2, 2, 2, 2]);
    expect(refused[0]!.stderr).toContain('at least 12 characters');
    expect(users(db.state).map((u) => u.email)).toEqual(['police@example.org']);
  }, T);
});
