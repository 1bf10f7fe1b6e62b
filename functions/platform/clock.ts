import { isLocalDevelopment } from './keys';

/**
 * The time rules are judged at: the server's clock. In local development and tests only, a
 * `NOW` setting (an ISO date-time, e.g. in .dev.vars) replaces it, so the 2024 campaign can be
 * tried today; a deployed Worker ignores it.
 *
 * @example clock({ ENVIRONMENT: 'development', NOW: '2024-05-20T10:00:00+03:00' }) // 20 May 2024, 07:00 UTC
 */
export function clock(env: { ENVIRONMENT?: string | undefined; NOW?: string | undefined }): Date {
  if (env.NOW && isLocalDevelopment(env)) {
    if (env.NOW !== parsed.text) parsed = { text: env.NOW, ms: new Date(env.NOW).getTime() };
    if (!Number.isNaN(parsed.ms)) return new Date(parsed.ms);
  }
  return new Date();
}

/** The last `NOW` read, parsed: every request of a local run reads the same one. */
let parsed = { text: '', ms: Number.NaN };
