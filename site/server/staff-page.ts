import type { AstroCookieSetOptions, AstroGlobal } from 'astro';
import { env } from 'cloudflare:workers';
import { LOCALES, translator, type Locale } from '#core/i18n';
import { Forbidden, NotFound, Unauthenticated, ValidationFailed } from '#core/errors';
import { readFormPost } from '#functions/http/form-post';
import { errorAnswer } from '#functions/http/http-errors';
import type { Campaign } from '#functions/mobile-box/campaign';
import { clock } from '#functions/platform/clock';
import { requireKey } from '#functions/platform/keys';
import { isEditable, staffCampaign, staffCampaigns } from '#functions/staff/campaign';
import { guardStaff, type StaffRole } from '#functions/staff/guard';
import { pendingSession, type Pending } from '#functions/staff/second-factor';
import { csrfTokenFor, SESSION_COOKIE, type StaffSession } from '#functions/staff/sessions';
import { pageLocale } from './form';

/** The hidden form field that carries the session's CSRF token (the API's `X-CSRF-Token`). */
export const CSRF_FIELD = 'csrf';
export const REVIEWERS = ['district', 'city'] as const satisfies readonly StaffRole[];
export const ANY_STAFF = ['district', 'city', 'police'] as const satisfies readonly StaffRole[];

/** The session cookie's attributes, exactly as the API sets them (functions/staff/api.ts). */
export const SESSION_COOKIE_OPTIONS = { path: '/', httpOnly: true, secure: true, sameSite: 'strict' } as const satisfies AstroCookieSetOptions;

/** Staff answers are personal: no cache keeps them and no search engine lists them. */
const PRIVATE_HEADERS = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex, nofollow' } as const;

export interface StaffPage {
  locale: Locale;
  t: ReturnType<typeof translator>;
  session: StaffSession;
  user: StaffSession['user'];
  /** This session's CSRF token, for the hidden `csrf` field of every form on the page. */
  csrf: string;
  /** The elections of the account's area, the most recent first. */
  campaigns: Campaign[];
  /** The election the page shows: `?election=`, else the current one (functions/staff/campaign.ts). */
  campaign: Campaign;
  /** False once that election is past its route hand-over deadline: read only. */
  editable: boolean;
  /** The time the rules are judged at. */
  now: Date;
}

/** `?election=<id>` for links that stay on a chosen election (nothing when it is the current one). */
export function electionQuery(page: Pick<StaffPage, 'campaign' | 'campaigns' | 'now' | 'user'>): string {
  const current = staffCampaign(page.user, undefined, page.now);
  return page.campaign.election.id === current.election.id ? '' : `?election=${encodeURIComponent(page.campaign.election.id)}`;
}

/** `/<locale>/admin/<rest>` */
export const adminPath = (locale: Locale, rest = '') => `/${locale}/admin/${rest}`;

const ADMIN_PATH = new RegExp(`^/(?:${LOCALES.join('|')})/admin(?:/[\\w-]+)*/?$`);

/** Where to go after signing in: a staff page of this site only (never another origin), never the sign-in or sign-out page. */
export function safeNext(value: string | null | undefined, locale: Locale): string {
  return value && ADMIN_PATH.test(value) && !/\/(?:login|logout)\/?$/.test(value) ? value : adminPath(locale);
}

/** The sign-in page, with the staff page to come back to (a path only: nothing personal goes into the URL). */
export function loginPath(locale: Locale, next?: string): string {
  const back = next ? safeNext(next, locale) : undefined;
  return adminPath(locale, 'login/') + (back && back !== adminPath(locale) ? `?next=${encodeURIComponent(back)}` : '');
}

/** Marks a rendered staff answer as private. */
export function privateAnswer(astro: AstroGlobal): void {
  for (const [name, value] of Object.entries(PRIVATE_HEADERS)) astro.response.headers.set(name, value);
}

/** 303 See Other (after a POST the browser GETs the new page). */
export const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location, ...PRIVATE_HEADERS } });

/** An empty 404, which Astro answers with the site's own 404 page: a wrong role learns nothing, not even that the page exists. */
export const staffNotFound = () => new Response(null, { status: 404, headers: PRIVATE_HEADERS });

