// wrangler.toml, read for what runs outside the Worker and must agree with it: the test pools'
// compatibility date and flags and their simulated rate limits, and the local limit overrides
// (scripts/local-limits.ts). Imports no `#` alias: the vitest configs load it as it is.
import { readFileSync } from 'node:fs';
import { parse } from 'smol-toml';
import { z } from 'zod';

const wranglerToml = z.object({
  compatibility_date: z.string(),
  compatibility_flags: z.array(z.string()).default([]),
  ratelimits: z
    .array(
      z.object({
        name: z.string(),
        namespace_id: z.string(),
        // Workers Rate Limiting counts over 10 or 60 seconds.
        simple: z.object({ limit: z.number().int().positive(), period: z.union([z.literal(10), z.literal(60)]) }),
      }),
    )
    .default([]),
  d1_databases: z.array(z.object({ binding: z.string(), database_id: z.string().optional(), preview_database_id: z.string().optional() })).default([]),
  vars: z.record(z.string(), z.string()).default({}),
  workers_dev: z.boolean().optional(),
  preview_urls: z.boolean().optional(),
  observability: z
    .object({ enabled: z.boolean().optional(), logs: z.object({ enabled: z.boolean().optional(), invocation_logs: z.boolean().optional() }).optional() })
    .optional(),
});
export type WranglerToml = z.infer<typeof wranglerToml>;

export function readWranglerToml(path = 'wrangler.toml'): WranglerToml {
  return wranglerToml.parse(parse(readFileSync(path, 'utf8')));
}

/** The id under which `wrangler d1 execute --local` and `wrangler dev` keep a D1 binding's local database. */
export function localD1Id(binding = 'DB', config: WranglerToml = readWranglerToml()): string {
  const d1 = config.d1_databases.find((database) => database.binding === binding);
  if (!d1) throw new Error(`wrangler.toml has no D1 binding ${binding}`);
  return d1.preview_database_id ?? d1.database_id ?? d1.binding;
}

/** wrangler.toml's compatibility date and flags, as miniflare's options name them. */
export function workerdCompatibility(config: WranglerToml = readWranglerToml()): { compatibilityDate: string; compatibilityFlags: string[] } {
  return { compatibilityDate: config.compatibility_date, compatibilityFlags: config.compatibility_flags };
}
