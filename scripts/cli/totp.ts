// npm run totp -- --email E [--persist-to DIR]
// The current authenticator-app code of a demo staff account, for the second step of a local
// sign-in: the account's TOTP secret is read from .dev.vars (or, for another state folder, its
// demo-passwords file), where `npm start` saved it. Local demo accounts only: real accounts keep
// their secret in their own app, and nothing else has it.
import { parseArgs } from 'node:util';
import { totpCode } from '#functions/staff/totp';
import { DEMO_ACCOUNTS, demoPasswordsFile } from '#scripts/seed/demo-staff';
import { readVars } from '#scripts/dev-vars';
import { CommandError, main, type CommandIo } from './command';

/** Prints the code and how many seconds it stays valid. */
export async function totpCommand(args: string[], io: CommandIo, now = Date.now()): Promise<number> {
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, 'persist-to': { type: 'string' } }, strict: true });
  const email = values.email?.trim().toLowerCase();
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.email === email);
  if (!account) throw new CommandError(`--email must be a demo account: ${DEMO_ACCOUNTS.map((a) => a.email).join(', ')}`);
  const file = demoPasswordsFile(values['persist-to']);
  const secret = readVars(file)[account.totpVar];
  if (!secret) throw new CommandError(`no ${account.totpVar} in ${file}: run \`npm start\` (or \`npm run db:local\`) first`);
  const left = 30 - (Math.floor(now / 1000) % 30);
  io.out(`${totpCode(secret, now)}  (${account.email}, valid for ${left} more seconds)`);
  return 0;
}

await main(import.meta.url, totpCommand);
