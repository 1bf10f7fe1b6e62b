import { env } from 'cloudflare:workers';
import { app } from '#functions/app';

/** Sends a request to the API inside workerd with the real D1 bindings (or overrides). */
export function api(path: string, init: RequestInit = {}, bindings: Partial<Cloudflare.Env> = {}) {
  return app.request(path, init, { ...env, ...bindings });
}

/**
 * Rate limits count in one-minute windows aligned to the clock: a burst that straddles a
 * minute would be counted in two windows. Tests that count a burst start it with at least
 * 10 s of the window left.
 */
export async function startOfSteadyWindow(): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 50_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 200));
}

/**
 * The test D1, counting the statements prepared on it (`prepared` since the last `reset`),
 * on the binding itself and on every session opened from it (the lookup paths use sessions).
 */
export function countingDatabase() {
  let prepared = 0;
  const counting = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(on, property, receiver) {
        if (property === 'prepare') prepared++;
        const value = Reflect.get(on, property, receiver) as unknown;
        if (typeof value !== 'function') return value;
        const bound = (value as (...args: unknown[]) => unknown).bind(on);
        return property === 'withSession' ? (...args: unknown[]) => counting(bound(...args) as object) : bound;
      },
    });
  const db = counting(env.DB);
  return {
    db,
    get prepared() {
      return prepared;
    },
    reset() {
      prepared = 0;
    },
  };
}

let tables: string[] | undefined;
/** The row count of every table of the test D1 (ours, not D1's own), in one statement. */
export async function tableRowCounts(): Promise<Record<string, number>> {
  if (!tables) {
    const found = await env.DB.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations' ORDER BY name",
    ).all<{ name: string }>();
    tables = found.results.map((row) => row.name);
  }
  const row = await env.DB.prepare(`SELECT ${tables.map((table, i) => `(SELECT count(*) FROM "${table}") AS t${i}`).join(', ')}`).first<
    Record<string, number>
  >();
  return Object.fromEntries(tables.map((table, i) => [table, row![`t${i}`]!]));
}
