import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '#functions/http/security-headers';
import { api } from '#test/api/helpers';

describe('GET /api/health', () => {
  it('answers ok after querying D1', async () => {
    const response = await api('/api/health');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('answers 503 with a JSON error when D1 cannot answer the query', async () => {
    const response = await api('/api/health', {}, { DB: env.EMPTY_DB });
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body).toEqual({
      error: { code: 'db_unavailable', message: 'The database is not answering right now. Please try again in a minute.' },
    });
  });

  it('words the 503 in the language the client asks for', async () => {
    const response = await api('/api/health', { headers: { 'Accept-Language': 'ky-KG' } }, { DB: env.EMPTY_DB });
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toBe('Маалымат базасы азыр жооп бербей жатат. Бир мүнөттөн кийин кайра аракет кылыңыз.');
  });
});

describe('every API response', () => {
  it('carries the security headers', async () => {
    for (const path of ['/api/health', '/api/no-such-thing']) {
      const response = await api(path);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        expect(response.headers.get(name), `${name} on ${path}`).toBe(value);
      }
      expect(response.headers.get('content-security-policy')).not.toMatch(/unsafe-inline/);
      expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    }
  });
});

describe('unknown /api/* paths', () => {
  it('answer a JSON 404, not the site HTML', async () => {
    const response = await api('/api/does/not/exist', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'There is nothing at this address.' } });
  });

  it('follow the lang parameter for the message', async () => {
    const response = await api('/api/nothing?lang=bg');
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe('На този адрес няма нищо.');
  });
});
