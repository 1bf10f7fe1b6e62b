import { eq } from 'drizzle-orm';
import { database, type Database } from '#db/client';
import { appMeta } from '#db/schema';
import { lookupKeyFingerprint } from '#functions/platform/crypto';
import { KeyMismatch } from '#core/errors';

/** The app_meta key under which the importer records the fingerprint of its LOOKUP_KEY. */
export const FINGERPRINT_KEY = 'lookup_key_fingerprint';

export type RegisterKeyStatus = 'matches' | 'mismatch' | 'no-register';

/** Whether the Worker's LOOKUP_KEY is the key the register was hashed with (one query). */
export async function registerKeyStatus(db: Database, lookupKey: string): Promise<RegisterKeyStatus> {
  const rows = await db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, FINGERPRINT_KEY)).limit(1);
  const stored = rows[0]?.value;
  if (stored === undefined) return 'no-register';
  return stored === (await lookupKeyFingerprint(lookupKey)) ? 'matches' : 'mismatch';
}

const CHECK_EVERY_MS = 60_000;
let lastCheck: { key: string; at: number } | undefined;

/**
 * Refuses to answer from a register hashed with another key (KeyMismatch, 503), so a
 * mistyped secret never turns every voter into "not found". Checked at most once a minute per
 * isolate, so a lookup stays one query; found and not-found pay the same.
 */
export async function assertRegisterKey(d1: D1Database, lookupKey: string, now = Date.now()): Promise<void> {
  if (lastCheck && lastCheck.key === lookupKey && now - lastCheck.at < CHECK_EVERY_MS) return;
  const status = await registerKeyStatus(database(d1), lookupKey);
  if (status === 'mismatch') {
    lastCheck = undefined;
    console.error('configuration: LOOKUP_KEY does not match the key the register was imported with (key_mismatch)');
    throw new KeyMismatch();
  }
  lastCheck = { key: lookupKey, at: now };
}
