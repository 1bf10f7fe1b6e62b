// A synthetic national register for `npm run bench:register`: about 12,000 Bulgarian polling
// sections spread over the 31 constituencies (МИР) roughly as voters are, and one row per voter
// with a valid, unique ЕГН, written as streamed CSV (never held whole).
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { checkDigits } from '#core/lookup/personal-numbers';
import { prng } from '#scripts/seed/synthetic-ids';

/**
 * Voters per constituency (МИР 01–31), in thousands: the proportions of the 2024 lists,
 * rounded. Only their shares matter: the bench scales them to the rows asked for.
 */
const CONSTITUENCY_VOTERS = [
  300, 250, 390, 220, 110, 160, 200, 160, 130, 130, 130, 170, 230, 110, 210, 560, 250, 200, 190, 200, 170, 220, 570, 480, 460, 330, 250, 200, 140, 200, 200,
];
/** About the number of polling sections in Bulgaria (12,000 to 13,000 at recent elections). */
export const SECTIONS = 12_000;

export interface Section {
  /** The 9-digit code: МИР, municipality, administrative area, section. */
  number: string;
  settlement: string;
  voters: number;
}

/**
 * The sections and how many voters each has, for `rows` voters in all. Towns have large
 * sections (600–1,000 voters), villages small ones (50–400): drawn by a seeded PRNG, then
 * scaled so that the counts add up to `rows` exactly.
 */
export function nationalSections(rows: number, seed = 26): Section[] {
  const random = prng(seed);
  const total = CONSTITUENCY_VOTERS.reduce((sum, n) => sum + n, 0);
  const sections: Section[] = [];
  const weights: number[] = [];
  CONSTITUENCY_VOTERS.forEach((share, index) => {
    const count = Math.round((SECTIONS * share) / total);
    const mir = String(index + 1).padStart(2, '0');
    for (let i = 0; i < count; i++) {
      const municipality = String(1 + (i % 40)).padStart(2, '0');
      const area = String(Math.floor(i / 40) % 25).padStart(2, '0');
      const serial = String(1 + Math.floor(i / 1000)).padStart(3, '0');
      const town = random() < 0.6;
      sections.push({ number: `${mir}${municipality}${area}${serial}`, settlement: town ? `Град ${mir}-${municipality}` : `Село ${mir}-${i}`, voters: 0 });
      weights.push(town ? 600 + random() * 400 : 50 + random() * 350);
    }
  });
  const weightSum = weights.reduce((sum, w) => sum + w, 0);
  let assigned = 0;
  sections.forEach((section, i) => {
    section.voters = Math.floor((rows * weights[i]!) / weightSum);
    assigned += section.voters;
  });
  for (let i = 0; assigned < rows; i = (i + 1) % sections.length, assigned++) sections[i]!.voters++;
  return sections;
}

/** Days from 1 January 1926 to 31 December 2008: the birth dates of today's voters. */
const FIRST_BIRTH = Date.UTC(1926, 0, 1);
const BIRTH_DAYS = Math.floor((Date.UTC(2008, 11, 31) - FIRST_BIRTH) / 86_400_000) + 1;
const SPACE = BIRTH_DAYS * 1000;
/** Coprime with SPACE (a prime that does not divide it): i → i × STEP mod SPACE is a bijection. */
const STEP = 2_654_435_761 % SPACE;

/**
 * The i-th voter's ЕГН: a birth date of an adult and a serial, picked by a bijection of i, so
 * every i below 30 million gives another number, in no order. Month +40 for births from 2000.
 */
export function voterEgn(i: number): string {
  const n = Number((BigInt(i) * BigInt(STEP)) % BigInt(SPACE));
  const date = new Date(FIRST_BIRTH + Math.floor(n / 1000) * 86_400_000);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1 + (year >= 2000 ? 40 : 0);
  const first9 = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(date.getUTCDate()).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  return first9 + checkDigits.egn(first9);
}

/** Writes text to a file as it is produced, waiting when the disk is behind: memory stays flat. */
async function writeLines(path: string, lines: () => Generator<string>): Promise<void> {
  const out = createWriteStream(path);
  let chunk = '';
  for (const line of lines()) {
    chunk += line;
    if (chunk.length >= 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/** stations.csv for the sections (the importer's format). */
export function writeStations(path: string, sections: Section[]): Promise<void> {
  return writeLines(path, function* () {
    yield 'number,name,address,settlement,district,constituency,lat,lon,step_free,mobile\n';
    for (const [i, s] of sections.entries()) {
      const lat = (41.3 + ((i * 7) % 290) / 100).toFixed(5);
      const lon = (22.4 + ((i * 13) % 620) / 100).toFixed(5);
      yield `${s.number},Секция ${s.number},ул. Училищна ${1 + (i % 90)},${s.settlement},Община ${s.number.slice(2, 4)},${s.number.slice(0, 2)} МИР,${lat},${lon},${i % 3 === 0 ? 'yes' : 'no'},no\n`;
    }
  });
}

/** register.csv: every section's voters in turn, as a register is exported. */
export function writeRegister(path: string, sections: Section[]): Promise<void> {
  return writeLines(path, function* () {
    yield 'id_number,station_number\n';
    let i = 0;
    for (const s of sections) for (let v = 0; v < s.voters; v++) yield `${voterEgn(i++)},${s.number}\n`;
  });
}
