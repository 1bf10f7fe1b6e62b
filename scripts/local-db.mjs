// Applies the migrations to the local D1 that `wrangler dev` serves and loads the demo
// data. Both steps are idempotent, so a second start changes nothing.
import { run } from './env.mjs';
import { writeDemoSql } from '../db/seed/demo.mjs';

export async function prepareLocalDatabase() {
  // CI=true answers wrangler's confirmation prompt, which would block a non-interactive start.
  await run('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local'], { CI: 'true' });
  const file = await writeDemoSql();
  await run('wrangler', ['d1', 'execute', 'DB', '--local', `--file=${file}`], { CI: 'true' });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await prepareLocalDatabase();
}
