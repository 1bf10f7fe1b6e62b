import { database } from '#db/client';
import { stationReports } from '#db/schema';
import type { Bindings } from '#functions/env';
import type { Locale } from '#core/i18n';
import { stationById } from '#functions/lookup/stations';
import { seal } from '#functions/platform/crypto';
import { NotFound } from '#core/errors';
import { dataKeys } from '#functions/platform/keys';
import { deleteExpiredReports, reportExpiry } from './retention';
import type { ReportRequest } from './schemas';

/** What a report's sealed values are bound to: their purpose and the report's own random key. */
export const reportSeal = (purpose: 'details' | 'contact', recordKey: string) => ({ purpose: `report-${purpose}`, record: recordKey });

/**
 * Stores "report a problem with this answer". The details (people describe their own access
 * needs there) and the optional contact are encrypted under DATA_KEY, bound to this report;
 * no personal number is ever attached. Expired reports are deleted on the way (the Cron
 * Trigger also deletes them daily). Rate limits are counted at the edge, before parsing.
 */
export async function reportProblem(env: Bindings, stationId: number, input: ReportRequest, locale: Locale, now: Date): Promise<{ id: number }> {
  const keys = dataKeys(env);
  const db = database(env.DB);
  if (!(await stationById(db, stationId))) throw new NotFound();
  const recordKey = crypto.randomUUID();
  const detailsSealed = await seal(keys, reportSeal('details', recordKey), input.details);
  const contactSealed = input.contact ? await seal(keys, reportSeal('contact', recordKey), input.contact) : null;
  const [, inserted] = await db.batch([
    deleteExpiredReports(db, now),
    db
      .insert(stationReports)
      .values({ stationId, kind: input.kind, detailsSealed, contactSealed, recordKey, locale, createdAt: now.toISOString(), expiresAt: reportExpiry(now) })
      .returning({ id: stationReports.id }),
  ]);
  return { id: inserted[0]!.id };
}
