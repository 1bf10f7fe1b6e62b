import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEmbedOrigins } from '#functions/http/embed-origins';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, SECURITY_HEADERS, withSecurityHeaders } from '#functions/http/security-headers';

function parseHeadersFile(text: string): Map<string, Record<string, string>> {
  const rules = new Map<string, Record<string, string>>();
  let current: Record<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = {};
      rules.set(line.trim(), current);
    } else if (current) {
      const at = line.indexOf(':');
      current[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}

describe('security headers', () => {
  it('public/_headers gives every static asset the same headers as the Worker', () => {
    const rules = parseHeadersFile(readFileSync('public/_headers', 'utf8'));
    expect(rules.get('/*')).toEqual(SECURITY_HEADERS);
  });

  it('the policy forbids inline scripts and framing, and allows geolocation on this origin only', () => {
    const csp = SECURITY_HEADERS['Content-Security-Policy'];
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(SECURITY_HEADERS['Permissions-Policy']).toMatch(/geolocation=\(self\)/);
  });

  it('can be set on a response whose headers are immutable', async () => {
    const immutable = Response.redirect('https://example.org/', 302);
    const secured = withSecurityHeaders(immutable);
    expect(secured.status).toBe(302);
    expect(secured.headers.get('location')).toBe('https://example.org/');
    expect(secured.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

const origins = (value: string) => parseEmbedOrigins(value, { allowLoopback: false }).origins;
const directives = (policy: string) => Object.fromEntries(policy.split('; ').map((d) => [d.slice(0, d.indexOf(' ')), d.slice(d.indexOf(' ') + 1)]));

describe('the policy of a framable page', () => {
  it('lists exactly the configured origins in frame-ancestors and changes nothing else', () => {
    const policy = contentSecurityPolicy({ frameAncestors: origins('https://www.sofia.bg https://bishkek.kg:8443') });
    expect(directives(policy)['frame-ancestors']).toBe('https://www.sofia.bg https://bishkek.kg:8443');
    expect(policy.replace('frame-ancestors https://www.sofia.bg https://bishkek.kg:8443', "frame-ancestors 'none'")).toBe(CONTENT_SECURITY_POLICY);
  });

  it('frames nowhere when no origin is configured', () => {
    expect(contentSecurityPolicy({ frameAncestors: [] })).toBe(CONTENT_SECURITY_POLICY);
    expect(directives(contentSecurityPolicy({ frameAncestors: origins('http://www.sofia.bg *') }))['frame-ancestors']).toBe("'none'");
  });

  it('keeps the Turnstile allowances and the frame-ancestors together', () => {
    const policy = directives(contentSecurityPolicy({ turnstile: true, frameAncestors: origins('https://www.sofia.bg') }));
    expect(policy['script-src']).toBe("'self' 'wasm-unsafe-eval' https://challenges.cloudflare.com");
    expect(policy['frame-src']).toBe('https://challenges.cloudflare.com');
    expect(policy['frame-ancestors']).toBe('https://www.sofia.bg');
  });
});

describe('withSecurityHeaders', () => {
  const page = (headers: Record<string, string> = {}) => new Response('<!doctype html>', { headers: { 'content-type': 'text/html', ...headers } });

  it('gives an ordinary page every header, X-Frame-Options: DENY and frame-ancestors none', () => {
    const secured = withSecurityHeaders(page());
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(secured.headers.get(name), name).toBe(value);
  });

  it('replaces any policy a page set itself, except the Turnstile one', () => {
    expect(
      withSecurityHeaders(page({ 'content-security-policy': "frame-ancestors *; script-src 'unsafe-inline'" })).headers.get('content-security-policy'),
    ).toBe(CONTENT_SECURITY_POLICY);
    expect(withSecurityHeaders(page({ 'content-security-policy': contentSecurityPolicy({ turnstile: true }) })).headers.get('content-security-policy')).toBe(
      contentSecurityPolicy({ turnstile: true }),
    );
  });

  it('lets a framable page be framed by the configured origins only, without X-Frame-Options', () => {
    const frameAncestors = origins('https://www.sofia.bg');
    const secured = withSecurityHeaders(page({ 'x-frame-options': 'DENY' }), { frameAncestors });
    expect(secured.headers.get('content-security-policy')).toBe(contentSecurityPolicy({ frameAncestors }));
    expect(secured.headers.has('x-frame-options')).toBe(false);
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      if (!/^(content-security-policy|x-frame-options)$/i.test(name)) expect(secured.headers.get(name), name).toBe(value);
  });

  it('keeps the Turnstile variant on a framable page and adds the frame-ancestors to it', () => {
    const frameAncestors = origins('https://www.sofia.bg');
    const secured = withSecurityHeaders(page({ 'content-security-policy': contentSecurityPolicy({ turnstile: true }) }), { frameAncestors });
    expect(secured.headers.get('content-security-policy')).toBe(contentSecurityPolicy({ turnstile: true, frameAncestors }));
  });

  it('a framable page with no origin configured frames nowhere, still without X-Frame-Options', () => {
    const secured = withSecurityHeaders(page(), { frameAncestors: [] });
    expect(directives(secured.headers.get('content-security-policy')!)['frame-ancestors']).toBe("'none'");
    expect(secured.headers.has('x-frame-options')).toBe(false);
  });
});
