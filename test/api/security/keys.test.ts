import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { database } from '#db/client';
import { appMeta } from '#db/schema';
import { FINGERPRINT_KEY } from '#functions/lookup/register-key';
import { lookupKeyFingerprint } from '#functions/platform/crypto';
import { api } from '#test/api/helpers';
import { IDS, postJson, seedFixtures } from '#test/api/fixtures';

let ids: Awaited<ReturnType<typeof seedFixtures>>;
beforeAll(async () => {
  ids = await seedFixtures();
});

type ErrorJson = { error: { code: string; message: string } };
const PRODUCTION = { ENVIRONMENT: 'production' };

async function logged(run: () => Promise<unknown>): Promise<string> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return lines.join('\n');
}

describe('secrets fail closed outside local development', () => {
  it.each([
    ['missing', undefined, 'DATA_KEY is missing'],
    ['short', 'c2hvcnQta2V5', 'DATA_KEY is too short'],
    ['a development key', 'voter-desk-dev-data-key-for-local-development-only', 'DATA_KEY is development key'],
    ['a passphrase written as base64', btoa('my very long and memorable pass phrase!'), 'DATA_KEY is not random'],
  ])('DATA_KEY %s: a report is refused with 503, and the log says why (never the key)', async (_label, key, line) => {
    let response: Response | undefined;
    const log = await logged(async () => {
      response = await api(`/api/stations/${ids.sofia1}/reports`, postJson({ kind: 'other', details: 'x' }, `10.30.0.${key?.length ?? 0}`), {
        ...PRODUCTION,
        DATA_KEY: key as string,
      });
    });
    expect(response!.status).toBe(503);
    expect(((await response!.json()) as ErrorJson).error.code).toBe('misconfigured');
    expect(log).toContain(line);
    if (key) expect(log).not.toContain(key);
  });

  it('a short LOOKUP_KEY in production: lookups and health answer 503 misconfigured', async () => {
    const broken = { ...PRODUCTION, LOOKUP_KEY: 'c2hvcnQ' };
    const lookup = await api('/api/lookup', postJson({ country: 'BG', idNumber: IDS.bgRegistered }, '10.30.1.1'), broken);
    expect(lookup.status).toBe(503);
    expect(((await lookup.json()) as ErrorJson).error.code).toBe('misconfigured');
    const health = await api('/api/health', {}, broken);
    expect(health.status).toBe(503);
    expect(((await health.json()) as ErrorJson).error.code).toBe('misconfigured');
  });

  it('well-formed keys work in production', async () => {
    const response = await api('/api/lookup', postJson({ country: 'BG', idNumber: IDS.bgRegistered }, '10.30.1.2'), PRODUCTION);
    expect(response.status).toBe(200);
  });
});

describe('a LOOKUP_KEY that is not the register’s', () => {
  it('health answers 503 key_mismatch and lookups refuse rather than say "not found"', async () => {
    const db = database(env.DB);
    await db.insert(appMeta).values({ key: FINGERPRINT_KEY, value: await lookupKeyFingerprint(env.LOOKUP_KEY), updatedAt: new Date().toISOString() });
    expect((await api('/api/health')).status).toBe(200);
    const other = { LOOKUP_KEY: 'b3RoZXIta2V5LXRoYXQtaXMtbG9uZy1lbm91Z2gtMTIzNDU2' };
    const health = await api('/api/health', {}, other);
    expect(health.status).toBe(503);
    expect(((await health.json()) as ErrorJson).error.code).toBe('key_mismatch');
    const lookup = await api('/api/lookup', postJson({ country: 'BG', idNumber: IDS.bgRegistered }, '10.30.2.1'), other);
    expect(lookup.status).toBe(503);
    expect(((await lookup.json()) as ErrorJson).error.code).toBe('key_mismatch');
  });
});
