import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

// API tests run inside workerd against real local D1 databases: DB gets the
// migrations (test/api/setup.ts); EMPTY_DB never does, to show what happens when
// D1 cannot answer our queries.
export default defineConfig(async () => {
  const migrations = await readD1Migrations('./db/migrations');
  return {
    plugins: [
      cloudflareTest({
        miniflare: {
          compatibilityDate: '2026-10-19',
          compatibilityFlags: ['nodejs_compat'],
          d1Databases: ['DB', 'EMPTY_DB'],
          bindings: { TEST_MIGRATIONS: migrations, LOOKUP_KEY: 'test-lookup-key' },
          // Same limits as wrangler.toml; miniflare simulates Workers Rate Limiting.
          ratelimits: {
            LOOKUP_LIMITER: { namespace_id: '1001', simple: { limit: 10, period: 60 } },
            REPORT_LIMITER: { namespace_id: '1002', simple: { limit: 5, period: 60 } },
          },
        },
      }),
    ],
    test: {
      name: 'api',
      include: ['test/api/**/*.test.ts'],
      setupFiles: ['./test/api/setup.ts'],
    },
  };
});
