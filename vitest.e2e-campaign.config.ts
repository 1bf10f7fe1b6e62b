import { defineConfig } from 'vitest/config';

// Browser tests of a campaign added as data only: a build with the tests' invented election and
// municipalities (test/fixtures/content/), its own local D1 and server, after the main browser
// suite (npm run test:e2e runs this config second, so the two builds never share dist/).
export default defineConfig({
  // The #core, #functions, #db… aliases of tsconfig.json.
  resolve: { tsconfigPaths: true },
  test: {
    name: 'e2e-campaign',
    include: ['test/e2e/campaign/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['./test/e2e/campaign/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
