import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { staffPasskeys, staffRecoveryCodes, staffSessions, staffUsers } from '#db/schema';
import { executeSql, type D1 } from '#scripts/import/d1';
import { sqlText, sqlWriter } from './sql-text';

export interface AccountFields {
  /** Lower-cased. */
  email: string;
  role: 'district' | 'city' | 'police';
  /** The area (content/areas/<id>.json) the account serves. */
  area: string;
  district: string | null;
  passwordHash: string;
}

/**
 * The SQL that saves a staff account (a new one, or an existing e-mail reset: password, role,
 * area and district, enabled again, second factor and recovery codes removed so that it enrols again
 * at the next sign-in) and ends its open sessions. `npm run user:add` and the demo accounts of
 * `npm start` both run it.
 */
export function accountStatements(account: AccountFields, now: string): string[] {
  const fields = {
    role: account.role,
    area: account.area,
    district: account.district,
    passwordHash: account.passwordHash,
    disabledAt: null,
    totpSealed: null,
    totpStep: null,
    enrolledAt: null,
    updatedAt: now,
  };
  const upsert = sqlWriter
    .insert(staffUsers)
    .values({ email: account.email, ...fields, createdAt: now })
    .onConflictDoUpdate({ target: staffUsers.email, set: fields });
  const userId = sql`(SELECT ${staffUsers.id} FROM ${staffUsers} WHERE ${staffUsers.email} = ${account.email})`;
  return [
    sqlText(upsert),
    sqlText(endSessionsOf(account.email)),
    sqlText(sqlWriter.delete(staffPasskeys).where(eq(staffPasskeys.userId, userId))),
    sqlText(sqlWriter.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, userId))),
  ];
}

/** Ends every session of the account with this e-mail. */
export function endSessionsOf(email: string) {
  const userId = sql`(SELECT ${staffUsers.id} FROM ${staffUsers} WHERE ${staffUsers.email} = ${email})`;
  return sqlWriter.delete(staffSessions).where(eq(staffSessions.userId, userId));
}

/** Saves an account (`accountStatements`) in one batch. */
export async function saveAccount(db: D1, account: AccountFields, now: string): Promise<void> {
  await db.batch(accountStatements(account, now));
}

/** Disables the account with this (lower-cased) e-mail and ends its sessions, in one batch; false when there is no such account. */
export async function disableAccount(db: D1, email: string, now: string): Promise<boolean> {
  const disable = sqlWriter.update(staffUsers).set({ disabledAt: now, updatedAt: now }).where(eq(staffUsers.email, email));
  const disabled = sqlWriter
    .select({ n: sql<number>`count(*)`.as('n') })
    .from(staffUsers)
    .where(and(eq(staffUsers.email, email), isNotNull(staffUsers.disabledAt)));
  const [found] = await executeSql<{ n: number }>(db, [sqlText(disable), sqlText(endSessionsOf(email)), sqlText(disabled)]);
  return Boolean(found?.n);
}
