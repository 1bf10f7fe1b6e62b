import { defineConfig } from 'vitest/config';

// The command-line tools: in-process on SQLite through their D1 interface, and each command
// once through wrangler against a local D1 (migrated once for the run by the global setup).
// Apart from the unit tests because of those wrangler runs.
export default defineConfig({
  // The #core, #functions, #db… aliases of tsconfig.json.
  resolve: { tsconfigPaths: true },
  test: {
    name: 'cli',
    include: ['test/cli/**/*.test.ts'],
    globalSetup: ['./test/cli/global-setup.ts'],
    environment: 'node',
    // The wrangler runs (one per command, in different files) wait on their children: two
    // files at once use both cores.
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
