// npm run user:add -- --email E --role district|city|police [--area AREA] [--district NAME] [--remote] [--persist-to DIR]
// npm run user:disable -- --email E [--remote] [--persist-to DIR]
// The password is read from standard input when it is piped (printf '%s' "$PASSWORD" | npm run
// user:add -- …; at least 12 characters), otherwise a strong one is generated and printed once.
// It is never a command-line argument (shell history, process lists). The account enrols its
// second factor (passkey or authenticator app) at its first sign-in with that password. Adding an
// existing e-mail again resets its password, role, area and district, enables it, ends its sessions and
// removes its second factor and recovery codes (it enrols again: a lost phone); disabling ends its
// sessions at once. The hash is peppered with STAFF_PEPPER from the environment (for --remote:
// the Worker's secret; locally: .dev.vars); without it the first sign-in rewrites it peppered.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { AREAS } from '#functions/elections/areas';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from '#functions/staff/passwords';
import { localSecret } from '#scripts/dev-vars';
import { disableAccount, saveAccount } from './accounts';
import { CommandError, main, type CommandIo } from './command';

const fail = (message: string): never => {
  throw new CommandError(message);
};

/** `npm run user:add` (`add …`) and `npm run user:disable` (`disable …`): exits 0, or 2 when refused. */
export async function userCommand(argv: string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      area: { type: 'string' },
      district: { type: 'string' },
      remote: { type: 'boolean', default: false },
      'persist-to': { type: 'string' },
    },
    strict: true,
  });
  const target = { remote: values.remote, persistTo: values['persist-to'] };

  const email = z.email().max(254).safeParse(values.email?.trim().toLowerCase());
  if (!email.success) fail('--email must be an e-mail address');
  const address = email.data!;
  const now = new Date().toISOString();

  if (command === 'add') {
    const role = z.enum(['district', 'city', 'police']).safeParse(values.role);
    if (!role.success) fail('--role must be district, city or police');
    // The area may be left out while there is only one (content/areas/).
    const areaId = values.area?.trim().toLowerCase() ?? (AREAS.length === 1 ? AREAS[0]!.id : undefined);
    const area = AREAS.find((candidate) => candidate.id === areaId);
    if (!area) fail(`--area must be one of: ${AREAS.map((candidate) => candidate.id).join(', ')}`);
    const districts = area!.districts;
    const wanted = values.district?.trim().toLowerCase();
    const district = wanted ? districts.find((d) => d.id === wanted || d.name.bg.toLowerCase() === wanted || d.name.en.toLowerCase() === wanted) : undefined;
    if (role.data === 'district' && !district) fail(`--district must be one of the districts of ${area!.id}: ${districts.map((d) => d.id).join(', ')}`);
    if (role.data !== 'district' && values.district) fail('--district is only for the district role');
    const text = (await io.stdin())?.replace(/\r?\n$/, '');
    const piped = text === '' ? undefined : text;
    if (piped !== undefined && [...piped].length < MIN_PASSWORD_LENGTH) fail(`the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
    const password = piped ?? generatePassword();
    const pepper = values.remote ? io.env.STAFF_PEPPER : (io.env.STAFF_PEPPER ?? localSecret('STAFF_PEPPER'));
    const passwordHash = await hashPassword(password, pepper || undefined);
    await saveAccount(io.d1(target), { email: address, role: role.data!, area: area!.id, district: district?.id ?? null, passwordHash }, now);
    io.out(
      `Saved ${address} (${role.data}, ${area!.name.en}${district ? `, ${district.name.en}` : ''}); any open sessions are ended. At the first sign-in with this password the account enrols a passkey or an authenticator app.`,
    );
    if (!pepper) io.out('STAFF_PEPPER is not in the environment: the hash is not peppered yet; the first sign-in rewrites it with the Worker’s pepper.');
    if (piped === undefined) io.out(`Password (shown once, keep it safe): ${password}`);
  } else if (command === 'disable') {
    if (!(await disableAccount(io.d1(target), address, now))) fail(`no account ${address}`);
    io.out(`Disabled ${address}; its sessions are ended.`);
  } else {
    fail('usage: user.ts add|disable --email E …');
  }
  return 0;
}

await main(import.meta.url, userCommand);
