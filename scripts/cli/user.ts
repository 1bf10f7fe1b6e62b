// npm run user:add -- --email E --role district|city|police [--district NAME] [--remote] [--persist-to DIR]
// npm run user:disable -- --email E [--remote] [--persist-to DIR]
// The password is read from standard input when it is piped (printf '%s' "$PASSWORD" | npm run
// user:add -- …; at least 12 characters), otherwise a strong one is generated and printed once.
// It is never a command-line argument (shell history, process lists). Adding an existing e-mail
// again resets its password, role and district, enables it, and ends its sessions; disabling
// ends its sessions at once.
import { parseArgs } from 'node:util';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getElection } from '#functions/elections/registry';
import { districtsOf } from '#functions/mobile-box/districts';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from '#functions/staff/passwords';
import { staffUsers } from '#db/schema';
import { executeSql } from '#scripts/import/d1';
import { accountStatements, endSessionsOf } from './accounts';
import { sqlText, sqlWriter } from './sql-text';

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: { email: { type: 'string' }, role: { type: 'string' }, district: { type: 'string' }, remote: { type: 'boolean', default: false }, 'persist-to': { type: 'string' } },
  strict: true,
});
const target = { remote: values.remote, persistTo: values['persist-to'] };
const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};

const email = z.email().max(254).safeParse(values.email?.trim().toLowerCase());
if (!email.success) fail('--email must be an e-mail address');
const address = email.data!;
const now = new Date().toISOString();
const endSessions = endSessionsOf(address);

async function readPiped(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  return text === '' ? undefined : text;
}

if (command === 'add') {
  const role = z.enum(['district', 'city', 'police']).safeParse(values.role);
  if (!role.success) fail('--role must be district, city or police');
  const districts = districtsOf(getElection('bg-2024-06-09')!.mobileBox!);
  const wanted = values.district?.trim().toLowerCase();
  const district = wanted ? districts.find((d) => d.id === wanted || d.name.bg.toLowerCase() === wanted || d.name.en.toLowerCase() === wanted) : undefined;
  if (role.data === 'district' && !district) fail(`--district must be one of Sofia's districts: ${districts.map((d) => d.id).join(', ')}`);
  if (role.data !== 'district' && values.district) fail('--district is only for the district role');
  const piped = await readPiped();
  if (piped !== undefined && [...piped].length < MIN_PASSWORD_LENGTH) fail(`the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  const password = piped ?? generatePassword();
  const passwordHash = await hashPassword(password);
  await executeSql(accountStatements({ email: address, role: role.data!, district: district?.id ?? null, passwordHash }, now), target);
  console.log(`Saved ${address} (${role.data}${district ? `, ${district.name.en}` : ''}); any open sessions are ended.`);
  if (piped === undefined) console.log(`Password (shown once, keep it safe): ${password}`);
} else if (command === 'disable') {
  const disable = sqlWriter.update(staffUsers).set({ disabledAt: now, updatedAt: now }).where(eq(staffUsers.email, address));
  const disabled = sqlWriter.select({ n: sql<number>`count(*)`.as('n') }).from(staffUsers).where(and(eq(staffUsers.email, address), isNotNull(staffUsers.disabledAt)));
  const [found] = await executeSql<{ n: number }>([sqlText(disable), sqlText(endSessions), sqlText(disabled)], target);
  if (!found?.n) fail(`no account ${address}`);
  console.log(`Disabled ${address}; its sessions are ended.`);
} else {
  fail('usage: user.ts add|disable --email E …');
}
