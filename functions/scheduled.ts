import { database, type Database } from '#db/client';
import { ELECTIONS } from './elections/registry';
import type { Bindings } from './env';
import { deleteRegisterOf, electionsPastRetention } from './lookup/retention';
import { purgeRequests } from './mobile-box/storage';
import { deleteExpiredReports } from './reports/retention';
import { deleteDeadSessions } from './staff/sessions';
import { deleteOldLoginFailures } from './staff/throttle';

export interface RetentionRun {
  elections: string[];
  registerEntries: number;
  reports: number;
  mobileBoxRequests: number;
}

/**
 * The statements of the daily purge, in the order they run: problem reports past their expiry
 * (with the encrypted contacts in them), register entries of elections past their retention,
 * then the mobile-box requests past their election's retention (their counts per district,
 * ballot and status added to the statistics first), expired idempotency keys, and staff sessions
 * and login-failure counts that can no longer matter. The Cron
 * Trigger runs them in one batch; `npm run purge` writes the same ones as SQL.
 */
export function retentionStatements(db: Database, now: Date, registerKeepDays?: number) {
  const elections = electionsPastRetention(ELECTIONS, now, registerKeepDays);
  const [counted, requests, stops, idempotencyKeys] = purgeRequests(db, now.toISOString().slice(0, 10), now);
  return {
    elections,
    statements: [
      deleteExpiredReports(db, now),
      deleteRegisterOf(db, elections.length > 0 ? elections : ['']),
      counted,
      requests,
      stops,
      idempotencyKeys,
      deleteDeadSessions(db, now),
      deleteOldLoginFailures(db, now),
    ] as const,
  };
}

/** The daily purge (Cron Trigger); see retentionStatements. */
export async function runRetention(env: Bindings, now: Date): Promise<RetentionRun> {
  const { elections, statements } = retentionStatements(database(env.DB), now);
  const [reports, register, , mobileBox] = await database(env.DB).batch(statements);
  return { elections, registerEntries: register.meta.changes, reports: reports.meta.changes, mobileBoxRequests: mobileBox.meta.changes };
}

/** The Worker's `scheduled` handler (wrangler.toml `[triggers] crons`). Logs counts only, never data. */
export const scheduled: ExportedHandlerScheduledHandler<Bindings> = async (controller, env) => {
  const run = await runRetention(env, new Date(controller.scheduledTime));
  console.log(
    `retention: ${run.registerEntries} register entries (${run.elections.join(', ') || 'no election'}), ${run.reports} expired reports, ${run.mobileBoxRequests} mobile-box requests deleted`,
  );
};
