import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { appMeta } from '../../db/schema';

/** Reads the schema's own table, so a database without our migrations fails the check. */
export async function checkDatabase(db: Database): Promise<void> {
  await db.select({ one: sql<number>`1` }).from(appMeta).limit(1);
}
