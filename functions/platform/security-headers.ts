/**
 * Headers every response carries, static or dynamic. `public/_headers` repeats them
 * for the static assets (Workers assets never wake the Worker); a unit test keeps
 * the two in step.
 */
const TURNSTILE = 'https://challenges.cloudflare.com';

/**
 * The Content-Security-Policy. With `turnstile`, only the pages that carry the Turnstile widget
 * also allow its script and frame from challenges.cloudflare.com, and nothing else.
 */
export function contentSecurityPolicy(options: { turnstile?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // Pagefind's search runs as WebAssembly; no inline script or eval is allowed.
    `script-src 'self' 'wasm-unsafe-eval'${options.turnstile ? ` ${TURNSTILE}` : ''}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    ...(options.turnstile ? [`frame-src ${TURNSTILE}`] : []),
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'geolocation=(self), camera=(), microphone=(), payment=(), usb=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/**
 * Sets the security headers on a response whose headers may be immutable. A page that carries
 * the Turnstile widget has set the one policy that allows it; every other page gets ours.
 */
export function withSecurityHeaders(response: Response): Response {
  const keepPolicy = response.headers.get('Content-Security-Policy') === contentSecurityPolicy({ turnstile: true });
  const apply = (target: Response) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) if (!(keepPolicy && name === 'Content-Security-Policy')) target.headers.set(name, value);
    return target;
  };
  try {
    return apply(response);
  } catch {
    return apply(new Response(response.body, response));
  }
}
