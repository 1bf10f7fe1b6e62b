import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { database } from '#db/client';
import type { AppEnv, Bindings } from '#functions/env';
import { clock } from '#functions/platform/clock';
import { Forbidden, NotFound, Unauthenticated } from '#core/errors';
import { requireKey } from '#functions/platform/keys';
import { auditEntry, type AuditAction } from './audit';
import { pendingSession, type Pending } from './second-factor';
import { csrfMatches, readSession, SESSION_COOKIE, type SessionStage, type StaffSession } from './sessions';

export type StaffRole = StaffSession['user']['role'];
export type StaffEnv = {
  Bindings: AppEnv['Bindings'];
  Variables: AppEnv['Variables'] & { staff: StaffSession; staffToken: string; pending: Pending; pendingToken: string };
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Writes a refusal to the audit log (who and which route; never the request's values). */
export async function auditRefusal(env: Bindings, userId: number, action: Extract<AuditAction, 'csrf.refused' | 'scope.refused'>, route: string, now: Date) {
  await auditEntry(database(env.DB), userId, action, { route }, now, { outcome: 'refused' });
}

/**
 * The one check in front of every staff answer, for the Hono staff API and the Astro staff
 * pages alike: a signed-in session from the cookie (else Unauthenticated, 401 or the login page;
 * a sign-in without its second factor is no session here), the session's CSRF token on anything
 * that changes state (else Forbidden, 403), and one of the roles allowed (else NotFound: a wrong
 * role learns nothing, not even that the page exists). Both refusals are audited with the route.
 */
export async function guardStaff(
  env: Bindings,
  request: { method: string; token: string | undefined; csrf: string | undefined; route: string },
  roles: readonly StaffRole[],
): Promise<StaffSession> {
  const now = clock(env);
  const session = await readSession(database(env.DB), request.token, now);
  if (!session || !request.token) throw new Unauthenticated();
  if (!SAFE_METHODS.has(request.method) && !(await csrfMatches(requireKey(env, 'DATA_KEY'), request.token, request.csrf))) {
    await auditRefusal(env, session.user.id, 'csrf.refused', request.route, now);
    throw new Forbidden();
  }
  if (!roles.includes(session.user.role)) {
    await auditRefusal(env, session.user.id, 'scope.refused', request.route, now);
    throw new NotFound();
  }
  return session;
}

/** The route pattern of a request (`/api/admin/requests/:id`), for the audit log: never the values in it. */
export const routeOf = (c: { req: { routePath: string; method: string } }) => `${c.req.method} ${c.req.routePath}`;

/** guardStaff as Hono middleware: the session is `c.get('staff')`; answers are never cached. */
export const staffOnly =
  (...roles: StaffRole[]): MiddlewareHandler<StaffEnv> =>
  async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    c.header('Cache-Control', 'no-store');
    c.set('staff', await guardStaff(c.env, { method: c.req.method, token, csrf: c.req.header('x-csrf-token'), route: routeOf(c) }, roles));
    c.set('staffToken', token!);
    await next();
  };

/**
 * For the steps that finish a sign-in: a pending session (the password was right) in one of
 * these stages, as `c.get('pending')`; 401 otherwise, a signed-in session included. These steps
 * need no CSRF token: the cookie is SameSite=Strict and the API takes JSON only, which no other
 * site's form can send.
 */
export const pendingOnly =
  (...stages: Exclude<SessionStage, 'done'>[]): MiddlewareHandler<StaffEnv> =>
  async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    c.header('Cache-Control', 'no-store');
    c.set('pending', await pendingSession(c.env, token, stages, clock(c.env)));
    c.set('pendingToken', token!);
    await next();
  };
