import { describe, expect, it } from 'vitest';
import { api } from '#test/api/helpers';

interface ErrorJson {
  error: { code: string; message: string };
}
const big = JSON.stringify({ country: 'BG', idNumber: '1', details: 'x'.repeat(17 * 1024) });

describe('every /api/* failure is JSON in the envelope', () => {
  it.each(['/api/lookup', '/api/stations/1/reports', '/api/no-such-path'])('413 for a JSON body over 16 KB on %s, before it is read', async (path) => {
    const response = await api(path, { method: 'POST', headers: { 'content-type': 'application/json', 'cf-connecting-ip': '10.5.0.1' }, body: big });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error: { code: 'payload_too_large', message: 'The request is too large.' } });
  });

  it('413 also for a streamed body without Content-Length once it passes 16 KB', async () => {
    const chunks = new TextEncoder().encode(big);
    const body = new ReadableStream({
      start(controller) {
        for (let i = 0; i < chunks.length; i += 4096) controller.enqueue(chunks.slice(i, i + 4096));
        controller.close();
      },
    });
    const response = await api('/api/lookup', { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('415 for a body that is not JSON, in the reader’s language', async () => {
    const response = await api('/api/lookup', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'bg' },
      body: 'country=BG',
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({
      error: { code: 'unsupported_media_type', message: 'Заявката е изпратена във формат, който този адрес не приема.' },
    });
  });

  it('405 with Allow for a method the path does not take (no Origin needed)', async () => {
    const response = await api('/api/lookup', { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('OPTIONS, POST');
    expect(((await response.json()) as ErrorJson).error.code).toBe('method_not_allowed');
    const station = await api('/api/stations/1', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(station.status).toBe(405);
    expect(station.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('OPTIONS answers 204 with Allow', async () => {
    const response = await api('/api/stations/1/reports', { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe('OPTIONS, POST');
  });

  it('404 for a path with a trailing slash: another path, not a 405 that allows the method asked', async () => {
    for (const [method, path] of [
      ['GET', '/api/health/'],
      ['GET', '/api/stations/1/'],
      ['POST', '/api/lookup/'],
    ] as const) {
      const response = await api(path, { method, headers: { 'content-type': 'application/json' }, ...(method === 'POST' ? { body: '{}' } : {}) });
      expect([response.status, response.headers.get('allow'), ((await response.json()) as ErrorJson).error.code]).toEqual([404, null, 'not_found']);
    }
  });

  it('404 for a path no route has, whatever the method', async () => {
    for (const method of ['GET', 'DELETE']) {
      const response = await api('/api/does/not/exist', { method });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'There is nothing at this address.' } });
    }
  });
});
