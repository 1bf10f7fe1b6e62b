import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 22: a new vote is opened by adding data, so no code names an election, a municipality or
// a ballot. The ids come from content/ and from the tests' invented campaign (test/fixtures/content/).
const CONTENT_FOLDERS = ['content', 'test/fixtures/content'];
const CODE_FOLDERS = ['functions', 'site', 'db'];
// A landed migration is never edited; the schema (db/schema.ts) is checked like any code.
const SKIPPED = new Set(['db/migrations']);

function jsonFiles(folder: string): Record<string, unknown>[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as Record<string, unknown>);
}

function codeFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return SKIPPED.has(path) ? [] : codeFiles(path);
    return /\.(ts|tsx|astro|mjs|js)$/.test(entry.name) ? [path] : [];
  });
}

type Ballots = { mobileBox?: { ballots: { id: string }[] } };
const elections = CONTENT_FOLDERS.flatMap((folder) => jsonFiles(join(folder, 'elections')));
const areas = CONTENT_FOLDERS.flatMap((folder) => jsonFiles(join(folder, 'areas')));
const electionAndAreaIds = [...elections, ...areas].map((file) => String(file.id));
const ballotIds = [...new Set(elections.flatMap((election) => ((election as Ballots).mobileBox?.ballots ?? []).map((ballot) => ballot.id)))];
const code = CODE_FOLDERS.flatMap(codeFiles).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

describe('the code names no election, municipality or ballot of content/ (issue 22)', () => {
  it('reads the ids it looks for from the data, the invented campaign included', () => {
    expect(electionAndAreaIds).toEqual(expect.arrayContaining(['bg-2024-06-09', 'bg-sofia', 'test-2024-05-12-pvr', 'bg-primerovo']));
    expect(ballotIds).toEqual(expect.arrayContaining(['ep', 'ns', 'pvr']));
    expect(code.length).toBeGreaterThan(100);
  });

  it('no file of functions/, site/ or db/ holds an election id or an area id, not even in a comment', () => {
    const found = code.flatMap(({ path, text }) => electionAndAreaIds.filter((id) => text.includes(id)).map((id) => `${path}: ${id}`));
    expect(found).toEqual([]);
  });

  it('no string in functions/, site/ or db/ is a ballot id (ballots are read from the election data)', () => {
    const found = code.flatMap(({ path, text }) =>
      [...text.matchAll(/(['"`])([a-z0-9-]+)\1/g)].filter((match) => ballotIds.includes(match[2]!)).map((match) => `${path}: ${match[0]}`),
    );
    expect(found).toEqual([]);
  });
});
