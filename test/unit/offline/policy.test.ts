import { describe, expect, it } from 'vitest';
import { KEEP_LIMIT, markOfflineCopy, mayStore, pathsToKeep, registersWorker, strategyFor, type ResponseFacts } from '#site/offline/policy';

const ORIGIN = 'https://voterdesk.example';
const get = (path: string) => ({ method: 'GET', url: `${ORIGIN}${path}` });
const page: ResponseFacts = {
  status: 200,
  type: 'basic',
  redirected: false,
  cacheControl: 'public, max-age=0, must-revalidate',
  contentType: 'text/html; charset=utf-8',
};
const asset: ResponseFacts = { ...page, contentType: 'text/javascript' };

describe('what the service worker answers', () => {
  it.each([
    ['/bg/', 'network-first'],
    ['/en/guides/', 'network-first'],
    ['/kk/guides/kazakhstan-2026-absentee-certificates/', 'network-first'],
    ['/ru/lookup/', 'network-first'],
    ['/ky/mobile-ballot-box/', 'network-first'],
    ['/_astro/guide.B1c2D3e4.js', 'cache-first'],
    ['/_astro/Base.Xy12_ab.css', 'cache-first'],
  ])('keeps %s (%s)', (path, strategy) => {
    expect(strategyFor(get(path), ORIGIN)).toBe(strategy);
  });

  it.each([
    // Answers with personal data: lookups, the status page, the application's steps, staff pages.
    '/en/lookup/result/',
    '/en/lookup/address/',
    '/en/lookup/report/',
    '/bg/mobile-ballot-box/check/',
    '/bg/mobile-ballot-box/print/',
    '/bg/mobile-ballot-box/confirm/',
    '/bg/mobile-ballot-box/status/',
    '/bg/admin/',
    '/bg/admin/requests/12',
    '/en/admin/sections/3/print/',
    '/en/embed/lookup/',
    // The API, personal or not.
    '/api/lookup',
    '/api/stations/1',
    '/api/stations/settlements',
    '/api/mobile-box-requests/districts',
    '/api/health',
    '/api/openapi.json',
    // Anything else, and kept pages with a query (it could hold what someone typed).
    '/',
    '/en/search/',
    '/en/developers/',
    '/en/developers/staff/',
    '/pagefind/pagefind.js',
    '/sw.js',
    '/bg/lookup/?idNumber=3603065804',
    '/bg/guides/bulgaria-2024-elections/?q=1',
    '/bg/lookup',
  ])('does not touch GET %s', (path) => {
    expect(strategyFor(get(path), ORIGIN)).toBe('pass');
  });

  it('does not touch a POST, even to a kept page, nor another origin', () => {
    expect(strategyFor({ method: 'POST', url: `${ORIGIN}/bg/mobile-ballot-box/` }, ORIGIN)).toBe('pass');
    expect(strategyFor({ method: 'POST', url: `${ORIGIN}/en/lookup/result/` }, ORIGIN)).toBe('pass');
    expect(strategyFor({ method: 'HEAD', url: `${ORIGIN}/bg/` }, ORIGIN)).toBe('pass');
    expect(strategyFor({ method: 'GET', url: 'https://challenges.cloudflare.com/bg/lookup/' }, ORIGIN)).toBe('pass');
  });
});

