import { describe, expect, it } from 'vitest';
import { sessionStart } from '#functions/platform/d1-sessions';
import { publicCacheControl, publicCacheSeconds } from '#functions/http/edge-cache';

describe('PUBLIC_CACHE_SECONDS', () => {
  it('is 300 unless set to a whole number of seconds up to a day', () => {
    expect(publicCacheSeconds({})).toBe(300);
    expect(publicCacheSeconds({ PUBLIC_CACHE_SECONDS: ' 60 ' })).toBe(60);
    expect(publicCacheSeconds({ PUBLIC_CACHE_SECONDS: '0' })).toBe(0);
    for (const wrong of ['', '-5', '1.5', '5m', '86401', '999999']) expect(publicCacheSeconds({ PUBLIC_CACHE_SECONDS: wrong }), wrong).toBe(300);
  });

  it('becomes the Cache-Control of public answers; 0 lets no cache keep them', () => {
    expect(publicCacheControl({ PUBLIC_CACHE_SECONDS: '120' })).toBe('public, max-age=120');
    expect(publicCacheControl({ PUBLIC_CACHE_SECONDS: '0' })).toBe('no-cache');
  });
});

describe('a D1 session starts', () => {
  it('after the bookmark the client sent, or on the nearest replica', () => {
    expect(sessionStart('0000002e-00000005-00004f95-0af2a6e5ba8f4c8e8b6d5d0a1d1e2f3a')).toBe('0000002e-00000005-00004f95-0af2a6e5ba8f4c8e8b6d5d0a1d1e2f3a');
    expect(sessionStart(undefined)).toBe('first-unconstrained');
    // A constraint is ours to choose, never the client's: "first-primary" from outside would send every read to the primary.
    for (const junk of ['first-primary', 'first-unconstrained ', 'abc--def', '-', 'a'.repeat(257), '0000\n0001'])
      expect(sessionStart(junk), junk).toBe('first-unconstrained');
  });
});
