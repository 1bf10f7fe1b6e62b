/**
 * Every limit, each a Workers Rate Limiting binding `<NAME>_LIMITER` in wrangler.toml's
 * [[ratelimits]]. `_WIDE` is per IPv6 /48, `_GLOBAL` is every client together (the ceiling on
 * personal-number lookups, on mobile-box applications and on text-message replies). `SMS` counts
 * per sender of a text message (an HMAC of the phone number, functions/sms/limits.ts). `STATIONS`
 * counts the address search and "near me"; `LOGIN` every step of a staff sign-in; `SERVICE` the
 * health check and the OpenAPI document.
 */
export const LIMITERS = [
  'LOOKUP',
  'LOOKUP_WIDE',
  'LOOKUP_GLOBAL',
  'REPORT',
  'REPORT_WIDE',
  'MOBILE_BOX',
  'MOBILE_BOX_WIDE',
  'MOBILE_BOX_GLOBAL',
  'SMS',
  'SMS_GLOBAL',
  'STATIONS',
  'STATIONS_WIDE',
  'LOGIN',
  'LOGIN_WIDE',
  'SERVICE',
  'SERVICE_WIDE',
] as const;
export type LimitName = (typeof LIMITERS)[number];
