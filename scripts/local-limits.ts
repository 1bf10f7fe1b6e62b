// The rate limits of local runs (npm start, the benchmarks, the load test, the browser tests and
// the costs bench): the in-memory limiter, exact under `wrangler dev`'s one isolate, with some
// limits raised where one client sends everything. A deployed Worker ignores these vars
// (functions/http/rate-limit.ts: limiterFor). The names come from wrangler.toml's [[ratelimits]].
// The vitest configs load this file as it is: no `#` alias but for types, file extensions written.
import type { LimitName } from '#functions/http/rate-limit';
import { readWranglerToml } from './wrangler-toml.ts';

/** Requests a minute, by limiter; the limiters not named keep wrangler.toml's limits. */
export type RaisedLimits = Partial<Record<LimitName, number>>;

/** The limiters wrangler.toml declares (`LOOKUP` for `LOOKUP_LIMITER`). */
function declaredLimiters(): string[] {
  return readWranglerToml().ratelimits.map((binding) => binding.name.replace(/_LIMITER$/, ''));
}

/** `limit` for each of `names`, or for every limiter wrangler.toml declares. */
export function sameLimit(limit: number, names?: readonly LimitName[]): RaisedLimits {
  return Object.fromEntries((names ?? declaredLimiters()).map((name) => [name, limit]));
}

/**
 * The vars that give a local server the in-memory limiter with these limits raised.
 * @example localLimitVars({ LOOKUP: 200 }) // { RATE_LIMIT_MODE: 'memory', LOOKUP_RATE_LIMIT: '200' }
 */
export function localLimitVars(raised: RaisedLimits = {}): Record<string, string> {
  const declared = new Set(declaredLimiters());
  const vars: Record<string, string> = { RATE_LIMIT_MODE: 'memory' };
  for (const [name, limit] of Object.entries(raised)) {
    if (limit === undefined) continue;
    if (!declared.has(name)) throw new Error(`${name}_LIMITER is not in wrangler.toml's [[ratelimits]]`);
    vars[`${name}_RATE_LIMIT`] = String(limit);
  }
  return vars;
}
