import { database } from '../../db/client';
import { stationReports } from '../../db/schema';
import type { Bindings } from '../env';
import type { Locale } from '../i18n';
import { stationById } from '../lookup/stations';
import { seal } from '../platform/crypto';
import { NotFound } from '../platform/errors';
import { deleteExpiredReports, reportExpiry } from './retention';
import type { ReportRequest } from './schemas';

/**
 * Stores "report a problem with this answer". The optional contact is encrypted; no personal
 * number is ever attached. Expired reports are deleted on the way (the Cron Trigger also
 * deletes them daily). Rate limits are counted at the edge, before the body is parsed.
 */
export async function reportProblem(env: Bindings, stationId: number, input: ReportRequest, locale: Locale, now: Date): Promise<{ id: number }> {
  const db = database(env.DB);
  if (!(await stationById(db, stationId))) throw new NotFound();
  const contactSealed = input.contact ? await seal(env.LOOKUP_KEY, 'report-contact', input.contact) : null;
  const [, inserted] = await db.batch([
    deleteExpiredReports(db, now),
    db
      .insert(stationReports)
      .values({ stationId, kind: input.kind, details: input.details, contactSealed, locale, createdAt: now.toISOString(), expiresAt: reportExpiry(now) })
      .returning({ id: stationReports.id }),
  ]);
  return { id: inserted[0]!.id };
}
