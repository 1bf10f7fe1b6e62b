import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { totpCode } from '#functions/staff/totp';
import { api, tableRowCounts } from '#test/api/helpers';
import { CAMPAIGN } from '#test/api/mobile-box/fixtures';
import { SoftwareAuthenticator } from '#test/shared/authenticator';
import { account, cookieOf, enrolWithTotp, login, newPasskey, ORIGIN, PASSWORD, passkeyOf, passkeyStep, pendingCookie, post, totpNow } from './fixtures';

/** Everything stored, as text: what a copy of the database shows. */
async function dump(): Promise<string> {
  const tables = Object.keys(await tableRowCounts());
  const all = await Promise.all(tables.map(async (table) => (await env.DB.prepare(`SELECT * FROM "${table}"`).all()).results));
  return JSON.stringify(all);
}

const STAFF_ROUTES = ['/api/admin/session', '/api/admin/requests', '/api/admin/summary', '/api/admin/sections', '/api/admin/sessions', '/api/admin/audit'];

describe('an account without a second factor', () => {
  it('can do nothing but enrol: every staff route answers 401 to its session, and the sign-in steps of an enrolled account too', async () => {
    await account('new@example.org', { enrolled: 'none' });
    const first = await login('new@example.org', PASSWORD);
    expect(await first.json()).toEqual({ next: 'enrol', methods: ['passkey', 'totp'] });
    const cookie = cookieOf(first);
    for (const path of STAFF_ROUTES) expect((await api(path, { headers: { cookie } })).status, path).toBe(401);
    expect((await post('/api/admin/session/passkey/options', {}, { cookie })).status).toBe(401);
    expect((await post('/api/admin/session/recovery', { code: 'AAAAA-BBBBB' }, { cookie })).status).toBe(401);
  });

  it('enrols an authenticator app: the same secret until it is confirmed, then a signed-in session and ten recovery codes shown once, none stored readable', async () => {
    await account('app@example.org', { enrolled: 'none' });
    const cookie = await pendingCookie('app@example.org');
    const setup = async () => ((await (await post('/api/admin/session/totp/setup', {}, { cookie })).json()) as { otpauthUri: string }).otpauthUri;
    const uri = await setup();
    expect(uri).toMatch(/^otpauth:\/\/totp\/Voter%20Desk:app%40example\.org\?issuer=Voter%20Desk&secret=[A-Z2-7]{32}&algorithm=SHA1&digits=6&period=30$/);
    expect(await setup()).toBe(uri);
    const secret = new URL(uri).searchParams.get('secret')!;
    expect((await post('/api/admin/session/totp', { code: totpCode(secret, Date.now() - 120_000) }, { cookie })).status).toBe(401);
    const done = await post('/api/admin/session/totp', { code: totpCode(secret, Date.now()) }, { cookie });
    expect(done.status).toBe(200);
    const body = (await done.json()) as { next: string; csrfToken: string; recoveryCodes: string[] };
    expect(body.next).toBe('done');
    expect(body.recoveryCodes).toHaveLength(10);
    for (const code of body.recoveryCodes) expect(code).toMatch(/^[A-HJ-NP-TW-Z2-9]{5}-[A-HJ-NP-TW-Z2-9]{5}$/);
    expect(new Set(body.recoveryCodes).size).toBe(10);
    expect((await api('/api/admin/session', { headers: { cookie: cookieOf(done) } })).status).toBe(200);
    const stored = await dump();
    expect(stored).not.toContain(secret);
    for (const code of body.recoveryCodes) expect(stored).not.toContain(code);
    // The next sign-in asks for the app's code, and gives no recovery codes.
    const again = await login('app@example.org', PASSWORD);
    expect(await again.json()).toEqual({ next: 'totp', methods: ['totp', 'recovery'] });
  });

  it('enrols a passkey through the WebAuthn ceremony, then signs in with it; another authenticator, another origin or a replayed answer is refused', async () => {
    await account('key@example.org', { enrolled: 'none' });
    const cookie = await pendingCookie('key@example.org');
    const options = (await (await post('/api/admin/session/passkey/registration/options', {}, { cookie })).json()) as {
      options: { challenge: string; rp: { id: string }; authenticatorSelection: { userVerification: string } };
    };
    expect(options.options.rp.id).toBe('localhost');
    expect(options.options.authenticatorSelection.userVerification).toBe('required');
    const authenticator = await newPasskey('key@example.org');
    const done = await post('/api/admin/session/passkey/registration', { response: await authenticator.register(options.options, ORIGIN) }, { cookie });
    expect(done.status).toBe(200);
    expect(((await done.json()) as { recoveryCodes: string[] }).recoveryCodes).toHaveLength(10);

    const next = await login('key@example.org', PASSWORD);
    expect(await next.json()).toEqual({ next: 'passkey', methods: ['passkey', 'recovery'] });
    const pending = cookieOf(next);
    const challenge = async () =>
      ((await (await post('/api/admin/session/passkey/options', {}, { cookie: pending })).json()) as { options: { challenge: string } }).options;
    const stranger = await SoftwareAuthenticator.create();
    expect((await post('/api/admin/session/passkey', { response: await stranger.assert(await challenge(), ORIGIN) }, { cookie: pending })).status).toBe(401);
    expect(
      (await post('/api/admin/session/passkey', { response: await authenticator.assert(await challenge(), 'https://evil.example') }, { cookie: pending }))
        .status,
    ).toBe(401);
    const asked = await challenge();
    const answer = await authenticator.assert(asked, ORIGIN);
    const signedIn = await post('/api/admin/session/passkey', { response: answer }, { cookie: pending });
    expect(signedIn.status).toBe(200);
    // The same answer again, on a new sign-in: its challenge was used once.
    const later = await pendingCookie('key@example.org');
    await post('/api/admin/session/passkey/options', {}, { cookie: later });
    expect((await post('/api/admin/session/passkey', { response: answer }, { cookie: later })).status).toBe(401);
  });
});

