import { defineConfig } from 'vitest/config';

// Command-line tools against a real local D1: each test file starts wrangler itself, so
// this tier runs apart from the fast unit tests.
export default defineConfig({
  // The #core, #functions, #db… aliases of tsconfig.json.
  resolve: { tsconfigPaths: true },
  test: {
    name: 'cli',
    include: ['test/cli/**/*.test.ts'],
    environment: 'node',
    // Each file waits on its own wrangler and tsx children: two files at once use both cores
    // (measured here: 355 s one at a time, 266 s two at a time).
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
