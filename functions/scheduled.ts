import { database } from '../db/client';
import { ELECTIONS } from './elections/registry';
import type { Bindings } from './env';
import { deleteRegisterOf, electionsPastRetention } from './lookup/retention';
import { purgeRequests } from './mobile-box/storage';
import { deleteExpiredReports } from './reports/retention';

export interface RetentionRun {
  elections: string[];
  registerEntries: number;
  reports: number;
  mobileBoxRequests: number;
}

/**
 * The daily purge (Cron Trigger): register entries of elections past their retention, problem
 * reports past their expiry (with the encrypted contacts in them), and mobile-box requests past
 * their election's retention (their counts per district, ballot and status are kept). `npm run purge`
 * applies the same rules from the command line.
 */
export async function runRetention(env: Bindings, now: Date): Promise<RetentionRun> {
  const db = database(env.DB);
  const elections = electionsPastRetention(ELECTIONS, now);
  const [counted, requests, keys] = purgeRequests(db, now.toISOString().slice(0, 10), now);
  const [reports, register, , mobileBox] = await db.batch([deleteExpiredReports(db, now), deleteRegisterOf(db, elections.length > 0 ? elections : ['']), counted, requests, keys]);
  return { elections, registerEntries: register.meta.changes, reports: reports.meta.changes, mobileBoxRequests: mobileBox.meta.changes };
}

/** The Worker's `scheduled` handler (wrangler.toml `[triggers] crons`). Logs counts only, never data. */
export const scheduled: ExportedHandlerScheduledHandler<Bindings> = async (controller, env) => {
  const run = await runRetention(env, new Date(controller.scheduledTime));
  console.log(`retention: ${run.registerEntries} register entries (${run.elections.join(', ') || 'no election'}), ${run.reports} expired reports, ${run.mobileBoxRequests} mobile-box requests deleted`);
};
