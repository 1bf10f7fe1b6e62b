import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { actionDeadline, deadlineFromRule } from '#core/elections/deadlines';
import { electionSchema } from '#core/elections/schema';
import { ELECTION_FILES, ELECTIONS, getElection } from '#functions/elections/registry';
import { LOCALES } from '#core/i18n';
import { CHECKERS } from '#site/markdown/checker-block';
import { guideFrontmatter } from '#site/markdown/guide-schema';
import { SOURCES } from '#site/markdown/sources';
import { dataTable } from '#core/data-table';

const GUIDES = 'content/guides';
const SEEDS = resolve(process.env.SEEDS_DIR ?? '../shared/seeds');

interface GuideFile {
  locale: string;
  slug: string;
  data: ReturnType<typeof guideFrontmatter.parse>;
  body: string;
}

function readGuides(): GuideFile[] {
  return LOCALES.flatMap((locale) =>
    readdirSync(join(GUIDES, locale))
      .filter((name) => name.endsWith('.md'))
      .map((name) => {
        const text = readFileSync(join(GUIDES, locale, name), 'utf8');
        const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
        if (!match) throw new Error(`${locale}/${name}: no frontmatter`);
        return { locale, slug: name.replace(/\.md$/, ''), data: guideFrontmatter.parse(parseYaml(match[1]!)), body: match[2]! };
      }),
  );
}

const guides = readGuides();
const slugs = [...new Set(guides.map((g) => g.slug))].sort();

describe('guides', () => {
  it.each(LOCALES)('every guide exists in %s', (locale) => {
    expect(
      guides
        .filter((g) => g.locale === locale)
        .map((g) => g.slug)
        .sort(),
    ).toEqual(slugs);
  });

  it('has the five guides the source documents call for', () => {
    expect(slugs).toEqual([
      'bulgaria-2024-elections',
      'kazakhstan-2026-absentee-certificates',
      'kyrgyzstan-2024-voter-list',
      'kyrgyzstan-consular-services',
      'kyrgyzstan-international-observers',
    ]);
  });

  it.each(slugs)('%s: the language versions agree on country, topic, election, source and translation key', (slug) => {
    const versions = guides.filter((g) => g.slug === slug);
    const facts = versions.map(({ data }) => [data.country, data.topic, data.election, data.source, data.translationOf]);
    expect(new Set(facts.map((f) => JSON.stringify(f))).size).toBe(1);
    expect(versions[0]!.data.translationOf).toBe(slug);
  });

  it('every election a guide names exists', () => {
    for (const guide of guides) if (guide.data.election) expect(getElection(guide.data.election), guide.slug).toBeDefined();
  });

  it('every source has a description in every locale', () => {
    for (const guide of guides) expect(SOURCES[guide.data.source], guide.data.source).toBeDefined();
  });

  it('every {{table}} marker names a valid data table and every {{checker}} a known checker', () => {
    for (const guide of guides) {
      for (const [, kind, id] of guide.body.matchAll(/\{\{(table|checker):([a-z0-9-]+)\}\}/g)) {
        if (kind === 'table') {
          const table = dataTable.parse(JSON.parse(readFileSync(`content/data/${id}.json`, 'utf8')));
          expect(table.id).toBe(id);
        } else {
          expect(CHECKERS[id!], `${guide.locale}/${guide.slug}: checker ${id}`).toBeDefined();
          expect(guide.data.election, `${guide.slug} needs an election for its checker`).toBeDefined();
        }
      }
    }
  });

  it('every guide has the same markers in every locale', () => {
    for (const slug of slugs) {
      const markers = guides.filter((g) => g.slug === slug).map((g) => [...g.body.matchAll(/\{\{[a-z]+:[a-z0-9-]+\}\}/g)].map((m) => m[0]).join(' '));
      expect(new Set(markers).size, slug).toBe(1);
    }
  });
});