describe('authenticator-app codes', () => {
  it('are accepted once: the same code is refused on the next sign-in', async () => {
    await account('once@example.org', { enrolled: 'totp' });
    const code = totpNow('once@example.org');
    expect((await post('/api/admin/session/totp', { code }, { cookie: await pendingCookie('once@example.org') })).status).toBe(200);
    const replay = await post('/api/admin/session/totp', { code }, { cookie: await pendingCookie('once@example.org') });
    expect(replay.status).toBe(401);
  });

  it('are checked against the real clock, never the demo NOW', async () => {
    await account('clock@example.org', { enrolled: 'totp' });
    const cookie = await pendingCookie('clock@example.org');
    const atDemoNow = totpNow('clock@example.org', new Date(CAMPAIGN).getTime());
    const send = (code: string) =>
      api(
        '/api/admin/session/totp',
        { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ code }) },
        { NOW: new Date(Date.now() + 60_000).toISOString() },
      );
    expect((await send(atDemoNow)).status).toBe(401);
    expect((await send(totpNow('clock@example.org'))).status).toBe(200);
  });

  it('five wrong codes end the pending session: then even the right code needs the password again', async () => {
    await account('guess@example.org', { enrolled: 'totp' });
    const cookie = await pendingCookie('guess@example.org');
    const right = totpNow('guess@example.org');
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++) expect((await post('/api/admin/session/totp', { code: wrong }, { cookie })).status).toBe(401);
    expect((await post('/api/admin/session/totp', { code: right }, { cookie })).status).toBe(401);
    const failures = await env.DB.prepare(
      "SELECT count(*) AS n FROM staff_audit WHERE action = 'login.second_factor' AND outcome = 'failed' AND user_id = (SELECT id FROM staff_users WHERE email = 'guess@example.org')",
    ).first<{ n: number }>();
    expect(failures!.n).toBe(5);
  });
});

describe('recovery codes', () => {
  it('each sign in once, written any way (lower case, spaces), and are refused the second time', async () => {
    await account('lost@example.org', { enrolled: 'none' });
    const { recoveryCodes } = await enrolWithTotp('lost@example.org');
    const first = recoveryCodes[0]!;
    const typed = first.toLowerCase().replace('-', ' ');
    const used = await post('/api/admin/session/recovery', { code: typed }, { cookie: await pendingCookie('lost@example.org') });
    expect(used.status).toBe(200);
    const again = await post('/api/admin/session/recovery', { code: first }, { cookie: await pendingCookie('lost@example.org') });
    expect(again.status).toBe(401);
    expect((await post('/api/admin/session/recovery', { code: 'ABCDE-FGHJK' }, { cookie: await pendingCookie('lost@example.org') })).status).toBe(401);
    const entry = await env.DB.prepare("SELECT records FROM staff_audit WHERE action = 'login' AND records LIKE '%recovery%' ORDER BY id DESC").first<{
      records: string;
    }>();
    expect(JSON.parse(entry!.records)).toEqual({ method: 'recovery', remaining: 9 });
  });

  it('do not belong to any other account', async () => {
    await account('one@example.org', { enrolled: 'none' });
    await account('two@example.org', { enrolled: 'totp' });
    const { recoveryCodes } = await enrolWithTotp('one@example.org');
    expect((await post('/api/admin/session/recovery', { code: recoveryCodes[1] }, { cookie: await pendingCookie('two@example.org') })).status).toBe(401);
  });
});

describe('a passkey sign-in', () => {
  it('is the default second step of an account with a passkey, and updates its counter', async () => {
    await account('counter@example.org');
    for (let i = 0; i < 2; i++) expect((await passkeyStep('counter@example.org', await pendingCookie('counter@example.org'))).status).toBe(200);
    const stored = await env.DB.prepare('SELECT counter, last_used_at AS lastUsedAt FROM staff_passkeys WHERE id = ?')
      .bind(passkeyOf('counter@example.org')!.id)
      .first<{
        counter: number;
        lastUsedAt: string;
      }>();
    expect(stored!.counter).toBe(2);
    expect(stored!.lastUsedAt).not.toBeNull();
  });
});
