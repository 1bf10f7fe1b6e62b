// Creates the demo staff accounts and mobile-box applications in a local D1 (`npm start`, after
// load-demo.ts), once:
// - accounts with the same statements as `npm run user:add` (scripts/cli/accounts.ts), with
//   generated passwords printed this once and saved (demo-staff.ts says where);
// - applications through the application's code (demo-applications.ts), marked in app_meta.
// Both go to D1 in one batch (one wrangler run). A later run reads both in one query and
// changes nothing. An account whose saved password no
// longer opens it (reset by hand, or disabled) is left alone; remove its DEMO_PASSWORD_… line to
// get a new one on the next start.
import { parseArgs } from 'node:util';
import { districtById } from '#functions/mobile-box/districts';
import { generatePassword, hashPassword, verifyPassword } from '#functions/staff/passwords';
import { localSecret, readVars, setVars } from '#scripts/dev-vars';
import { accountStatements } from '#scripts/cli/accounts';
import { main, type CommandIo } from '#scripts/cli/command';
import { sqlValue, type D1 } from '#scripts/import/d1';
import { DEMO_APPLICATIONS_VERSION, demoApplicationStatements } from './demo-applications';
import { demoCampaign } from './demo-campaign';
import { DEMO_ACCOUNTS, demoPasswordsFile, type DemoAccount } from './demo-staff';

const META_KEY = 'demo_applications_version';

const label = (account: DemoAccount) => {
  const district = account.district ? districtById(demoCampaign(), account.district) : undefined;
  return district ? `district, ${district.name.en}${district.mobileSection ? '' : ' (no mobile section)'}` : account.role;
};

/**
 * Creates what is missing of the demo accounts (passwords kept in `passwordsFile`) and the demo
 * applications (sealed under `dataKey`); `log` tells what it did, new passwords included.
 */
export async function loadStaffDemo(db: D1, options: { dataKey: string; passwordsFile: string; log: (line: string) => void }): Promise<void> {
  const { passwordsFile, log } = options;
  type Account = { email: string; passwordHash: string; disabledAt: string | null };
  const emails = DEMO_ACCOUNTS.map((account) => sqlValue(account.email)).join(', ');
  const [accounts = [], meta = []] = (await db.batch([
    `SELECT email, password_hash AS passwordHash, disabled_at AS disabledAt FROM staff_users WHERE email IN (${emails});`,
    `SELECT value FROM app_meta WHERE key = ${sqlValue(META_KEY)};`,
  ])) as [Account[]?, { value: string }[]?];

  const now = new Date().toISOString();
  const writes: string[] = [];
  const newPasswords: Record<string, string> = {};
  const saved = readVars(passwordsFile);
  const shown: string[] = [];
  const notes: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const row = accounts.find((a) => a.email === account.email);
    const password = saved[account.passwordVar];
    if (row && password) {
      const reset = `remove ${account.passwordVar} from ${passwordsFile} for a new password at the next start`;
      if (row.disabledAt) notes.push(`${account.email} is disabled; left as it is (${reset}).`);
      else if (!(await verifyPassword(password, row.passwordHash)))
        notes.push(`${account.email} has another password than ${account.passwordVar}; left as it is (${reset}).`);
      continue;
    }
    // No saved password: a new one. A saved one whose account is gone (a wiped database): the same one again.
    const chosen = password ?? generatePassword();
    writes.push(
      ...accountStatements(
        {
          email: account.email,
          role: account.role,
          area: demoCampaign().area.id,
          district: account.district ?? null,
          passwordHash: await hashPassword(chosen),
        },
        now,
      ),
    );
    if (!password) {
      newPasswords[account.passwordVar] = chosen;
      shown.push(`  ${label(account).padEnd(40)} ${account.email.padEnd(32)} ${chosen}`);
    }
  }
  const applications = meta[0]?.value === DEMO_APPLICATIONS_VERSION ? [] : await demoApplicationStatements(options.dataKey);
  const mark = `INSERT INTO app_meta (key, value, updated_at) VALUES (${sqlValue(META_KEY)}, ${sqlValue(DEMO_APPLICATIONS_VERSION)}, ${sqlValue(now)}) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;`;
  const batch = [...writes, ...applications, ...(applications.length > 0 ? [mark] : [])];
  const results = batch.length > 0 ? await db.batch(batch) : [];
  const stored = results.slice(writes.length, writes.length + applications.length).flat().length;
  // Saved only once D1 has the accounts, so a failed start never leaves a password that opens nothing.
  if (Object.keys(newPasswords).length > 0) setVars(passwordsFile, newPasswords);

  if (shown.length > 0) log(`Demo staff accounts (passwords shown only this once; saved in ${passwordsFile} as DEMO_PASSWORD_…):\n${shown.join('\n')}`);
  else log(`Demo staff accounts: ${DEMO_ACCOUNTS.map((a) => a.email).join(', ')}; their passwords are in ${passwordsFile} (DEMO_PASSWORD_…).`);
  for (const note of notes) log(`  ${note}`);
  log(
    applications.length > 0
      ? `demo mobile-box applications: ${stored} requests for ${demoCampaign().election.id} (version ${DEMO_APPLICATIONS_VERSION})`
      : `demo mobile-box applications version ${DEMO_APPLICATIONS_VERSION} are already stored`,
  );
}

/** `tsx scripts/seed/load-staff-demo.ts [--persist-to DIR]`: always the local D1. */
export async function loadStaffDemoCommand(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({ args, options: { 'persist-to': { type: 'string' } } });
  const persistTo = values['persist-to'];
  await loadStaffDemo(io.d1({ remote: false, persistTo }), {
    dataKey: io.env.DATA_KEY ?? (localSecret('DATA_KEY') as string),
    passwordsFile: demoPasswordsFile(persistTo),
    log: io.out,
  });
  return 0;
}

await main(import.meta.url, loadStaffDemoCommand);
