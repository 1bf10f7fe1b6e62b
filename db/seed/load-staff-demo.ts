// Creates the demo staff accounts and mobile-box applications in a local D1 (`npm start`, after
// load-demo.ts), once:
// - accounts through `npm run user:add` itself (db/cli/user.ts, the password piped), with
//   generated passwords printed this once and saved (demo-staff.ts says where);
// - applications through the application's code (demo-applications.ts), marked in app_meta.
// A later run reads both in one query and changes nothing. An account whose saved password no
// longer opens it (reset by hand, or disabled) is left alone; remove its DEMO_PASSWORD_… line to
// get a new one on the next start.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { getElection } from '../../functions/elections/registry';
import { districtById } from '../../functions/mobile-box/districts';
import { generatePassword, verifyPassword } from '../../functions/staff/passwords';
import { localSecret, readVars, setVars } from '../../scripts/dev-vars.mjs';
import { offlineEnv } from '../../scripts/env.mjs';
import { executeStatements, sqlValue, type D1Target } from '../import/d1';
import { DEMO_APPLICATIONS_VERSION, DEMO_ELECTION, demoApplicationStatements } from './demo-applications';
import { DEMO_ACCOUNTS, demoPasswordsFile, type DemoAccount } from './demo-staff';

const META_KEY = 'demo_applications_version';
const { values } = parseArgs({ options: { 'persist-to': { type: 'string' } } });
const persistTo = values['persist-to'];
const target: D1Target = { remote: false, persistTo };
const passwordsFile = demoPasswordsFile(persistTo);

type Account = { email: string; passwordHash: string; disabledAt: string | null };
const emails = DEMO_ACCOUNTS.map((account) => sqlValue(account.email)).join(', ');
const [accounts = [], meta = []] = (await executeStatements(
  [
    `SELECT email, password_hash AS passwordHash, disabled_at AS disabledAt FROM staff_users WHERE email IN (${emails});`,
    `SELECT value FROM app_meta WHERE key = ${sqlValue(META_KEY)};`,
  ],
  target,
)) as [Account[]?, { value: string }[]?];

/** `npm run user:add` for one account, the password on its standard input (never an argument). */
function addAccount(account: DemoAccount, password: string): void {
  const args = ['add', '--email', account.email, '--role', account.role, ...(account.district ? ['--district', account.district] : []), ...(persistTo ? ['--persist-to', persistTo] : [])];
  const added = spawnSync('tsx', [fileURLToPath(new URL('../cli/user.ts', import.meta.url)), ...args], { input: password, encoding: 'utf8', env: { ...process.env, ...offlineEnv, CI: 'true' } });
  if (added.status !== 0) throw new Error(`npm run user:add for ${account.email} failed:\n${added.stderr || added.stdout}`);
}

const label = (account: DemoAccount) => {
  const district = account.district ? districtById(getElection(DEMO_ELECTION)!.mobileBox!, account.district) : undefined;
  return district ? `district, ${district.name.en}${district.mobileSection ? '' : ' (no mobile section)'}` : account.role;
};

const saved = readVars(passwordsFile);
const shown: string[] = [];
const notes: string[] = [];
for (const account of DEMO_ACCOUNTS) {
  const row = accounts.find((a) => a.email === account.email);
  const password = saved[account.passwordVar];
  if (row && password) {
    const reset = `remove ${account.passwordVar} from ${passwordsFile} for a new password at the next start`;
    if (row.disabledAt) notes.push(`${account.email} is disabled; left as it is (${reset}).`);
    else if (!(await verifyPassword(password, row.passwordHash))) notes.push(`${account.email} has another password than ${account.passwordVar}; left as it is (${reset}).`);
    continue;
  }
  // No saved password: a new one. A saved one whose account is gone (a wiped database): the same one again.
  const chosen = password ?? generatePassword();
  addAccount(account, chosen);
  if (!password) {
    setVars(passwordsFile, { [account.passwordVar]: chosen });
    shown.push(`  ${label(account).padEnd(40)} ${account.email.padEnd(32)} ${chosen}`);
  }
}
if (shown.length > 0) console.log(`Demo staff accounts (passwords shown only this once; saved in ${passwordsFile} as DEMO_PASSWORD_…):\n${shown.join('\n')}`);
else console.log(`Demo staff accounts: ${DEMO_ACCOUNTS.map((a) => a.email).join(', ')}; their passwords are in ${passwordsFile} (DEMO_PASSWORD_…).`);
for (const note of notes) console.log(`  ${note}`);

if (meta[0]?.value === DEMO_APPLICATIONS_VERSION) {
  console.log(`demo mobile-box applications version ${DEMO_APPLICATIONS_VERSION} are already stored`);
} else {
  const statements = await demoApplicationStatements(localSecret('DATA_KEY'));
  const mark = `INSERT INTO app_meta (key, value, updated_at) VALUES (${sqlValue(META_KEY)}, ${sqlValue(DEMO_APPLICATIONS_VERSION)}, ${sqlValue(new Date().toISOString())}) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;`;
  const results = await executeStatements([...statements, mark], target);
  console.log(`demo mobile-box applications: ${results.slice(0, -1).flat().length} requests for ${DEMO_ELECTION} (version ${DEMO_APPLICATIONS_VERSION})`);
}
