/**
 * Headers every response carries, static or dynamic. `public/_headers` repeats them
 * for the static assets (Workers assets never wake the Worker); a unit test keeps
 * the two in step.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // Pagefind's search runs as WebAssembly; no inline script or eval is allowed.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'geolocation=(self), camera=(), microphone=(), payment=(), usb=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** Sets the security headers on a response whose headers may be immutable. */
export function withSecurityHeaders(response: Response): Response {
  let result = response;
  try {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) result.headers.set(name, value);
  } catch {
    result = new Response(response.body, response);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) result.headers.set(name, value);
  }
  return result;
}
