/**
 * Who may call what, in the OpenAPI document: the staff session cookie and the CSRF header as
 * security schemes, and a `security` requirement on every operation, by one rule that the route
 * table (test/api/security/route-table.test.ts) checks against what each route really does:
 * - public operations, and the first step of a staff sign-in: none (`security: []`);
 * - the steps that finish a sign-in: the (pending) session cookie;
 * - staff reads: the session cookie;
 * - staff changes: the session cookie and `X-CSRF-Token`.
 */
export const SECURITY_SCHEMES = {
  staffSession: {
    type: 'apiKey',
    in: 'cookie',
    name: '__Host-vd-staff',
    description:
      'The staff session cookie (HttpOnly, Secure, SameSite=Strict), set by `POST /api/admin/session`. Until the second factor is given it only opens the `/api/admin/session/…` steps that finish the sign-in.',
  },
  csrfToken: {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description: 'The `csrfToken` of the signed-in session (answered with `"next":"done"`), on every staff request that changes something.',
  },
} as const;

const SIGN_IN = '/api/admin/session';

/** The staff area's API: everything under /api/admin/ (a session, and CSRF for changes). */
export const isStaffPath = (path: string): boolean => path.startsWith('/api/admin/');
const SAFE = new Set(['get', 'head', 'options']);

export type SecurityRequirement = Partial<Record<keyof typeof SECURITY_SCHEMES, string[]>>;

/** The security requirement of an operation (`method` in lower case, as in the document). */
export function securityOf(path: string, method: string): SecurityRequirement[] {
  if (!isStaffPath(path)) return [];
  if (path === SIGN_IN && method === 'post') return [];
  if (path.startsWith(`${SIGN_IN}/`)) return [{ staffSession: [] }];
  return SAFE.has(method) ? [{ staffSession: [] }] : [{ staffSession: [], csrfToken: [] }];
}

type Document = { paths?: object; components?: object };

/** The document with the schemes and every operation's requirement. */
export function withSecurity<D extends Document>(document: D): D {
  const paths = Object.fromEntries(
    Object.entries((document.paths ?? {}) as Record<string, Record<string, object>>).map(([path, item]) => [
      path,
      Object.fromEntries(Object.entries(item).map(([method, operation]) => [method, { ...operation, security: securityOf(path, method) }])),
    ]),
  );
  return { ...document, paths, components: { ...document.components, securitySchemes: SECURITY_SCHEMES } };
}
