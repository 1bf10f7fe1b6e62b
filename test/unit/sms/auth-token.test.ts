import { describe, expect, it, vi } from 'vitest';
import { KeyUnusable } from '#core/errors';
import { DEVELOPMENT_SMS_AUTH_TOKEN, smsAuthToken } from '#functions/sms/auth-token';

describe('SMS_AUTH_TOKEN', () => {
  it('outside local development: missing, short or the development token is misconfigured, logged by name and reason only', () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: unknown) => void lines.push(String(line)));
    try {
      for (const [token, problem] of [
        [undefined, 'missing'],
        ['', 'missing'],
        ['0123456789', 'too_short'],
        [DEVELOPMENT_SMS_AUTH_TOKEN, 'development_key'],
      ] as const) {
        let thrown: unknown;
        try {
          smsAuthToken({ ENVIRONMENT: 'production', SMS_AUTH_TOKEN: token });
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(KeyUnusable);
        expect(thrown).toMatchObject({ code: 'misconfigured', secret: 'SMS_AUTH_TOKEN', problem });
      }
    } finally {
      spy.mockRestore();
    }
    expect(lines.every((line) => line.startsWith('configuration: SMS_AUTH_TOKEN is '))).toBe(true);
    expect(lines.join('\n')).not.toContain('0123456789');
    expect(smsAuthToken({ ENVIRONMENT: 'production', SMS_AUTH_TOKEN: '0123456789abcdef0123456789abcdef' })).toBe('0123456789abcdef0123456789abcdef');
  });

  it('in local development: the token set, else the development token that `npm run sms` signs with', () => {
    expect(smsAuthToken({ ENVIRONMENT: 'development' })).toBe(DEVELOPMENT_SMS_AUTH_TOKEN);
    expect(smsAuthToken({ ENVIRONMENT: 'test', SMS_AUTH_TOKEN: 'short' })).toBe('short');
  });
});
