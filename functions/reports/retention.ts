import { lt } from 'drizzle-orm';
import type { Database } from '#db/client';
import { stationReports } from '#db/schema';

/** Reports are kept for staff for 90 days, then deleted with any contact in them. */
export const REPORT_RETENTION_DAYS = 90;

/** When a report made at `createdAt` must be gone. */
export function reportExpiry(createdAt: Date): string {
  return new Date(createdAt.getTime() + REPORT_RETENTION_DAYS * 86_400_000).toISOString();
}

/** The statement that deletes every report past its expiry at `now`. */
export function deleteExpiredReports(db: Database, now: Date) {
  return db.delete(stationReports).where(lt(stationReports.expiresAt, now.toISOString()));
}
