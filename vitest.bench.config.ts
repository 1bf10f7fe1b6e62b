import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { workerdCompatibility } from './scripts/wrangler-toml.ts';

// `npm run bench:routes` (scripts/bench/bench-routes.ts) runs test/bench/ inside workerd, as the API
// tests run. NODE_CLOCK answers with Node's performance.now(): a clock outside workerd, which
// no Spectre mitigation holds still, to check workerd's own clock against.
export default defineConfig({
  // The #core, #functions, #db… aliases of tsconfig.json.
  resolve: { tsconfigPaths: true },
  plugins: [
    cloudflareTest({
      miniflare: {
        ...workerdCompatibility(),
        serviceBindings: { NODE_CLOCK: () => new Response(String(performance.now())) },
      },
    }),
  ],
  test: {
    name: 'bench',
    include: ['test/bench/**/*.bench.ts'],
    testTimeout: 600_000,
  },
});
