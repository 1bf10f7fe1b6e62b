import type { Locale } from './core/i18n';
import type { LimitName } from './http/limiters';

/** Workers Rate Limiting: `<NAME>_LIMITER` for each limit of LIMITERS (functions/http/limiters.ts). */
type LimiterBindings = { [Name in LimitName as `${Name}_LIMITER`]: RateLimit };

/** Local development only: `<NAME>_RATE_LIMIT`, another limit for the in-memory limiter (the load benchmark raises them). */
type LimitOverrides = { [Name in LimitName as `${Name}_RATE_LIMIT`]?: string };

/** The Worker's bindings, as wrangler.toml declares them. */
export interface Bindings extends LimiterBindings, LimitOverrides {
  DB: D1Database;
  /** Secret: the HMAC key of the register (personal numbers are stored only as HMACs under it). */
  LOOKUP_KEY: string;
  /** Secret: encrypts personal data (report details and contacts; mobile-box requests next). */
  DATA_KEY: string;
  /** Secret, only while a DATA_KEY rotation runs: the key before the current one. */
  DATA_KEY_PREVIOUS?: string;
  /**
   * Secret: the SMS gateway's auth token, which signs each inbound text message
   * (functions/sms/auth-token.ts). Without it `POST /api/sms/inbound` answers 503 outside local
   * development.
   */
  SMS_AUTH_TOKEN?: string;
  /** Secret: the pepper of staff passwords and recovery codes (HMAC-SHA-256 before PBKDF2; functions/staff/passwords.ts). */
  STAFF_PEPPER: string;
  /** Var: the Cloudflare Access team domain (`<team>.cloudflareaccess.com`); with ACCESS_AUD it turns the Access check on (functions/http/access.ts). */
  ACCESS_TEAM_DOMAIN?: string;
  /** Var: the Application Audience (AUD) tag of the Access application in front of the staff area. */
  ACCESS_AUD?: string;
  /** Local development and tests only: serves the Access signing keys instead of the team domain. */
  ACCESS_CERTS?: Fetcher;
  /** Secret: Cloudflare Turnstile is on when it and TURNSTILE_SITE_KEY are both set (one without the other: 503 `misconfigured`). */
  TURNSTILE_SECRET?: string;
  TURNSTILE_SITE_KEY?: string;
  /** Local development and tests only: a fake siteverify (the test pool binds one). */
  TURNSTILE_VERIFIER?: Fetcher;
  /**
   * Var: the origins that may frame the embeddable lookup (`/<locale>/embed/lookup/`),
   * space-separated https origins (functions/http/embed-origins.ts). Empty: none may.
   */
  EMBED_ORIGINS?: string;
  /** The e-mail address the accessibility statement gives for barrier reports (wrangler.toml [vars]; read when the site is built). */
  ACCESSIBILITY_CONTACT?: string;
  /** The privacy notice's controller: name, address and how to write to them (wrangler.toml [vars]; read when the site is built). */
  PRIVACY_CONTROLLER?: string;
  /** The privacy notice's data protection officer and how to reach them (wrangler.toml [vars]; read when the site is built). */
  PRIVACY_DPO?: string;
  /** The privacy notice's legal basis, in the operator's words; empty: the default sentence citing the Electoral Code duty. */
  PRIVACY_LEGAL_BASIS?: string;
  /** `production` (wrangler.toml), `development` (.dev.vars) or `test`: only the last two allow local conveniences. */
  ENVIRONMENT?: string;
  /** Local development only: `memory` uses the in-isolate limiter instead of the bindings. */
  RATE_LIMIT_MODE?: string;
  /** Local development and tests only: the time rules are judged at (an ISO date-time). */
  NOW?: string;
  /** Seconds Cloudflare's edge and browsers keep public station answers (functions/http/edge-cache.ts); 300 unless set, 0 turns it off. */
  PUBLIC_CACHE_SECONDS?: string;
}

declare global {
  namespace Cloudflare {
    /** `import { env } from 'cloudflare:workers'` is typed with our bindings, no casts. */
    interface Env extends Bindings {}
  }
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: { locale: Locale; language: string };
}
