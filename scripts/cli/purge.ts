// npm run purge -- [--remote] [--persist-to DIR] [--keep-days 90] [--dry-run]
// Deletes personal data whose purpose has ended with the very statements of the Worker's daily
// Cron Trigger (functions/scheduled.ts): problem reports past their expiry (with their encrypted
// contacts), register entries of elections that ended more than --keep-days ago, and mobile-box
// requests past their election's retention (their counts per district, ballot and status are kept),
// and the expired idempotency keys, staff sessions and login-failure counts.
import { parseArgs } from 'node:util';
import { REGISTER_KEEP_DAYS } from '#functions/lookup/retention';
import { retentionStatements } from '#functions/scheduled';
import type { D1 } from '#scripts/import/d1';
import { CommandError, main, type CommandIo } from './command';
import { countOfDelete, sqlText, sqlWriter } from './sql-text';

export type PurgeCounts = { register: number; reports: number; requests: number };

export interface PurgePlan {
  /** The elections whose register is due. */
  elections: string[];
  /** The batch: a count of what is due (the same WHERE clauses), then the deletions unless a dry run. */
  statements: string[];
}

/** What the retention rules say is due at `now`, as one batch for `purgeExpired`. */
export function purgePlan(options: { now: Date; keepDays: number; dryRun: boolean }): PurgePlan {
  const { elections, statements } = retentionStatements(sqlWriter, options.now, options.keepDays);
  const [reports, register, counted, requests, ...housekeeping] = statements.map(sqlText) as [string, string, string, string, ...string[]];
  // wrangler reports no per-statement changes for local runs, so the batch counts first (the same
  // WHERE clauses) and then deletes, in one transaction.
  const countQuery = `SELECT (${countOfDelete(register)}) AS register, (${countOfDelete(reports)}) AS reports, (${countOfDelete(requests)}) AS requests;`;
  const deletions = options.dryRun ? [] : [reports, register, counted, requests, ...housekeeping];
  return { elections, statements: [countQuery, ...deletions] };
}

/** Runs a plan: one batch, so the counts are those of the rows deleted. */
export async function purgeExpired(db: D1, plan: PurgePlan): Promise<PurgeCounts> {
  const [first] = await db.batch<PurgeCounts>(plan.statements);
  return first?.[0] ?? { register: 0, reports: 0, requests: 0 };
}

/** `npm run purge`. */
export async function purgeCommand(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      remote: { type: 'boolean', default: false },
      'persist-to': { type: 'string' },
      'keep-days': { type: 'string', default: String(REGISTER_KEEP_DAYS) },
      'dry-run': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const keepDays = Number(values['keep-days']);
  if (!Number.isInteger(keepDays) || keepDays < 0) throw new CommandError('--keep-days must be a whole number of days');
  const db = io.d1({ remote: values.remote, persistTo: values['persist-to'] });
  const dryRun = values['dry-run'];
  const plan = purgePlan({ now: new Date(), keepDays, dryRun });
  io.out(`Elections ended more than ${keepDays} days ago: ${plan.elections.join(', ') || 'none'}.`);
  const deleted = await purgeExpired(db, plan);
  io.out(
    `${dryRun ? 'Would delete' : 'Deleted'} ${deleted.register} register entries, ${deleted.reports} expired problem reports and ${deleted.requests} mobile-box requests (their counts kept).`,
  );
  return 0;
}

await main(import.meta.url, purgeCommand);
