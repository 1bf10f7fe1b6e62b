import { beforeAll, describe, expect, it } from 'vitest';
import { api, startOfSteadyWindow } from '#test/api/helpers';
import { IDS, seedFixtures } from '#test/api/fixtures';
import { CAMPAIGN, VOTER } from '#test/api/mobile-box/fixtures';
import { apply, freshEgn } from '#test/api/sections/fixtures';

beforeAll(async () => {
  await seedFixtures();
});

// Cloudflare's published test keys; the verification is answered by the test pool's fake.
const ON = { TURNSTILE_SECRET: '1x0000000000000000000000000000000AA', TURNSTILE_SITE_KEY: '1x00000000000000000000AA' };
const lookup = (turnstileToken: string | undefined, client: string, bindings = ON) =>
  api(
    '/api/lookup',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': client },
      body: JSON.stringify({ country: 'BG', idNumber: IDS.bgRegistered, ...(turnstileToken ? { turnstileToken } : {}) }),
    },
    bindings,
  );
const code = async (response: Response) => ((await response.json()) as { error?: { code: string } }).error?.code;

describe('Cloudflare Turnstile on lookups', () => {
  it('is off without its secret: lookups work as before, no token needed', async () => {
    expect((await lookup(undefined, '10.50.0.1', {} as typeof ON)).status).toBe(200);
  });

  it('with its keys, lets a valid token for the action and our hostname through', async () => {
    expect((await lookup('ok:lookup:localhost', '10.50.0.2')).status).toBe(200);
  });

  it('refuses a missing token, a failed one, and one for another action or hostname (403)', async () => {
    for (const token of [undefined, 'spent', 'ok:report:localhost', 'ok:lookup:attacker.example']) {
      const response = await lookup(token, '10.50.0.3');
      expect(response.status, String(token)).toBe(403);
      expect(await code(response)).toBe('challenge_failed');
    }
  });

  it('fails closed when the verification cannot be reached (503)', async () => {
    const response = await lookup('down', '10.50.0.4');
    expect(response.status).toBe(503);
    expect(await code(response)).toBe('challenge_unavailable');
  });

  it('counts the attempt against the rate limit before the token is checked', async () => {
    await startOfSteadyWindow();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await lookup('spent', '10.50.0.5')).status);
    expect(statuses).toEqual([...Array(10).fill(403), 429]);
  });
});

describe('Cloudflare Turnstile on the mobile-ballot-box application and its status', () => {
  const post = (path: string, body: Record<string, unknown>, client: string) =>
    api(
      path,
      { method: 'POST', headers: { 'content-type': 'application/json', 'cf-connecting-ip': client }, body: JSON.stringify(body) },
      { ...ON, NOW: CAMPAIGN },
    );

  it('refuses an application without a valid token for `mobile_box` (403, nothing stored), and takes one with it', async () => {
    const idNumber = freshEgn();
    for (const token of [undefined, 'ok:lookup:localhost', 'spent']) {
      const refused = await post('/api/mobile-box-requests', { ...VOTER, idNumber, ...(token ? { turnstileToken: token } : {}) }, '10.52.0.1');
      expect(refused.status, String(token)).toBe(403);
      expect(await code(refused)).toBe('challenge_failed');
    }
    const accepted = await post('/api/mobile-box-requests', { ...VOTER, idNumber, turnstileToken: 'ok:mobile_box:localhost' }, '10.52.0.1');
    expect(accepted.status).toBe(201);
  });

  it('refuses a status check without a valid token for `mobile_box_status`', async () => {
    const made = await apply();
    const body = { reference: made.references[0], idNumber: made.idNumber };
    expect((await post('/api/mobile-box-requests/status', body, '10.52.0.2')).status).toBe(403);
    expect((await post('/api/mobile-box-requests/status', { ...body, turnstileToken: 'ok:mobile_box:localhost' }, '10.52.0.2')).status).toBe(403);
    expect((await post('/api/mobile-box-requests/status', { ...body, turnstileToken: 'ok:mobile_box_status:localhost' }, '10.52.0.2')).status).toBe(200);
  });
});
