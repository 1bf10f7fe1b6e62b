import { and, count, eq, isNull } from 'drizzle-orm';
import type { Database } from '#db/client';
import { staffRecoveryCodes } from '#db/schema';
import { personalNumberHash, randomCharacters } from '#functions/platform/crypto';

/** Ten single-use codes per account, shown once at enrolment. */
export const RECOVERY_CODES = 10;
/** No look-alikes (0/O, 1/I/L, U/V): a code read aloud or copied by hand still works. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTWXYZ23456789';

/** `XXXXX-XXXXX` (about 48 bits). */
const newCode = () => {
  const raw = randomCharacters(ALPHABET, 10);
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
};

/** What is compared: upper case, without spaces or dashes, so `abcde fghjk` is `ABCDE-FGHJK`. */
export const normalizeRecoveryCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

/** The stored form: an HMAC under STAFF_PEPPER, bound to the account. */
const codeHash = (pepper: string, userId: number, code: string) => personalNumberHash(pepper, 'staff-recovery', `${userId}:${normalizeRecoveryCode(code)}`);

/** New codes for an account: the statements that replace its old ones, and the codes to show once. */
export async function newRecoveryCodes(db: Database, pepper: string, userId: number, now: Date) {
  const codes = Array.from({ length: RECOVERY_CODES }, newCode);
  const rows = await Promise.all(codes.map(async (code) => ({ codeHash: await codeHash(pepper, userId, code), userId, createdAt: now.toISOString() })));
  return {
    codes,
    statements: [db.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, userId)), db.insert(staffRecoveryCodes).values(rows)] as const,
  };
}

/** Uses a code once, in one statement (two requests with the same code: one wins); how many are left, or undefined when it was no unused code of this account. */
export async function useRecoveryCode(db: Database, pepper: string, userId: number, code: string, now: Date): Promise<number | undefined> {
  if (normalizeRecoveryCode(code).length !== 10) return undefined;
  const hash = await codeHash(pepper, userId, code);
  const [used, left] = await db.batch([
    db
      .update(staffRecoveryCodes)
      .set({ usedAt: now.toISOString() })
      .where(and(eq(staffRecoveryCodes.codeHash, hash), eq(staffRecoveryCodes.userId, userId), isNull(staffRecoveryCodes.usedAt)))
      .returning({ codeHash: staffRecoveryCodes.codeHash }),
    db
      .select({ n: count() })
      .from(staffRecoveryCodes)
      .where(and(eq(staffRecoveryCodes.userId, userId), isNull(staffRecoveryCodes.usedAt))),
  ]);
  return used.length > 0 ? (left[0]?.n ?? 0) : undefined;
}
