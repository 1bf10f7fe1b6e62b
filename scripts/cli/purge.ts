// npm run purge -- [--remote] [--persist-to DIR] [--keep-days 90] [--dry-run]
// Deletes personal data whose purpose has ended with the very statements of the Worker's daily
// Cron Trigger (functions/scheduled.ts): problem reports past their expiry (with their encrypted
// contacts), register entries of elections that ended more than --keep-days ago, and mobile-box
// requests past their election's retention (their counts per district, ballot and status are kept),
// and the expired idempotency keys, staff sessions and login-failure counts.
import { parseArgs } from 'node:util';
import { REGISTER_KEEP_DAYS } from '#functions/lookup/retention';
import { retentionStatements } from '#functions/scheduled';
import { executeStatements } from '#scripts/import/d1';
import { countOfDelete, sqlText, sqlWriter } from './sql-text';

const { values } = parseArgs({
  options: {
    remote: { type: 'boolean', default: false },
    'persist-to': { type: 'string' },
    'keep-days': { type: 'string', default: String(REGISTER_KEEP_DAYS) },
    'dry-run': { type: 'boolean', default: false },
  },
  strict: true,
});

const keepDays = Number(values['keep-days']);
if (!Number.isInteger(keepDays) || keepDays < 0) {
  console.error('--keep-days must be a whole number of days');
  process.exit(2);
}
const target = { remote: values.remote, persistTo: values['persist-to'] };
const { elections, statements } = retentionStatements(sqlWriter, new Date(), keepDays);
const [reports, register, counted, requests, ...housekeeping] = statements.map(sqlText) as [string, string, string, string, ...string[]];

console.log(`Elections ended more than ${keepDays} days ago: ${elections.join(', ') || 'none'}.`);
type Counts = { register: number; reports: number; requests: number };
// wrangler reports no per-statement changes for local runs, so the batch counts first (the same
// WHERE clauses) and then deletes, in one transaction.
const countQuery = `SELECT (${countOfDelete(register)}) AS register, (${countOfDelete(reports)}) AS reports, (${countOfDelete(requests)}) AS requests;`;
const deletions = values['dry-run'] ? [] : [reports, register, counted, requests, ...housekeeping];
const [first] = await executeStatements<Counts>([countQuery, ...deletions], target);
const deleted: Counts = first?.[0] ?? { register: 0, reports: 0, requests: 0 };
console.log(
  `${values['dry-run'] ? 'Would delete' : 'Deleted'} ${deleted.register} register entries, ${deleted.reports} expired problem reports and ${deleted.requests} mobile-box requests (their counts kept).`,
);
