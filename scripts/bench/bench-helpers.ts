// Shared by the load benchmarks (`npm run bench:*`): synthetic personal numbers and autocannon runs.
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { build } from '#scripts/build';
import { ensureDevVars } from '#scripts/dev-vars';
import { demoCampaign } from '#scripts/seed/demo-campaign';
import { checkDigits } from '#core/lookup/personal-numbers';
import { districtsOf } from '#functions/mobile-box/districts';
import { createdRequests } from '#functions/mobile-box/schemas';

/** The i-th synthetic ЕГН: unique for i < 24M (date × serial), valid check digit. */
export function egn(i: number): string {
  const serial = i % 1000;
  const day = Math.floor(i / 1000);
  const date = new Date(Date.UTC(1940, 0, 1) + day * 86_400_000);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1 + (year >= 2000 ? 40 : 0);
  const first9 = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(date.getUTCDate()).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
  return first9 + checkDigits.egn(first9);
}

/** The campaign the mobile-box load runs submit to: the demo's, open at their clock. */
const benchCampaign = demoCampaign();
export const BENCH_ELECTION = benchCampaign.election.id;
const benchDistricts = districtsOf(benchCampaign).map((district) => district.id);

/**
 * The i-th distinct mobile-box application, both ballots: its voter's ЕГН is `egn(firstEgn + i)`,
 * so two scripts with different `firstEgn` never share a voter (nor the demo register's).
 */
export function benchApplication(i: number, firstEgn: number) {
  return {
    election: BENCH_ELECTION,
    ballots: benchCampaign.config.ballots.filter((ballot) => ballot.citizenships.includes('BG')).map((ballot) => ballot.id),
    citizenship: 'BG',
    idNumber: egn(firstEgn + i),
    fullName: `Мария Иванова Петрова ${i}`,
    address: {
      district: benchDistricts[i % benchDistricts.length]!,
      street: 'ж.к. Младост 1',
      block: String(1 + (i % 300)),
      entrance: 'А',
      floor: '3',
      apartment: String(1 + (i % 90)),
    },
    phone: '0888 123 456',
    submittedBy: 'self',
    declaration: true,
    consent: true,
  };
}

/** The references a 201 answer to POST /api/mobile-box-requests gives, one per ballot. */
export function createdReferences(body: string): string[] {
  return createdRequests.parse(JSON.parse(body)).requests.map((request) => request.reference);
}

export type LoadOptions = Omit<autocannon.Options, 'url' | 'title'>;

/** One autocannon run against `url`, as a promise. */
export function load(url: string, title: string, options: LoadOptions): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, title, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** One line of the results table. */
export function resultRow(name: string, result: autocannon.Result): string {
  return (
    `${name.padEnd(26)} ${result.requests.average.toFixed(0).padStart(8)} req/s   p50 ${String(result.latency.p50).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms   ` +
    `${result.requests.total} requests, non-2xx ${result.non2xx}, errors ${result.errors}`
  );
}

/**
 * A fresh working folder (with `state/` for the local D1) and the build to serve: built now
 * unless `--no-build` is given and dist/ exists.
 */
export async function benchSetup(): Promise<{ work: string; state: string }> {
  const work = await mkdtemp(join(tmpdir(), 'voter-desk-bench-'));
  ensureDevVars();
  if (!process.argv.includes('--no-build') || !existsSync('dist/server/wrangler.json')) await build();
  return { work, state: join(work, 'state') };
}
