import type { D1Migration } from 'cloudflare:test';
import type { Bindings } from '#functions/env';

declare global {
  namespace Cloudflare {
    interface Env extends Bindings {
      EMPTY_DB: D1Database;
      TEST_MIGRATIONS: D1Migration[];
      FUZZ_SEED: string;
      /** The private key (JWK) of the test Access team (vitest.api.config.ts). */
      ACCESS_TEST_PRIVATE_KEY: string;
    }
  }
}
