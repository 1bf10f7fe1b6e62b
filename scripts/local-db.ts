// Applies the migrations to a local D1, loads the demo data through the importer, then the demo
// staff accounts and mobile-box applications (scripts/seed/load-staff-demo.ts). Every step is
// idempotent, so a second start changes nothing. `persistTo` picks another local state folder
// (the browser tests use their own, so they never touch your data); the demo passwords are then
// kept in a file inside it instead of .dev.vars (scripts/seed/demo-staff.ts).
import { demoStaff, type DemoStaff } from './seed/demo-staff';
import { ensureDevVars } from './dev-vars';
import { run } from './env';

export { demoStaff };

/**
 * Brings a local D1 up to date with the demo data and accounts; returns the demo accounts with
 * their passwords.
 * @example const staff = await prepareLocalDatabase({ persistTo }); // staff[0].password
 */
export async function prepareLocalDatabase({ persistTo }: { persistTo?: string } = {}): Promise<DemoStaff[]> {
  ensureDevVars();
  const where = ['--local', ...(persistTo ? ['--persist-to', persistTo] : [])];
  const persist = persistTo ? ['--persist-to', persistTo] : [];
  // CI=true answers wrangler's confirmation prompt, which would block a non-interactive start.
  await run('wrangler', ['d1', 'migrations', 'apply', 'DB', ...where], { CI: 'true' });
  await run('tsx', ['scripts/seed/load-demo.ts', ...persist]);
  await run('tsx', ['scripts/seed/load-staff-demo.ts', ...persist]);
  return demoStaff({ persistTo });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await prepareLocalDatabase();
}
