// npm run purge -- [--remote] [--persist-to DIR] [--keep-days 90] [--dry-run]
// Deletes personal data whose purpose has ended, by the same rules as the Worker's daily Cron
// Trigger (functions/scheduled.ts): register entries (number hashes) of elections that ended
// more than --keep-days ago, and problem reports past their expiry (with their encrypted contacts).
import { parseArgs } from 'node:util';
import { ELECTIONS } from '../../functions/elections/registry';
import { electionsPastRetention, REGISTER_KEEP_DAYS } from '../../functions/lookup/retention';
import { registerEntries, stationReports } from '../schema';
import { columns, tableName } from '../import/columns';
import { executeSql, queryRows, sqlValue } from '../import/d1';

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
const now = new Date();
const ended = electionsPastRetention(ELECTIONS, now, keepDays);
const electionList = ended.map(sqlValue).join(',') || "''";
const register = `${tableName(registerEntries)} WHERE ${columns(registerEntries, ['electionId'])} IN (${electionList})`;
const reports = `${tableName(stationReports)} WHERE ${columns(stationReports, ['expiresAt'])} < ${sqlValue(now.toISOString())}`;

const [counts] = await queryRows<{ register: number; reports: number }>(
  `SELECT (SELECT count(*) FROM ${register}) AS register, (SELECT count(*) FROM ${reports}) AS reports`,
  target,
);
console.log(`Elections ended more than ${keepDays} days ago: ${ended.join(', ') || 'none'}.`);
console.log(`${values['dry-run'] ? 'Would delete' : 'Deleting'} ${counts?.register ?? 0} register entries and ${counts?.reports ?? 0} expired problem reports.`);
if (!values['dry-run']) await executeSql([`DELETE FROM ${register};`, `DELETE FROM ${reports};`], target);
