// npm run purge -- [--remote] [--persist-to DIR] [--keep-days 90] [--dry-run]
// Deletes personal data whose purpose has ended: register entries (number hashes) of
// elections that ended more than --keep-days ago (appeals and corrections are over by then),
// and problem reports past their expiry (their encrypted contacts go with them).
import { parseArgs } from 'node:util';
import { lastDayOf } from '../../functions/elections/deadlines';
import { ELECTIONS } from '../../functions/elections/registry';
import { addDays } from '../../functions/platform/zoned-time';
import { executeSql, queryRows, sqlValue } from '../import/d1';

const { values } = parseArgs({
  options: {
    remote: { type: 'boolean', default: false },
    'persist-to': { type: 'string' },
    'keep-days': { type: 'string', default: '90' },
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
const today = new Date().toISOString().slice(0, 10);
const ended = ELECTIONS.filter((e) => addDays(lastDayOf(e), keepDays) < today).map((e) => e.id);
const electionList = ended.map(sqlValue).join(',') || "''";
const now = new Date().toISOString();

const [counts] = await queryRows<{ register: number; reports: number }>(
  `SELECT (SELECT count(*) FROM register_entries WHERE election_id IN (${electionList})) AS register,
          (SELECT count(*) FROM station_reports WHERE expires_at < ${sqlValue(now)}) AS reports`,
  target,
);
console.log(`Elections ended more than ${keepDays} days ago: ${ended.join(', ') || 'none'}.`);
console.log(`${values['dry-run'] ? 'Would delete' : 'Deleting'} ${counts?.register ?? 0} register entries and ${counts?.reports ?? 0} expired problem reports.`);
if (!values['dry-run']) {
  await executeSql(
    [`DELETE FROM register_entries WHERE election_id IN (${electionList});`, `DELETE FROM station_reports WHERE expires_at < ${sqlValue(now)};`],
    target,
  );
}
