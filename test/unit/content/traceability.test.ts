import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ELECTIONS, getElection } from '#functions/elections/registry';
import type { Election } from '#core/elections/schema';
import { LOCALES, type Locale } from '#core/i18n';
import { guideFrontmatter } from '#site/markdown/guide-schema';

/**
 * Nothing the sources do not say: every number and every date a guide writes is traceable to
 * its seed or to its election data, and every date of the election data is either named by the
 * seed or carries its derivation (how it follows from the seed's own dates).
 */
const SEEDS = resolve(process.env.SEEDS_DIR ?? '../shared/seeds');

/** Month stems as the five languages write them in any case ("мая", "майдан", "наурызда"). */
const MONTHS: Record<Locale, string[]> = {
  bg: ['януари', 'февруари', 'март', 'април', 'май', 'юни', 'юли', 'август', 'септември', 'октомври', 'ноември', 'декември'],
  en: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  ru: ['январ', 'феврал', 'март', 'апрел', 'ма[йя]', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'],
  ky: ['январ', 'феврал', 'март', 'апрел', 'май', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'],
  kk: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
};

/** The languages each seed is written in (../shared/seeds/README.md). */
const SEED_LANGUAGES: Record<string, Locale[]> = { '000': ['ky', 'ru'], '001': ['kk'], '002': ['en'], '003': ['ky'], '004': ['bg'] };

/** Every day and month a text names ("14 May", "14-майдан", "15 наурыз", "09.06.2024"), as `MM-DD`. */
export function daysNamed(text: string, languages: Locale[]): Set<string> {
  const days = new Set<string>();
  for (const locale of languages) {
    MONTHS[locale].forEach((stem, index) => {
      const pattern = new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})(?:-?[\\p{L}]{0,3})?(?:\\s+|-|\\s*[–—-]\\s*)${stem}`, 'giu');
      for (const [, day] of text.matchAll(pattern)) days.add(`${String(index + 1).padStart(2, '0')}-${day!.padStart(2, '0')}`);
    });
  }
  if (languages.includes('en')) {
    // "November 28th, 2021"
    MONTHS.en.forEach((stem, index) => {
      for (const [, day] of text.matchAll(new RegExp(`(?<!\\p{L})${stem}\\p{L}*\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)`, 'giu')))
        days.add(`${String(index + 1).padStart(2, '0')}-${day!.padStart(2, '0')}`);
    });
  }
  for (const [, day, month] of text.matchAll(/(?<!\d)(\d{1,2})\.(\d{1,2})\.\d{4}(?!\d)/g)) days.add(`${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`);
  return days;
}

/** The numbers a text writes: runs of digits, without leading zeros. */
const numbersIn = (text: string) => new Set([...text.matchAll(/\d+/g)].map(([run]) => run.replace(/^0+(?=\d)/, '')));

/** A guide's prose: title, summary and body, without link targets, list numbering and markers. */
function prose(title: string, summary: string, body: string): string {
  const text = body
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/^\s*\d+\.\s/gm, '')
    .replace(/\{\{[a-z]+:[a-z0-9-]+\}\}/g, '')
    .replace(/<[^>]+>/g, '');
  return `${title}\n${summary}\n${text}`;
}

function electionDates(election: Election): { date: string; derived: boolean; what: string }[] {
  return [
    ...(election.votingDay ? [{ date: election.votingDay, derived: Boolean(election.votingDayDerivation), what: 'votingDay' }] : []),
    ...election.deadlines.flatMap((deadline) => [
      ...(deadline.opens ? [{ date: deadline.opens, derived: Boolean(deadline.derivation), what: `${deadline.id}.opens` }] : []),
      { date: deadline.date, derived: Boolean(deadline.derivation), what: `${deadline.id}.date` },
    ]),
  ];
}

const seedLanguages = (name: string) => SEED_LANGUAGES[name.slice(0, 3)] ?? [...LOCALES];

describe('daysNamed', () => {
  it('reads the ways the seeds and the guides write a day', () => {
    expect([...daysNamed('from 14 May to 19 June 2024', ['en'])].sort()).toEqual(['05-14', '06-19']);
    expect([...daysNamed('14-майдан 19-июнга чейин', ['ky'])].sort()).toEqual(['05-14', '06-19']);
    expect([...daysNamed('с 14 мая по 19 июня', ['ru'])].sort()).toEqual(['05-14', '06-19']);
    expect([...daysNamed('27 ақпаннан бастап 14 наурыз күнгі', ['kk'])].sort()).toEqual(['02-27', '03-14']);
    expect([...daysNamed('до 25 май 2024 г. и 09.06.2024', ['bg'])].sort()).toEqual(['05-25', '06-09']);
    expect([...daysNamed('on November 28th, 2021, and 9th November 2016', ['en'])].sort()).toEqual(['11-09', '11-28']);
    expect([...daysNamed('2017-model, 14 digits, 1255', ['en'])]).toEqual([]);
  });
});

describe.skipIf(!existsSync(SEEDS))('traceable to the sources', () => {
  const seed = (name: string) => readFileSync(join(SEEDS, name), 'utf8');

  it('every date of the election data is named by its seed or says how it was worked out', () => {
    const untraced: string[] = [];
    for (const election of ELECTIONS) {
      const named = daysNamed(seed(election.source), seedLanguages(election.source));
      for (const { date, derived, what } of electionDates(election)) {
        if (!derived && !named.has(date.slice(5))) untraced.push(`${election.id} ${what} ${date}`);
      }
    }
    expect(untraced.join('\n')).toBe('');
  });

  const guides = LOCALES.flatMap((locale) =>
    readdirSync(join('content/guides', locale)).map((name) => {
      const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(join('content/guides', locale, name), 'utf8'))!;
      return { locale, name, data: guideFrontmatter.parse(parseYaml(front!)), body: body! };
    }),
  );

  it.each(LOCALES)('%s: every number and every date in a guide is in its seed or its election data', (locale) => {
    const untraced: string[] = [];
    for (const guide of guides.filter((g) => g.locale === locale)) {
      const election = guide.data.election ? getElection(guide.data.election) : undefined;
      const source = seed(guide.data.source);
      const tables = [...guide.body.matchAll(/\{\{table:([a-z0-9-]+)\}\}/g)].map(([, id]) => readFileSync(`content/data/${id}.json`, 'utf8'));
      const electionText = election ? JSON.stringify(election) : '';
      const numbers = new Set([...numbersIn(source), ...numbersIn(electionText), ...tables.flatMap((table) => [...numbersIn(table)])]);
      const days = new Set([
        ...daysNamed(source, seedLanguages(guide.data.source)),
        ...(election ? electionDates(election).map(({ date }) => date.slice(5)) : []),
      ]);
      const text = prose(guide.data.title, guide.data.summary, guide.body);
      for (const number of numbersIn(text)) if (!numbers.has(number)) untraced.push(`${guide.name}: number ${number}`);
      for (const day of daysNamed(text, [locale])) if (!days.has(day)) untraced.push(`${guide.name}: date ${day}`);
    }
    expect(untraced.join('\n')).toBe('');
  });
});
