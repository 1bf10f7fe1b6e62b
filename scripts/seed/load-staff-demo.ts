// Creates the demo staff accounts and mobile-box applications in a local D1 (`npm start`, after
// load-demo.ts), once:
// - accounts with the same statements as `npm run user:add` (scripts/cli/accounts.ts), with
//   generated passwords printed this once and saved (demo-staff.ts says where), each enrolled
//   with an authenticator-app (TOTP) secret, saved beside its password: `npm run totp -- --email …`
//   prints the current code, and the otpauth:// URI printed once puts it into a real app;
// - applications through the application's code (demo-applications.ts), marked in app_meta.
// Both go to D1 in one batch (one wrangler run). A later run reads both in one query and
// changes nothing. An account whose saved password no
// longer opens it (reset by hand, or disabled) is left alone; remove its DEMO_PASSWORD_… line to
// get a new one on the next start.
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { staffUsers } from '#db/schema';
import { seal } from '#functions/platform/crypto';
import { totpContext } from '#functions/staff/second-factor';
import { newTotpSecret, otpauthUri } from '#functions/staff/totp';
import { sqlText, sqlWriter } from '#scripts/cli/sql-text';
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
export async function loadStaffDemo(db: D1, options: { dataKey: string; pepper: string; passwordsFile: string; log: (line: string) => void }): Promise<void> {
  const { passwordsFile, log, pepper } = options;
  type Account = { email: string; passwordHash: string; disabledAt: string | null; enrolledAt: string | null };
  const emails = DEMO_ACCOUNTS.map((account) => sqlValue(account.email)).join(', ');
  const [accounts = [], meta = []] = (await db.batch([
    `SELECT email, password_hash AS passwordHash, disabled_at AS disabledAt, enrolled_at AS enrolledAt FROM staff_users WHERE email IN (${emails});`,
    `SELECT value FROM app_meta WHERE key = ${sqlValue(META_KEY)};`,
  ])) as [Account[]?, { value: string }[]?];

  const now = new Date().toISOString();
  const writes: string[] = [];
  const newPasswords: Record<string, string> = {};
  const saved = readVars(passwordsFile);
  const shown: string[] = [];
  const enrolled: string[] = [];
  const notes: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const row = accounts.find((a) => a.email === account.email);
    const password = saved[account.passwordVar];
    if (row && password) {
      const reset = `remove ${account.passwordVar} from ${passwordsFile} for a new password at the next start`;
      const opens = !row.disabledAt && (await verifyPassword(password, row.passwordHash, pepper));
      if (row.disabledAt) notes.push(`${account.email} is disabled; left as it is (${reset}).`);
      else if (!opens) notes.push(`${account.email} has another password than ${account.passwordVar}; left as it is (${reset}).`);
      if (!opens || row.enrolledAt) continue;
    } else {
      // No saved password: a new one. A saved one whose account is gone (a wiped database): the same one again.
      const chosen = password ?? generatePassword();
      writes.push(
        ...accountStatements(
          {
            email: account.email,
            role: account.role,
            area: demoCampaign().area.id,
            district: account.district ?? null,
            passwordHash: await hashPassword(chosen, pepper),
          },
          now,
        ),
      );
      if (!password) {
        newPasswords[account.passwordVar] = chosen;
        shown.push(`  ${label(account).padEnd(40)} ${account.email.padEnd(32)} ${chosen}`);
      }
    }
    // Enrolled with an authenticator app at once, so the demo can sign in: the saved secret again, or a new one.
    const secret = saved[account.totpVar] ?? newTotpSecret();
    if (!saved[account.totpVar]) newPasswords[account.totpVar] = secret;
    const totpSealed = await seal({ current: options.dataKey }, totpContext(account.email), secret);
    writes.push(sqlText(sqlWriter.update(staffUsers).set({ totpSealed, totpStep: null, enrolledAt: now }).where(eq(staffUsers.email, account.email))));
    enrolled.push(`  ${account.email.padEnd(32)} ${otpauthUri(secret, account.email)}`);
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
  if (enrolled.length > 0)
    log(
      `Enrolled with an authenticator app (secrets saved in ${passwordsFile} as DEMO_TOTP_…; open a URI on a phone to add it to an app):\n${enrolled.join('\n')}`,
    );
  log(`The second step of a demo sign-in: \`npm run totp -- --email <e-mail>\` prints the account's current code.`);
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
    pepper: io.env.STAFF_PEPPER ?? localSecret('STAFF_PEPPER'),
    passwordsFile: demoPasswordsFile(persistTo),
    log: io.out,
  });
  return 0;
}

await main(import.meta.url, loadStaffDemoCommand);
