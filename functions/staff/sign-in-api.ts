import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { clientBuckets } from '#functions/http/client';
import { BODY_ERRORS, errorResponses, jsonBody, jsonResponse, summary, validationHook } from '#functions/http/openapi';
import { rateLimit } from '#functions/http/rate-limit';
import { clock } from '#functions/platform/clock';
import { deviceLabel } from './device';
import { pendingOnly, type StaffEnv } from './guard';
import { logIn } from './login';
import { authenticationOptions, registerPasskey, registrationOptions, relyingParty, signInWithPasskey } from './passkeys';
import { emptyRequest, passkeyOptions, passkeyResponse, loginRequest, recoveryCode, signedIn, signInStep, totpCode, totpSetupAnswer } from './schemas';
import { signInWithRecoveryCode, signInWithTotp, totpSetup, type SignedIn } from './second-factor';
import { SESSION_COOKIE, type NewSession } from './sessions';

const tags = ['staff'];
const limited = rateLimit('LOGIN');
/** The statuses every step after the password can give. */
const STEP_ERRORS = [401, 429, 503] as const;

/** Sets the session cookie (HttpOnly, Secure, SameSite=Strict, Path=/, `__Host-`) for this session's lifetime. */
export function setSessionCookie(c: Context, session: NewSession, now: Date) {
  // Max-Age, not Expires: under a moved clock (NOW in development) an Expires date lies in the browser's past.
  const maxAge = Math.max(0, Math.round((session.expiresAt.getTime() - now.getTime()) / 1000));
  setCookie(c, SESSION_COOKIE, session.token, { path: '/', httpOnly: true, secure: true, sameSite: 'Strict', maxAge });
  c.header('Cache-Control', 'no-store');
}

const source = (c: Context) => ({ source: clientBuckets(c.req.raw.headers).narrow });

const loginRoute = createRoute({
  method: 'post',
  path: '/session',
  operationId: 'staffLogin',
  tags,
  summary: summary('developers.op.staffLogin'),
  description:
    'The first step of a sign-in. Sets the `__Host-vd-staff` cookie (HttpOnly, Secure, SameSite=Strict) of a session that can do nothing but finish the sign-in (10 minutes): every other staff route answers 401 with it. `next` says how: `enrol` a second factor (first sign-in), or give a `passkey` or a `totp` code. Ends the session the request came with. A wrong e-mail and a wrong password get the same 401. Throttled per account and source: after 5 failures, growing delays (429 with Retry-After); after 3 failures of an account, its sign-ins need Turnstile when it is on (403 `challenge_failed`).',
  middleware: [limited] as const,
  request: { body: jsonBody(loginRequest) },
  responses: { 200: jsonResponse(signInStep, 'The password is right: the next step.'), ...errorResponses(...BODY_ERRORS, 401, 403, 429, 503) },
});

const totpSetupRoute = createRoute({
  method: 'post',
  path: '/session/totp/setup',
  operationId: 'staffTotpSetup',
  tags,
  summary: summary('developers.op.staffTotpSetup'),
  description: 'Only while enrolling (`next: enrol`): the secret for an authenticator app. The same secret until the sign-in is finished or ends.',
  middleware: [limited, pendingOnly('enrol')] as const,
  request: { body: jsonBody(emptyRequest) },
  responses: { 200: jsonResponse(totpSetupAnswer, 'The secret, as an `otpauth://` URI.'), ...errorResponses(...BODY_ERRORS, ...STEP_ERRORS) },
});

const totpRoute = createRoute({
  method: 'post',
  path: '/session/totp',
  operationId: 'staffTotp',
  tags,
  summary: summary('developers.op.staffTotp'),
  description:
    'Finishes the sign-in with a code from the authenticator app (checked against the real clock, one 30-second step either way, each code once). While enrolling this enrols the app and answers the ten recovery codes, once. A new session cookie replaces the pending one. 5 wrong codes end the pending session.',
  middleware: [limited, pendingOnly('enrol', 'verify')] as const,
  request: { body: jsonBody(totpCode) },
  responses: { 200: jsonResponse(signedIn, 'Signed in.'), ...errorResponses(...BODY_ERRORS, ...STEP_ERRORS) },
});

const recoveryRoute = createRoute({
  method: 'post',
  path: '/session/recovery',
  operationId: 'staffRecovery',
  tags,
  summary: summary('developers.op.staffRecovery'),
  description: 'Finishes the sign-in with one of the ten recovery codes (enrolled accounts; each code once).',
  middleware: [limited, pendingOnly('verify')] as const,
  request: { body: jsonBody(recoveryCode) },
  responses: { 200: jsonResponse(signedIn, 'Signed in.'), ...errorResponses(...BODY_ERRORS, ...STEP_ERRORS) },
});

const registrationOptionsRoute = createRoute({
  method: 'post',
  path: '/session/passkey/registration/options',
  operationId: 'staffPasskeyRegistrationOptions',
  tags,
  summary: summary('developers.op.staffPasskeyRegistrationOptions'),
  description: 'Only while enrolling: the options for creating a passkey (`startRegistration` of @simplewebauthn/browser). Needs JavaScript; TOTP does not.',
  middleware: [limited, pendingOnly('enrol')] as const,
  request: { body: jsonBody(emptyRequest) },
  responses: { 200: jsonResponse(passkeyOptions, 'The creation options, with a new challenge.'), ...errorResponses(...BODY_ERRORS, ...STEP_ERRORS) },
});

