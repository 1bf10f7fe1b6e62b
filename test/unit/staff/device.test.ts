import { describe, expect, it } from 'vitest';
import { deviceLabel } from '#functions/staff/device';

describe('the device of a session, as its owner recognises it', () => {
  it.each([
    ['Mozilla/5.0 (Linux; Android 14; SM-A145R) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', 'Chrome, Android'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 'Safari, iOS'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox, Windows'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', 'Edge, Windows'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15', 'Safari, macOS'],
  ])('%s → %s (browser and system only, no version)', (userAgent, label) => {
    expect(deviceLabel(userAgent)).toBe(label);
  });

  it('is unknown for a missing or strange User-Agent', () => {
    expect(deviceLabel(undefined)).toBeUndefined();
    expect(deviceLabel('curl/8.5.0')).toBeUndefined();
  });
});
