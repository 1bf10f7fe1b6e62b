// A few mobile-box applications for the 2024 election, so the staff area has something to
// review after `npm start`. They go through the application's own code (the API's schema and
// prepareApplication), so they are sealed under DATA_KEY exactly like real ones. Invented
// people and flats; the personal numbers have valid check digits and belong to nobody.
import type { Bindings } from '#functions/env';
import { prepareApplication } from '#functions/mobile-box/requests';
import { mobileBoxRequest, type MobileBoxRequest } from '#functions/mobile-box/schemas';
import { sqlText } from '#scripts/cli/sql-text';
import { demoCampaign } from './demo-campaign';

/** Bump when the applications below change: a database holding this version gets nothing more. */
export const DEMO_APPLICATIONS_VERSION = '1';

type Address = MobileBoxRequest['address'];
/** What a voter fills in (optional fields left out), and when. */
type DemoApplication = Pick<MobileBoxRequest, 'ballots' | 'citizenship' | 'idNumber' | 'fullName' | 'phone' | 'submittedBy'> & {
  address: Pick<Address, 'district' | 'street'> & Partial<Address>;
  email?: string;
  representative?: NonNullable<MobileBoxRequest['representative']>;
  /** When it came: before the demo clock (scripts/dev-vars.ts, 20 May 2024) and the 25 May deadline. */
  submittedAt: string;
};

/** Oldest first, so the ids follow the time they came. 8 requests: 5 Младост, 2 Лозенец (no mobile section), 1 Люлин. */
export const DEMO_APPLICATIONS: readonly DemoApplication[] = [
  {
    submittedAt: '2024-05-14T09:12:00+03:00',
    ballots: ['ep', 'ns'],
    citizenship: 'BG',
    idNumber: '4103120572',
    fullName: 'Венета Петкова Димитрова',
    address: { district: 'mladost', street: 'ж.к. Младост 1', block: '27', entrance: 'Б', floor: '4', apartment: '38' },
    phone: '0888 412 305',
    submittedBy: 'self',
  },
  {
    submittedAt: '2024-05-15T11:47:00+03:00',
    ballots: ['ns'],
    citizenship: 'BG',
    idNumber: '4405080973',
    fullName: 'Людмила Тодорова Ганчева',
    address: { district: 'lozenets', street: 'ул. Крум Попов', number: '41', floor: '3', apartment: '7' },
    phone: '0897 118 640',
    submittedBy: 'self',
  },
  {
    submittedAt: '2024-05-16T17:05:00+03:00',
    ballots: ['ns'],
    citizenship: 'BG',
    idNumber: '3611021487',
    fullName: 'Стоян Илиев Костадинов',
    address: { district: 'mladost', street: 'ж.к. Младост 2', block: '214', entrance: '1', floor: '7', apartment: '19' },
    phone: '02 971 3348',
    submittedBy: 'representative',
    representative: { fullName: 'Илиана Стоянова Костадинова', idNumber: '6802140737', phone: '0899 201 774', powerOfAttorney: true },
  },
  {
    submittedAt: '2024-05-17T08:31:00+03:00',
    ballots: ['ep'],
    citizenship: 'EU',
    idNumber: '1045287030',
    fullName: 'Ingrid Maria Bauer',
    address: { district: 'lozenets', street: 'ул. Бяла черква', number: '12', floor: '2', apartment: '4' },
    phone: '+359 898 406 213',
    email: 'ingrid.bauer@example.com',
    submittedBy: 'self',
  },
  {
    submittedAt: '2024-05-18T13:20:00+03:00',
    ballots: ['ep'],
    citizenship: 'BG',
    idNumber: '4907251630',
    fullName: 'Радка Георгиева Маринова',
    address: { district: 'mladost', street: 'ж.к. Младост 4', block: '402', entrance: 'Г', floor: '1', apartment: '96' },
    phone: '0878 550 162',
    email: 'radka.marinova@example.com',
    submittedBy: 'self',
  },
  {
    submittedAt: '2024-05-19T20:54:00+03:00',
    ballots: ['ns'],
    citizenship: 'BG',
    idNumber: '3909171321',
    fullName: 'Петър Василев Цветков',
    address: { district: 'lyulin', street: 'ж.к. Люлин 5', block: '512', entrance: 'В', floor: '8', apartment: '61' },
    phone: '0886 725 430',
    submittedBy: 'self',
  },
  {
    submittedAt: '2024-05-20T07:38:00+03:00',
    ballots: ['ns'],
    citizenship: 'BG',
    idNumber: '5801300248',
    fullName: 'Христо Николов Ангелов',
    address: { district: 'mladost', street: 'ж.к. Младост 3', block: '317', entrance: 'А', floor: '2', apartment: '5' },
    phone: '0887 304 219',
    submittedBy: 'self',
  },
];

const notHere = () => {
  throw new Error('scripts/seed/demo-applications.ts writes SQL; a D1 (scripts/import/d1.ts) runs it');
};
// prepareApplication only builds statements on its binding (it reads D1 only while DATA_KEY
// rotates, and no previous key is given here): a binding that runs nothing is enough.
const sqlOnly = { prepare: notHere, batch: notHere, exec: notHere, dump: notHere, withSession: notHere } as unknown as D1Database;

/**
 * The INSERTs of the demo applications, one per ballot, sealed under `dataKey`: each checked by
 * the API's schema and the election's rules at its own time, and skipped by D1's unique index
 * when that voter already applied for that ballot.
 *
 * @example await db.batch(await demoApplicationStatements(localSecret('DATA_KEY')))
 */
export async function demoApplicationStatements(dataKey: string): Promise<string[]> {
  const env = { DB: sqlOnly, DATA_KEY: dataKey, ENVIRONMENT: 'development' } as Partial<Bindings> as Bindings;
  const statements: string[] = [];
  for (const { submittedAt, ...application } of DEMO_APPLICATIONS) {
    const input = mobileBoxRequest.parse({
      ...application,
      election: demoCampaign().election.id,
      area: demoCampaign().area.id,
      declaration: true,
      consent: true,
    });
    const prepared = await prepareApplication(env, input, new Date(submittedAt), 'bg');
    // The writes are drizzle queries, typed only as what db.batch accepts.
    statements.push(...prepared.writes.map((write) => sqlText(write as unknown as Parameters<typeof sqlText>[0])));
  }
  return statements;
}