describe.skipIf(!existsSync(SEEDS))('guides against their source documents', () => {
  // Skipped only where ../shared/seeds is absent (set SEEDS_DIR to point elsewhere).
  const seed = (name: string) => readFileSync(join(SEEDS, name), 'utf8');
  const digits = (text: string) => text.replace(/\D/g, '');

  it('every source names an existing seed', () => {
    for (const guide of guides) expect(existsSync(join(SEEDS, guide.data.source)), guide.data.source).toBe(true);
    for (const election of ELECTIONS) expect(existsSync(join(SEEDS, election.source)), election.source).toBe(true);
  });

  it('every phone number a guide links to appears in its seed', () => {
    for (const guide of guides) {
      const source = digits(seed(guide.data.source));
      for (const [, number] of guide.body.matchAll(/\]\(tel:([^)]+)\)/g)) {
        const national = digits(number!).replace(/^(359|996|7)(?=\d{6,})/, '');
        expect(source.includes(national.replace(/^0/, '')), `${guide.locale}/${guide.slug}: tel:${number}`).toBe(true);
      }
    }
  });

  it('every help channel in the election data appears in the election’s seed', () => {
    for (const election of ELECTIONS) {
      const text = seed(election.source);
      for (const channel of election.help) {
        const found = channel.kind === 'phone' || channel.kind === 'sms' ? digits(text).includes(digits(channel.value)) : text.includes(channel.value);
        expect(found, `${election.id}: ${channel.value}`).toBe(true);
        if (channel.kind === 'web') expect(text.includes(channel.href.replace(/\/$/, '')) || text.includes(channel.value), channel.href).toBe(true);
      }
    }
  });

  it('every e-mail address and web address a guide links to appears in its seed', () => {
    const normalise = (url: string) =>
      url
        .replace(/^(https?:\/\/|mailto:)/, '')
        .replace(/^www\./, '')
        .replace(/[—–]/g, '-')
        .replace(/\/$/, '');
    for (const guide of guides) {
      const source = normalise(seed(guide.data.source))
        .replace(/https?:\/\/(www\.)?/g, '')
        .replace(/[—–]/g, '-');
      for (const [, target] of guide.body.matchAll(/\]\(((?:https?:|mailto:)[^)]+)\)/g)) {
        expect(source.includes(normalise(target!)), `${guide.locale}/${guide.slug}: ${target}`).toBe(true);
      }
    }
  });
});

describe('election data', () => {
  it('registers every file in content/elections', () => {
    expect(
      readdirSync('content/elections')
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual([...ELECTION_FILES].sort());
  });

  it.each(ELECTIONS.map((e) => [e.id, e] as const))('%s: every dated rule gives its date', (_id, election) => {
    for (const deadline of election.deadlines) {
      if (!deadline.rule) continue;
      expect(election.votingDay, `${deadline.id} has a rule but the election has no voting day`).toBeDefined();
      expect(deadlineFromRule(election.votingDay!, deadline.rule), deadline.id).toBe(deadline.date);
    }
  });

  it.each(ELECTIONS.map((e) => [e.id, e] as const))('%s: deadlines are ordered as the rules say', (_id, election) => {
    const byId = new Map(election.deadlines.map((d) => [d.id, d]));
    expect(byId.size, 'deadline ids are unique').toBe(election.deadlines.length);
    for (const deadline of election.deadlines) {
      if (deadline.opens) expect(deadline.opens <= deadline.date, `${deadline.id} opens before it closes`).toBe(true);
      if (election.votingDay) expect(deadline.date < election.votingDay, `${deadline.id} is before voting day`).toBe(true);
      for (const earlier of deadline.after) {
        expect(byId.has(earlier), `${deadline.id} follows unknown ${earlier}`).toBe(true);
        expect(byId.get(earlier)!.date <= deadline.date, `${deadline.id} is not before ${earlier}`).toBe(true);
      }
    }
  });

  it('the checkers find the deadline of each action they judge in the election data', () => {
    const bg = getElection('bg-2024-06-09')!;
    const kz = getElection('kz-2026-referendum')!;
    expect(actionDeadline(bg, 'current-address-request').date).toBe('2024-05-25');
    expect(actionDeadline(bg, 'mobile-box-request').date).toBe('2024-05-25');
    expect(actionDeadline(bg, 'mobile-box-late-request').date).toBe('2024-06-03');
    expect(actionDeadline(kz, 'absentee-certificate')).toMatchObject({ opens: '2026-02-27', date: '2026-03-14', closesAt: '18:00' });
  });

  it.each(ELECTIONS.map((e) => [e.id, e] as const))('%s: names a guide that exists in every locale', (_id, election) => {
    for (const locale of LOCALES)
      expect(
        guides.some((g) => g.locale === locale && g.slug === election.guide),
        `${locale}/${election.guide}`,
      ).toBe(true);
  });

  it('refuses an action that names no deadline of the election', () => {
    const bg = JSON.parse(readFileSync('content/elections/bg-2024-06-09.json', 'utf8')) as Record<string, unknown>;
    const result = electionSchema.safeParse({ ...bg, actions: { 'mobile-box-request': 'no-such-deadline' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['actions', 'mobile-box-request']);
  });
});