const registrationRoute = createRoute({
  method: 'post',
  path: '/session/passkey/registration',
  operationId: 'staffPasskeyRegistration',
  tags,
  summary: summary('developers.op.staffPasskeyRegistration'),
  description:
    'Only while enrolling: the new passkey, checked against the challenge (user verification required). Enrols it and answers the ten recovery codes, once.',
  middleware: [limited, pendingOnly('enrol')] as const,
  request: { body: jsonBody(passkeyResponse) },
  responses: { 200: jsonResponse(signedIn, 'Signed in.'), ...errorResponses(...BODY_ERRORS, ...STEP_ERRORS) },
});

const authenticationOptionsRoute = createRoute({
  method: 'post',
  path: '/session/passkey/options',
  operationId: 'staffPasskeyOptions',
  tags,
  summary: summary('developers.op.staffPasskeyOptions'),
  description: 'The options for signing in with one of the account’s passkeys (`startAuthentication`).',
  middleware: [limited, pendingOnly('verify')] as const,
  request: { body: jsonBody(emptyRequest) },
  responses: { 200: jsonResponse(passkeyOptions, 'The request options, with a new challenge.'), ...errorResponses(...BODY_ERRORS, ...STEP_ERRORS) },
});

const authenticationRoute = createRoute({
  method: 'post',
  path: '/session/passkey',
  operationId: 'staffPasskey',
  tags,
  summary: summary('developers.op.staffPasskey'),
  description: 'Finishes the sign-in with the passkey’s answer to the challenge.',
  middleware: [limited, pendingOnly('verify')] as const,
  request: { body: jsonBody(passkeyResponse) },
  responses: { 200: jsonResponse(signedIn, 'Signed in.'), ...errorResponses(...BODY_ERRORS, ...STEP_ERRORS) },
});

function signedInAnswer(c: Context<StaffEnv>, done: SignedIn, now: Date) {
  setSessionCookie(c, done, now);
  const { token: _token, expiresAt: _expires, ...body } = done;
  return body;
}

/** /api/admin/session…: signing in, step by step (password, then a second factor or its enrolment). */
export const signInApi = new OpenAPIHono<StaffEnv>()
  .openapi(
    loginRoute,
    async (c) => {
      const now = clock(c.env);
      const { turnstileToken, ...credentials } = c.req.valid('json');
      const step = await logIn(
        c.env,
        credentials,
        {
          source: clientBuckets(c.req.raw.headers).narrow,
          device: deviceLabel(c.req.header('user-agent')),
          previousToken: getCookie(c, SESSION_COOKIE),
          turnstileToken,
          hostname: new URL(c.req.url).hostname,
          remoteIp: c.req.header('cf-connecting-ip') ?? null,
        },
        now,
      );
      setSessionCookie(c, step, now);
      return c.json({ next: step.next, methods: step.methods }, 200);
    },
    validationHook(loginRoute),
  )
  .openapi(totpSetupRoute, async (c) => c.json({ otpauthUri: (await totpSetup(c.env, c.get('pending'))).otpauthUri }, 200), validationHook(totpSetupRoute))
  .openapi(
    totpRoute,
    async (c) => {
      const now = clock(c.env);
      return c.json(signedInAnswer(c, await signInWithTotp(c.env, c.get('pending'), c.req.valid('json').code, source(c), now), now), 200);
    },
    validationHook(totpRoute),
  )
  .openapi(
    recoveryRoute,
    async (c) => {
      const now = clock(c.env);
      return c.json(signedInAnswer(c, await signInWithRecoveryCode(c.env, c.get('pending'), c.req.valid('json').code, source(c), now), now), 200);
    },
    validationHook(recoveryRoute),
  )
  .openapi(
    registrationOptionsRoute,
    async (c) => c.json({ options: { ...(await registrationOptions(c.env, c.get('pending'), relyingParty(c.req.url))) } }, 200),
    validationHook(registrationOptionsRoute),
  )
  .openapi(
    registrationRoute,
    async (c) => {
      const now = clock(c.env);
      const response = c.req.valid('json').response as RegistrationResponseJSON;
      return c.json(signedInAnswer(c, await registerPasskey(c.env, c.get('pending'), response, relyingParty(c.req.url), source(c), now), now), 200);
    },
    validationHook(registrationRoute),
  )
  .openapi(
    authenticationOptionsRoute,
    async (c) => c.json({ options: { ...(await authenticationOptions(c.env, c.get('pending'), relyingParty(c.req.url))) } }, 200),
    validationHook(authenticationOptionsRoute),
  )
  .openapi(
    authenticationRoute,
    async (c) => {
      const now = clock(c.env);
      const response = c.req.valid('json').response as AuthenticationResponseJSON;
      return c.json(signedInAnswer(c, await signInWithPasskey(c.env, c.get('pending'), response, relyingParty(c.req.url), source(c), now), now), 200);
    },
    validationHook(authenticationRoute),
  );
