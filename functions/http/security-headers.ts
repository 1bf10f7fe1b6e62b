/**
 * Headers every response carries, static or dynamic. `public/_headers` repeats them
 * for the static assets (Workers assets never wake the Worker); a unit test keeps
 * the two in step.
 */
import type { EmbedOrigin } from './embed-origins';

const TURNSTILE = 'https://challenges.cloudflare.com';

export interface PolicyOptions {
  /** Only the pages that carry the Turnstile widget allow its script and frame. */
  turnstile?: boolean;
  /** Who may frame the page: origins parsed from EMBED_ORIGINS (the embeddable lookup only). None: `'none'`. */
  frameAncestors?: readonly EmbedOrigin[];
}

/**
 * The Content-Security-Policy. With `turnstile`, only the pages that carry the Turnstile widget
 * also allow its script and frame from challenges.cloudflare.com, and nothing else. With
 * `frameAncestors`, the listed origins may frame the page; an empty list frames nowhere.
 *
 * @example contentSecurityPolicy({ frameAncestors: parseEmbedOrigins('https://www.sofia.bg', { allowLoopback: false }).origins })
 */
export function contentSecurityPolicy(options: PolicyOptions = {}): string {
  const ancestors = options.frameAncestors?.length ? options.frameAncestors.join(' ') : "'none'";
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
    `frame-ancestors ${ancestors}`,
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

/** Who may frame a response: decided by the caller from the path and the configuration, never by the page. */
export interface Framing {
  frameAncestors: readonly EmbedOrigin[];
}

/**
 * Sets the security headers on a response whose headers may be immutable. The policy is always
 * built here: a page may only ask for the Turnstile variant (by setting exactly that policy,
 * which the widget's component does), and anything else it set is replaced. With `framing`,
 * the policy's `frame-ancestors` lists those origins and X-Frame-Options is left out: a
 * browser that applies it as well as the CSP would refuse every host with DENY.
 *
 * @example withSecurityHeaders(response, isEmbedPath(path) ? { frameAncestors: embedOrigins(env) } : undefined)
 */
export function withSecurityHeaders(response: Response, framing?: Framing): Response {
  const turnstile = response.headers.get('Content-Security-Policy') === contentSecurityPolicy({ turnstile: true });
  const policy = contentSecurityPolicy({ turnstile, frameAncestors: framing?.frameAncestors ?? [] });
  const apply = (target: Response) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) target.headers.set(name, value);
    target.headers.set('Content-Security-Policy', policy);
    if (framing) target.headers.delete('X-Frame-Options');
    return target;
  };
  try {
    return apply(response);
  } catch {
    return apply(new Response(response.body, response));
  }
}
