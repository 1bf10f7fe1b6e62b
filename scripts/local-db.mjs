// Applies the migrations to a local D1 and loads the demo data. Both steps are
// idempotent, so a second start changes nothing. `persistTo` picks another local
// state folder (the browser tests use their own, so they never touch your data).
import { run } from './env.mjs';
import { writeDemoSql } from '../db/seed/demo.mjs';

export async function prepareLocalDatabase({ persistTo } = {}) {
  const where = ['--local', ...(persistTo ? ['--persist-to', persistTo] : [])];
  // CI=true answers wrangler's confirmation prompt, which would block a non-interactive start.
  await run('wrangler', ['d1', 'migrations', 'apply', 'DB', ...where], { CI: 'true' });
  const file = await writeDemoSql();
  await run('wrangler', ['d1', 'execute', 'DB', ...where, `--file=${file}`], { CI: 'true' });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await prepareLocalDatabase();
}
