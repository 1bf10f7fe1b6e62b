import type { Locale } from './i18n';

/** The Worker's bindings, as wrangler.toml declares them. */
export interface Bindings {
  DB: D1Database;
  /** Secret: HMAC key for personal numbers and the root of the AES key for report contacts. */
  LOOKUP_KEY: string;
  /** Workers Rate Limiting: personal-number lookups per client. */
  LOOKUP_LIMITER: RateLimit;
  /** Workers Rate Limiting: problem reports per client. */
  REPORT_LIMITER: RateLimit;
  /** `memory` under wrangler dev: the in-isolate limiter instead of the bindings. */
  RATE_LIMIT_MODE?: string;
  /** Raise the in-memory limits (load benchmarks only). */
  LOOKUP_RATE_LIMIT?: string;
  REPORT_RATE_LIMIT?: string;
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
