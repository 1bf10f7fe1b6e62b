import { defineConfig } from 'vitest/config';

// Browser tests: one production build served by `wrangler dev` on 127.0.0.1 with its
// own local D1 (test/e2e/global-setup.ts), driven in Debian's Chromium.
export default defineConfig({
  // The #core, #functions, #db… aliases of tsconfig.json.
  resolve: { tsconfigPaths: true },
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.test.ts'],
    // The campaign added as data only has a build of its own (vitest.e2e-campaign.config.ts).
    exclude: ['test/e2e/campaign/**'],
    environment: 'node',
    globalSetup: ['./test/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
