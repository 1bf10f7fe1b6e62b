import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS, withSecurityHeaders } from '../../../functions/platform/security-headers';

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
