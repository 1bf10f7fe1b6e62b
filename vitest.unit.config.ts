import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The #core, #functions, #db… aliases of tsconfig.json.
  resolve: { tsconfigPaths: true },
  test: {
    name: 'unit',
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // Both cores (measured here: 36 s with the default, 26 s with two workers).
    maxWorkers: 2,
  },
});
