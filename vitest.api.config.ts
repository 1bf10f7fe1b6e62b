import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { fileURLToPath } from 'node:url';
import { exportJWK, generateKeyPair } from 'jose';
import { defineConfig } from 'vitest/config';
import { readWranglerToml, workerdCompatibility } from './scripts/wrangler-toml.ts';

// API tests run inside workerd against real local D1 databases: DB gets the
// migrations (test/api/setup.ts); EMPTY_DB never does, to show what happens when
// D1 cannot answer our queries.
export default defineConfig(async () => {
  const migrations = await readD1Migrations('./db/migrations');
  const wrangler = readWranglerToml();
  // A stand-in for a Cloudflare Access team's signing keys (test/api/security/access.test.ts signs with the private one).
  const access = await generateKeyPair('RS256', { extractable: true });
  const accessPublic = { ...(await exportJWK(access.publicKey)), kid: 'test-access-key', alg: 'RS256', use: 'sig' };
  const accessPrivate = { ...(await exportJWK(access.privateKey)), kid: 'test-access-key', alg: 'RS256' };
  return {
    // The #core, #functions, #db… aliases of tsconfig.json.
    resolve: {
      tsconfigPaths: true,
      // The content the API tests run on: content/ plus an invented election and municipality (test/fixtures/content/).
      alias: [{ find: /^#functions\/elections\/content-files$/, replacement: fileURLToPath(new URL('./test/fixtures/content-files.ts', import.meta.url)) }],
    },
    plugins: [
      cloudflareTest({
        miniflare: {
          ...workerdCompatibility(wrangler),
          d1Databases: ['DB', 'EMPTY_DB'],
          // A stand-in for Cloudflare's Turnstile siteverify (used only when a test switches
          // Turnstile on): a token `ok:<action>:<hostname>` passes for that action and host,
          // `down` makes the verification unreachable, anything else fails.
          serviceBindings: {
            // Cloudflare Access's /cdn-cgi/access/certs for the test team (used only when a test sets ACCESS_TEAM_DOMAIN and ACCESS_AUD).
            async ACCESS_CERTS() {
              return Response.json({ keys: [accessPublic] });
            },
            async TURNSTILE_VERIFIER(request: Request) {
              const form = new URLSearchParams(await request.text());
              const token = form.get('response') ?? '';
              if (form.get('secret') !== '1x0000000000000000000000000000000AA')
                return Response.json({ success: false, 'error-codes': ['invalid-input-secret'] });
              if (token === 'down') return new Response('bad gateway', { status: 502 });
              const [kind, action, hostname] = token.split(':');
              return Response.json(kind === 'ok' ? { success: true, action, hostname } : { success: false, 'error-codes': ['invalid-input-response'] });
            },
          },
          bindings: {
            TEST_MIGRATIONS: migrations,
            ENVIRONMENT: 'test',
            // Off, so a test that changes D1 reads the change back; test/api/lookup/edge-cache.test.ts turns it on.
            PUBLIC_CACHE_SECONDS: '0',
            // Random bytes, as production keys are (`openssl rand -base64 32`): tests that run as production accept them.
            LOOKUP_KEY: 'xqutQxQ8BkQJcWmTTrXnIYf/eQDB5I5CbtOAKwbBFVA=',
            DATA_KEY: 'BucSnpI2e1AT8ZIW+VS9yiDvm04sVsOAo5qfhJfmr8w=',
            STAFF_PEPPER: 'NSf+xOzTdY/Fr0+NTfrh8ReOQUJzfXmCFA8Ukw6rYCY=',
            ACCESS_TEST_PRIVATE_KEY: JSON.stringify(accessPrivate),
            // The seed of test/api/fuzz/ (empty: its default); `FUZZ_SEED=123 npm run test:api` replays a run.
            FUZZ_SEED: process.env.FUZZ_SEED ?? '',
          },
          // The limits of wrangler.toml (read there, so the two cannot differ); miniflare
          // simulates Workers Rate Limiting.
          ratelimits: Object.fromEntries(wrangler.ratelimits.map((r) => [r.name, { namespace_id: r.namespace_id, simple: r.simple }])),
        },
      }),
    ],
    test: {
      name: 'api',
      include: ['test/api/**/*.test.ts'],
      // Two workerd runners at once (measured here: 113 s with one, 78 s with two).
      maxWorkers: 2,
      setupFiles: ['./test/api/setup.ts'],
      // Rate-limit bursts may first wait for a fresh one-minute window (test/api/helpers.ts).
      testTimeout: 30_000,
    },
  };
});
