import { defineConfig } from 'vitest/config';

// Command-line tools against a real local D1: each test file starts wrangler itself, so
// this tier runs apart from the fast unit tests.
export default defineConfig({
  test: {
    name: 'cli',
    include: ['test/cli/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
