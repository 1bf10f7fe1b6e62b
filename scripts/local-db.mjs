// Applies the migrations to a local D1 and loads the demo data through the importer. Both
// steps are idempotent, so a second start changes nothing. `persistTo` picks another local
// state folder (the browser tests use their own, so they never touch your data).
import { ensureDevVars } from './dev-vars.mjs';
import { run } from './env.mjs';

export async function prepareLocalDatabase({ persistTo } = {}) {
  ensureDevVars();
  const where = ['--local', ...(persistTo ? ['--persist-to', persistTo] : [])];
  // CI=true answers wrangler's confirmation prompt, which would block a non-interactive start.
  await run('wrangler', ['d1', 'migrations', 'apply', 'DB', ...where], { CI: 'true' });
  await run('tsx', ['db/seed/load-demo.ts', ...(persistTo ? ['--persist-to', persistTo] : [])]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await prepareLocalDatabase();
}
