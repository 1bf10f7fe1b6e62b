import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, CONTENT_SECURITY_POLICY } from '#functions/http/security-headers';
import { isLocalDevelopment, keyBytes, keyProblem, requireKey } from '#functions/platform/keys';
import { DEV_DATA_KEY, DEV_LOOKUP_KEY } from '#scripts/dev-vars';
import { KeyUnusable } from '#core/errors';

describe('secrets', () => {
  it('measure base64, base64url and hex keys in bytes', () => {
    expect(keyBytes('A'.repeat(43))).toBe(32); // `openssl rand -base64 32` without padding
    expect(keyBytes(`${'A'.repeat(43)}=`)).toBe(32);
    expect(keyBytes('ab'.repeat(32))).toBeGreaterThanOrEqual(32); // `openssl rand -hex 32`
    expect(keyBytes('not a key!')).toBe(0);
  });

  it('outside local development refuse missing, short and development keys', () => {
    expect(keyProblem(undefined, false)).toBe('missing');
    expect(keyProblem('c2hvcnQ', false)).toBe('too_short');
    expect(keyProblem(DEV_LOOKUP_KEY, false)).toBe('development_key');
    expect(keyProblem(DEV_DATA_KEY, false)).toBe('development_key');
    expect(keyProblem('A'.repeat(44), false)).toBeUndefined();
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
    expect(requireKey({ ENVIRONMENT: 'production', DATA_KEY: 'A'.repeat(44) }, 'DATA_KEY')).toBe('A'.repeat(44));
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
