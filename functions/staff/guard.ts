import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { database } from '#db/client';
import type { AppEnv, Bindings } from '#functions/env';
import { clock } from '#functions/platform/clock';
import { Forbidden, NotFound, Unauthenticated } from '#core/errors';
import { requireKey } from '#functions/platform/keys';
import { csrfMatches, readSession, SESSION_COOKIE, type StaffSession } from './sessions';

export type StaffRole = StaffSession['user']['role'];
export type StaffEnv = { Bindings: AppEnv['Bindings']; Variables: AppEnv['Variables'] & { staff: StaffSession; staffToken: string } };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one check in front of every staff answer, for the Hono staff API and the Astro staff
 * pages alike: a live session from the cookie (else Unauthenticated, 401 or the login page),
 * the session's CSRF token on anything that changes state (else Forbidden, 403), and one of
 * the roles allowed (else NotFound: a wrong role learns nothing, not even that the page exists).
 */
export async function guardStaff(
  env: Bindings,
  request: { method: string; token: string | undefined; csrf: string | undefined },
  roles: readonly StaffRole[],
): Promise<StaffSession> {
  const session = await readSession(database(env.DB), request.token, clock(env));
  if (!session || !request.token) throw new Unauthenticated();
  if (!SAFE_METHODS.has(request.method) && !(await csrfMatches(requireKey(env, 'DATA_KEY'), request.token, request.csrf))) throw new Forbidden();
  if (!roles.includes(session.user.role)) throw new NotFound();
  return session;
}

/** guardStaff as Hono middleware: the session is `c.get('staff')`; answers are never cached. */
export const staffOnly =
  (...roles: StaffRole[]): MiddlewareHandler<StaffEnv> =>
  async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    c.header('Cache-Control', 'no-store');
    c.set('staff', await guardStaff(c.env, { method: c.req.method, token, csrf: c.req.header('x-csrf-token') }, roles));
    c.set('staffToken', token!);
    await next();
  };