describe('what it may store', () => {
  it('a kept page answered 200 as HTML by our origin, and a hashed file', () => {
    expect(mayStore(get('/en/lookup/'), page, ORIGIN)).toBe(true);
    expect(mayStore(get('/bg/mobile-ballot-box/'), { ...page, cacheControl: 'no-cache' }, ORIGIN)).toBe(true);
    expect(mayStore(get('/_astro/guide.B1c2D3e4.js'), asset, ORIGIN)).toBe(true);
    expect(mayStore(get('/en/'), { ...page, cacheControl: null }, ORIGIN)).toBe(true);
  });

  it.each([
    ['no-store', 'no-store'],
    ['private, no-store', 'private, no-store'],
    ['private', 'private'],
    ['private with a field list', 'private="set-cookie", max-age=60'],
    ['upper case', 'No-Store'],
    ['after other directives', 'max-age=0,no-store'],
  ])('never what says %s', (_label, cacheControl) => {
    expect(mayStore(get('/bg/mobile-ballot-box/'), { ...page, cacheControl }, ORIGIN)).toBe(false);
    expect(mayStore(get('/_astro/guide.B1c2D3e4.js'), { ...asset, cacheControl }, ORIGIN)).toBe(false);
  });

  it('never an error, a redirect, an opaque or cross-origin answer, or a page that is not HTML', () => {
    expect(mayStore(get('/en/lookup/'), { ...page, status: 404 }, ORIGIN)).toBe(false);
    expect(mayStore(get('/en/lookup/'), { ...page, status: 503 }, ORIGIN)).toBe(false);
    expect(mayStore(get('/en/lookup/'), { ...page, status: 0, type: 'opaqueredirect' }, ORIGIN)).toBe(false);
    expect(mayStore(get('/en/lookup/'), { ...page, redirected: true }, ORIGIN)).toBe(false);
    expect(mayStore(get('/en/lookup/'), { ...page, type: 'cors' }, ORIGIN)).toBe(false);
    expect(mayStore(get('/en/lookup/'), { ...page, contentType: 'application/json' }, ORIGIN)).toBe(false);
  });

  it('never an address it does not keep, whatever the answer says', () => {
    for (const path of ['/api/stations/1', '/api/health', '/en/lookup/result/', '/bg/mobile-ballot-box/status/', '/bg/admin/']) {
      expect(mayStore(get(path), page, ORIGIN), path).toBe(false);
      expect(mayStore(get(path), { ...asset, contentType: 'application/json', cacheControl: 'public, max-age=300' }, ORIGIN), path).toBe(false);
    }
  });
});

describe('the pages that register it', () => {
  it('every public page, never a staff page or an embedded one', () => {
    for (const path of ['/', '/bg/', '/en/guides/bulgaria-2024-elections/', '/en/lookup/result/', '/bg/mobile-ballot-box/status/', '/ru/administration-guide/'])
      expect(registersWorker(path), path).toBe(true);
    for (const path of ['/bg/admin', '/bg/admin/', '/en/admin/login/', '/kk/admin/sections/2/print/', '/en/embed/lookup/', '/ky/embed'])
      expect(registersWorker(path), path).toBe(false);
  });
});

describe('a stored copy served offline', () => {
  it('is marked on its <html> element, once, and otherwise unchanged', () => {
    const html = '<!doctype html><html lang="bg" dir="ltr"><head></head><body><p>Copy of <html> text</p></body></html>';
    expect(markOfflineCopy(html)).toBe(
      '<!doctype html><html data-offline-copy lang="bg" dir="ltr"><head></head><body><p>Copy of <html> text</p></body></html>',
    );
  });
});

describe('the keep message of a first visit', () => {
  it('gives its paths once each, and only local paths', () => {
    expect(pathsToKeep({ type: 'keep', paths: ['/en/lookup/', '/_astro/a.js', '/_astro/a.js', 'https://evil.example/x', '//evil.example/x', 7] })).toEqual([
      '/en/lookup/',
      '/_astro/a.js',
    ]);
  });

  it('gives nothing for anything else, and at most KEEP_LIMIT paths', () => {
    for (const message of [null, 'keep', { type: 'store', paths: ['/en/'] }, { type: 'keep', paths: '/en/' }, { type: 'keep' }])
      expect(pathsToKeep(message)).toEqual([]);
    expect(pathsToKeep({ type: 'keep', paths: Array.from({ length: 100 }, (_, i) => `/_astro/${i}.js`) })).toHaveLength(KEEP_LIMIT);
  });
});
