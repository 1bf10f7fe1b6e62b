import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, CONTENT_SECURITY_POLICY } from '#functions/http/security-headers';
import { dataKeys, isLocalDevelopment, keyBytes, keyProblem, requireKey } from '#functions/platform/keys';
import { turnstileSiteKey } from '#functions/http/turnstile';

/** 32 bytes from `openssl rand -base64 32` (fixed here, so the test reads the same every run). */
const RANDOM_KEY = 'q3ZlN8Jr0m1Xw2u+T5o9YbHcKfV7sLpE4iGdRaWzUyQ=';
const OTHER_RANDOM_KEY = 'Zb0x9vQ1n3LmP7a2Tq+8cWf4KsJr6yHuEoDiGl5NtXk=';
import { DEV_DATA_KEY, DEV_LOOKUP_KEY } from '#scripts/dev-vars';
import { KeyUnusable } from '#core/errors';

describe('secrets', () => {
  it('measure base64 and base64url keys in bytes', () => {
    expect(keyBytes(RANDOM_KEY)).toBe(32); // `openssl rand -base64 32`
    expect(keyBytes(RANDOM_KEY.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'))).toBe(32);
    expect(keyBytes('not a key!')).toBe(0);
  });

  it('outside local development refuse missing, short, development and non-random keys', () => {
    expect(keyProblem(undefined, false)).toBe('missing');
    expect(keyProblem('c2hvcnQ', false)).toBe('too_short');
    expect(keyProblem(DEV_LOOKUP_KEY, false)).toBe('development_key');
    expect(keyProblem(DEV_DATA_KEY, false)).toBe('development_key');
    // A passphrase written as base64 is long enough, but decodes to printable text: not random bytes.
    expect(keyProblem(btoa('correct horse battery staple, but longer!'), false)).toBe('not_random');
    expect(keyProblem(RANDOM_KEY, false)).toBeUndefined();
  });

  it('check DATA_KEY_PREVIOUS like DATA_KEY when it is set', () => {
    const production = { ENVIRONMENT: 'production', DATA_KEY: RANDOM_KEY };
    expect(dataKeys(production)).toEqual({ current: RANDOM_KEY });
    expect(() => dataKeys({ ...production, DATA_KEY_PREVIOUS: btoa('the old key, typed in by hand!!!!') })).toThrow(KeyUnusable);
    expect(() => dataKeys({ ...production, DATA_KEY_PREVIOUS: 'short' })).toThrow(KeyUnusable);
    expect(dataKeys({ ...production, DATA_KEY_PREVIOUS: OTHER_RANDOM_KEY })).toEqual({ current: RANDOM_KEY, previous: OTHER_RANDOM_KEY });
  });

  it('in local development accept any key that is set', () => {
    expect(keyProblem('short', true)).toBeUndefined();
    expect(keyProblem(undefined, true)).toBe('missing');
    expect(isLocalDevelopment({ ENVIRONMENT: 'development' })).toBe(true);
    expect(isLocalDevelopment({ ENVIRONMENT: 'test' })).toBe(true);
    expect(isLocalDevelopment({ ENVIRONMENT: 'production' })).toBe(false);
    expect(isLocalDevelopment({})).toBe(false);
  });

  it('requireKey throws a KeyUnusable that names the secret and the reason', () => {
    expect(() => requireKey({ ENVIRONMENT: 'production', DATA_KEY: 'short' }, 'DATA_KEY')).toThrow(KeyUnusable);
    expect(() => requireKey({ ENVIRONMENT: 'production' }, 'STAFF_PEPPER')).toThrow(KeyUnusable);
    expect(requireKey({ ENVIRONMENT: 'production', DATA_KEY: RANDOM_KEY }, 'DATA_KEY')).toBe(RANDOM_KEY);
  });
});

describe('Turnstile settings', () => {
  it('are on with both keys, off with neither, and refused (misconfigured) with one alone', () => {
    expect(turnstileSiteKey({ TURNSTILE_SECRET: 's', TURNSTILE_SITE_KEY: 'k' })).toBe('k');
    expect(turnstileSiteKey({})).toBeUndefined();
    expect(() => turnstileSiteKey({ TURNSTILE_SECRET: 's' })).toThrow(KeyUnusable);
    expect(() => turnstileSiteKey({ TURNSTILE_SITE_KEY: 'k' })).toThrow(KeyUnusable);
  });
});

describe('the Turnstile CSP', () => {
  it('adds only the widget’s origin, for its script and frame, to the strict policy', () => {
    const relaxed = contentSecurityPolicy({ turnstile: true });
    expect(CONTENT_SECURITY_POLICY).not.toContain('challenges.cloudflare.com');
    expect(relaxed).toContain("script-src 'self' 'wasm-unsafe-eval' https://challenges.cloudflare.com");
    expect(relaxed).toContain('frame-src https://challenges.cloudflare.com');
    expect(relaxed.replace(' https://challenges.cloudflare.com', '').replace('; frame-src https://challenges.cloudflare.com', '')).toBe(
      CONTENT_SECURITY_POLICY,
    );
  });
});

describe('static pages with the widget', () => {
  it('get one policy that allows it, detaching the strict one from public/_headers', async () => {
    const { turnstileRules } = await import('#scripts/static-headers');
    const rules = turnstileRules(['/en/lookup/']);
    expect(rules.split('\n').slice(0, 3)).toEqual([
      '/en/lookup/',
      '  ! Content-Security-Policy',
      `  Content-Security-Policy: ${contentSecurityPolicy({ turnstile: true })}`,
    ]);
  });
});