/** The CSRF token a posted form carries, or a Response when the body cannot be read (415, 413: worded like the API). */
async function postedCsrf(astro: AstroGlobal, locale: Locale): Promise<string | undefined | Response> {
  try {
    // A copy of the body: the page's form helper reads the request itself afterwards.
    const copy = new Request(astro.request.url, { method: 'POST', headers: astro.request.headers, body: astro.request.clone().body });
    return (await readFormPost(copy)).get(CSRF_FIELD) ?? undefined;
  } catch (caught) {
    const answer = errorAnswer(caught, locale);
    return new Response(answer.body.error.message, { status: answer.status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...PRIVATE_HEADERS } });
  }
}

/**
 * The guard of every staff page: the same `guardStaff` as the staff API, with the cookie and,
 * on a POST, the form's hidden `csrf` field. Without a live session the page answers 303 to
 * the sign-in page (with this page as `next`); a wrong role or another district's record
 * answers the site's 404; a POST without its session's token answers 403. A Response means the
 * page answers with it as it is.
 *
 * @example const page = await staffPage(Astro, REVIEWERS); if (page instanceof Response) return page;
 */
export async function staffPage(astro: AstroGlobal, roles: readonly StaffRole[]): Promise<Response | StaffPage> {
  const locale = pageLocale(astro.params);
  if (!locale) return staffNotFound();
  privateAnswer(astro);
  const token = astro.cookies.get(SESSION_COOKIE)?.value;
  const method = astro.request.method;
  const csrf = method === 'POST' ? await postedCsrf(astro, locale) : undefined;
  if (csrf instanceof Response) return csrf;
  try {
    const session = await guardStaff(env, { method, token, csrf, route: `${method} ${astro.routePattern}` }, roles);
    const now = clock(env);
    const campaign = staffCampaign(session.user, astro.url.searchParams.get('election') ?? undefined, now);
    return {
      locale,
      t: translator(locale),
      session,
      user: session.user,
      csrf: await csrfTokenFor(requireKey(env, 'DATA_KEY'), token!),
      campaigns: staffCampaigns(session.user),
      campaign,
      editable: isEditable(campaign, now),
      now,
    };
  } catch (caught) {
    if (caught instanceof Unauthenticated) {
      // Half signed in (the password was right): on to the step that finishes the sign-in.
      const pending = token ? await pendingSession(env, token, ['enrol', 'verify'], clock(env)).catch(() => undefined) : undefined;
      if (pending) return seeOther(stepPath(locale, pending.stage, astro.url.pathname));
      // An ended session's cookie is of no more use.
      if (token) astro.cookies.delete(SESSION_COOKIE, SESSION_COOKIE_OPTIONS);
      return seeOther(loginPath(locale, astro.url.pathname));
    }
    // A wrong role, an election not of the account's area, or an area with no election at all.
    if (caught instanceof NotFound || caught instanceof ValidationFailed) return staffNotFound();
    if (caught instanceof Forbidden) return astro.rewrite(adminPath(locale, 'forbidden/'));
    throw caught;
  }
}

/** The sign-in step a pending session is at: the page that finishes it. */
export const stepPath = (locale: Locale, stage: Pending['stage'], next?: string) => {
  const back = next ? safeNext(next, locale) : undefined;
  return adminPath(locale, stage === 'enrol' ? 'enrol/' : 'verify/') + (back && back !== adminPath(locale) ? `?next=${encodeURIComponent(back)}` : '');
};

export interface PendingPage {
  locale: Locale;
  t: ReturnType<typeof translator>;
  pending: Pending;
  /** Where to go once signed in (a staff page of this site). */
  next: string;
}

/**
 * The guard of the pages that finish a sign-in (enrol, verify): a pending session in `stage`.
 * Without one (none, ended, or past its 10 minutes) the sign-in page, saying so; in the other
 * stage, that stage's page.
 */
export async function pendingPage(astro: AstroGlobal, stage: Pending['stage']): Promise<Response | PendingPage> {
  const locale = pageLocale(astro.params);
  if (!locale) return staffNotFound();
  privateAnswer(astro);
  const next = safeNext(astro.url.searchParams.get('next'), locale);
  const token = astro.cookies.get(SESSION_COOKIE)?.value;
  try {
    const pending = await pendingSession(env, token, ['enrol', 'verify'], clock(env));
    if (pending.stage !== stage) return seeOther(stepPath(locale, pending.stage, next));
    return { locale, t: translator(locale), pending, next };
  } catch (caught) {
    if (!(caught instanceof Unauthenticated)) throw caught;
    if (token) astro.cookies.delete(SESSION_COOKIE, SESSION_COOKIE_OPTIONS);
    return seeOther(`${loginPath(locale, next)}${loginPath(locale, next).includes('?') ? '&' : '?'}restart`);
  }
}
