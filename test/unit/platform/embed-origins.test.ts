import { afterEach, describe, expect, it, vi } from 'vitest';
import { embedOrigins, parseEmbedOrigins } from '#functions/http/embed-origins';

const production = { allowLoopback: false };
const local = { allowLoopback: true };

describe('EMBED_ORIGINS', () => {
  it('keeps https origins, space-separated on any whitespace, lower-cased, without a default port or trailing slash, each once', () => {
    const { origins, dropped } = parseEmbedOrigins(
      ' https://www.sofia.bg  https://WWW.Bishkek.KG/\thttps://almaty.kz:443\nhttps://www.sofia.bg https://maps.example:8443 ',
      production,
    );
    expect(origins).toEqual(['https://www.sofia.bg', 'https://www.bishkek.kg', 'https://almaty.kz', 'https://maps.example:8443']);
    expect(dropped).toEqual([]);
  });

  it('is empty for an unset or blank value', () => {
    expect(parseEmbedOrigins(undefined, production)).toEqual({ origins: [], dropped: [] });
    expect(parseEmbedOrigins('   ', production)).toEqual({ origins: [], dropped: [] });
  });

  it.each([
    ['http://www.sofia.bg', 'not_https'],
    ['ftp://www.sofia.bg', 'not_https'],
    ['javascript:alert(1)', 'not_https'],
    ['www.sofia.bg', 'not_a_url'],
    ["'self'", 'not_a_url'],
    ['*', 'not_a_url'],
    ['https://www.sofia.bg/lookup', 'not_an_origin'],
    ['https://www.sofia.bg/?x=1', 'not_an_origin'],
    ['https://www.sofia.bg/#top', 'not_an_origin'],
    ['https://www.sofia.bg?', 'not_an_origin'],
    ['https://user:secret@www.sofia.bg', 'not_an_origin'],
    ['https://*.sofia.bg', 'bad_host'],
    ['https://sofia.bg;script-src', 'bad_host'],
    ["https://sofia.bg'", 'bad_host'],
    ['https://sofia.bg,evil.example', 'bad_host'],
    ['https://sofia.bg,https://evil.example', 'not_an_origin'],
    ['https://-sofia.bg', 'bad_host'],
  ])('drops %s (%s)', (entry, reason) => {
    expect(parseEmbedOrigins(`https://ok.example ${entry}`, production)).toEqual({ origins: ['https://ok.example'], dropped: [reason] });
  });

  it('allows http only on loopback and only for local development and tests', () => {
    const loopback = 'http://127.0.0.1:4173 http://localhost:8080 http://[::1]:3000';
    expect(parseEmbedOrigins(loopback, local).origins).toEqual(['http://127.0.0.1:4173', 'http://localhost:8080', 'http://[::1]:3000']);
    expect(parseEmbedOrigins(loopback, production)).toEqual({ origins: [], dropped: ['not_https', 'not_https', 'not_https'] });
    expect(parseEmbedOrigins('http://10.0.0.5:8080 http://localhost.example', local).dropped).toEqual(['not_https', 'not_https']);
  });

  it('keeps internationalised domains as the punycode the CSP needs', () => {
    expect(parseEmbedOrigins('https://софия.бг', production).origins).toEqual(['https://xn--h1alin0d.xn--90ae']);
  });

  describe('from the Worker’s env', () => {
    afterEach(() => vi.restoreAllMocks());

    it('logs dropped entries by count and reason, never the entries, once per value', () => {
      const log = vi.spyOn(console, 'error').mockImplementation(() => {});
      const env = { ENVIRONMENT: 'production', EMBED_ORIGINS: 'https://www.sofia.bg http://secret-host.example https://other.example/path' };
      expect(embedOrigins(env)).toEqual(['https://www.sofia.bg']);
      expect(embedOrigins(env)).toEqual(['https://www.sofia.bg']);
      expect(log).toHaveBeenCalledTimes(1);
      const line = String(log.mock.calls[0]![0]);
      expect(line).toContain('EMBED_ORIGINS: 2 entries dropped (not_https, not_an_origin)');
      expect(line).not.toMatch(/secret-host|other\.example|sofia/);
    });

    it('allows loopback http under ENVIRONMENT=development or test, not in production', () => {
      vi.spyOn(console, 'error').mockImplementation(() => {});
      expect(embedOrigins({ ENVIRONMENT: 'development', EMBED_ORIGINS: 'http://127.0.0.1:4173' })).toEqual(['http://127.0.0.1:4173']);
      expect(embedOrigins({ ENVIRONMENT: 'test', EMBED_ORIGINS: 'http://127.0.0.1:4173' })).toEqual(['http://127.0.0.1:4173']);
      expect(embedOrigins({ ENVIRONMENT: 'production', EMBED_ORIGINS: 'http://127.0.0.1:4173' })).toEqual([]);
      expect(embedOrigins({ EMBED_ORIGINS: 'http://127.0.0.1:4173' })).toEqual([]);
      expect(embedOrigins({})).toEqual([]);
    });
  });
});
