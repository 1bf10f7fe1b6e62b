// npm run import -- --country BG --election <id> [--stations stations.csv] [--ranges ranges.csv] [--register register.csv]
//   [--encoding utf-8|windows-1251] [--new-key] [--remote] [--persist-to DIR]
import { parseArgs } from 'node:util';
import { getElection } from '#functions/elections/registry';
import { COUNTRIES, type Country } from '#core/countries';
import { keyProblem } from '#functions/platform/keys';
import { localLookupKey } from '#scripts/dev-vars';
import { ENCODINGS, type Encoding } from '#scripts/import/csv';
import { importLists } from '#scripts/import/importer';
import { CommandError, main, type CommandIo } from './command';

const USAGE =
  'npm run import -- --country BG|KG|KZ --election <id> [--stations stations.csv] [--ranges ranges.csv] [--register register.csv] [--encoding utf-8|windows-1251] [--new-key] [--remote] [--persist-to DIR]';

function fail(message: string): never {
  throw new CommandError(`${message}\nusage: ${USAGE}`);
}

/** `npm run import`: exits 0 when every row loaded, 1 when rows were bad, 2 when refused or failed. */
export async function importCommand(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      country: { type: 'string' },
      election: { type: 'string' },
      stations: { type: 'string' },
      ranges: { type: 'string' },
      register: { type: 'string' },
      remote: { type: 'boolean', default: false },
      'persist-to': { type: 'string' },
      'batch-size': { type: 'string' },
      encoding: { type: 'string', default: 'utf-8' },
      'new-key': { type: 'boolean', default: false },
    },
    strict: true,
  });

  const country = values.country?.toUpperCase();
  if (!country || !(COUNTRIES as readonly string[]).includes(country)) fail(`--country must be one of ${COUNTRIES.join(', ')}`);
  if (!values.election) fail('--election is required');
  const election = getElection(values.election);
  if (!election) fail(`--election ${values.election} is not in content/elections/`);
  if (election.country !== country) fail(`election ${election.id} belongs to ${election.country}, not ${country}`);
  if (!values.stations && !values.ranges && !values.register) fail('give at least one of --stations, --ranges, --register');
  const envKey = io.env.LOOKUP_KEY;
  if (values.remote && !envKey) fail('--remote needs LOOKUP_KEY in the environment: the same value as the Worker secret');
  if (values.remote) {
    const problem = keyProblem(envKey, false);
    if (problem) fail(`LOOKUP_KEY is ${problem.replace('_', ' ')}: production needs the Worker's own secret (at least 32 random bytes)`);
  }
  const encoding = values.encoding.toLowerCase();
  if (!(ENCODINGS as readonly string[]).includes(encoding)) fail(`--encoding must be one of ${ENCODINGS.join(', ')}`);

  const started = Date.now();
  try {
    const report = await importLists({
      country: country as Country,
      electionId: election.id,
      stations: values.stations,
      ranges: values.ranges,
      register: values.register,
      db: io.d1({ remote: values.remote, persistTo: values['persist-to'] }),
      lookupKey: values.remote ? envKey! : (envKey ?? localLookupKey()),
      newKey: values['new-key'],
      encoding: encoding as Encoding,
      ...(values['batch-size'] ? { batchSize: Number(values['batch-size']) } : {}),
      log: io.out,
    });
    for (const row of report.bad) io.err(`${row.file}:${row.line}: ${row.reason}`);
    if (report.refused) {
      io.err('Refused: nothing was imported.');
      return 2;
    }
    if (report.missingStations.length > 0)
      io.err(`stations: ${report.missingStations.length} stations in D1 are not in this file (kept): ${report.missingStations.join(', ')}`);
    for (const dataset of report.notSwitched)
      io.err(`${dataset}: not replaced because rows were bad; the previous ${dataset} still answers. Fix the rows and import again.`);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    io.out(
      `Loaded ${report.loaded.stations} stations, ${report.loaded.ranges} address ranges, ${report.loaded.register} register entries ` +
        `into the ${values.remote ? 'remote' : 'local'} D1 in ${seconds} s; ${report.bad.length} bad rows.`,
    );
    return report.bad.length > 0 ? 1 : 0;
  } catch (error) {
    io.err((error as Error).message);
    return 2;
  }
}

await main(import.meta.url, importCommand);
