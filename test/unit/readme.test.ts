import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoData } from '#scripts/seed/demo-data';
import { inRange, placeKey } from '#core/lookup/normalize';

const readme = readFileSync('README.md', 'utf8');
const data = demoData();

describe('README', () => {
  it('starts with the two commands', () => {
    const commands = [...readme.matchAll(/```sh\n([^\n]+)\n```/g)].map((m) => m[1]);
    expect(commands.slice(0, 2)).toEqual(['npm install && npm start', 'npm test']);
  });

  it('lists demo personal numbers that the demo data registers at the stated stations', () => {
    const pairs = [...readme.matchAll(/`(\d{10,14})`(?: \| | → )(\d{3,9})/g)].map((m) => [m[1]!, m[2]!] as const);
    expect(pairs.length).toBeGreaterThanOrEqual(6);
    for (const [id, station] of pairs) {
      const entry = data.flatMap((d) => d.register).find((row) => row[0] === id);
      expect(entry, id).toBeDefined();
      expect(entry![1], id).toBe(station);
    }
  });

  it('gives demo addresses that resolve to the stated stations', () => {
    const checks: [string, string, number, string][] = [
      ['София', 'бул. Витоша', 17, '244601001'],
      ['София', 'бул. Витоша', 24, '244601003'],
      ['София', 'бул. Витоша', 71, '244601002'],
      ['Бишкек', 'Чүй проспекти', 7, '1001'],
      ['Алматы', 'Абай даңғылы', 2, '103'],
    ];
    for (const [settlement, street, number, station] of checks) {
      expect(readme).toContain(station);
      const range = data
        .flatMap((d) => d.ranges)
        .find(
          (r) => placeKey(r[0]!) === placeKey(settlement) && placeKey(r[1]!) === placeKey(street) && inRange(number, Number(r[2]), Number(r[3]), r[4] as 'all'),
        );
      expect(range?.[5], `${street} ${number}`).toBe(station);
    }
  });

  it('stays short: the rest lives in docs/', () => {
    expect(readme.trimEnd().split('\n').length).toBeLessThan(150);
  });
});

// The README and docs/*.md: every link and every path they name must stay true as the tree moves.
const pages = [
  'README.md',
  ...readdirSync('docs')
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
const text = (page: string) => readFileSync(page, 'utf8');
/** Markdown without its fenced code blocks (a `#` in a shell comment is not a heading). */
const prose = (page: string) => text(page).replace(/^```[\s\S]*?^```/gm, '');

/** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as dashes, repeats numbered. */
function anchors(page: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const [, heading] of prose(page).matchAll(/^#{1,6} (.+)$/gm)) {
    const base = heading!
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N} _-]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

describe('README and docs/', () => {
  it('links from the README to every page of docs/', () => {
    for (const page of pages.filter((p) => p !== 'README.md')) expect(readme, page).toContain(`](${page})`);
  });

  it('links only to files and headings that exist', () => {
    for (const page of pages) {
      for (const [, target] of prose(page).matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue;
        const [path, anchor] = target!.split('#') as [string, string | undefined];
        const file = path === '' ? page : normalize(join(dirname(page), path));
        expect(existsSync(file), `${page} → ${target}`).toBe(true);
        if (anchor !== undefined && file.endsWith('.md')) expect([...anchors(file)], `${page} → ${target}`).toContain(anchor);
      }
    }
  });

  it('names only paths that exist in the repository', () => {
    const root =
      /^(?:functions|db|site|scripts|test|content|public|\.ci)\/|^(?:wrangler\.toml|astro\.config\.mjs|package\.json|drizzle\.config\.ts|tsconfig[\w.]*\.json|vitest\.\w+\.config\.ts)$/;
    for (const page of pages) {
      for (const [, span] of text(page).matchAll(/`([^`\n]+)`/g)) {
        // Placeholders (<locale>, *.json, …) and URL paths (/api/…) are not files.
        if (!root.test(span!) || /[<>*…{}\s]/.test(span!)) continue;
        expect(existsSync(span!), `${page}: ${span}`).toBe(true);
      }
    }
  });
});
