import type { Locale } from './platform/locale';

/** The Worker's bindings, as wrangler.toml declares them. */
export interface Bindings {
  DB: D1Database;
  /** Secret: HMAC key for personal numbers and the root of the AES key for report contacts. */
  LOOKUP_KEY: string;
  /** Workers Rate Limiting: personal-number lookups per client. */
  LOOKUP_LIMITER: RateLimit;
  /** Workers Rate Limiting: problem reports per client. */
  REPORT_LIMITER: RateLimit;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: { locale: Locale };
}
