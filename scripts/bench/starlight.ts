// The Starlight figure `npm run bench:site` compares the guides with: the same guide Markdown
// (content/guides/<locale>/*.md) built with Astro Starlight, in a temporary folder, with
// packages from the npm registry, and weighed the way bench:site weighs our pages (gzip, the
// page and everything it loads). `npm run bench:site -- --starlight` runs it; on its own:
// `node scripts/env.ts tsx scripts/bench/starlight.ts`.
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { LOCALES } from '#core/i18n';

/** The versions the figure was taken with (astro as this repository pins it). */
export const STARLIGHT_VERSIONS = { '@astrojs/starlight': '0.42.9', astro: '7.3.5' } as const;

function sh(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

/** Our frontmatter down to what Starlight's docs schema takes: the title and a description. */
async function asStarlightPage(markdown: string): Promise<string> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  if (!match) throw new Error('a guide without frontmatter');
  const front = parseYaml(match[1]!) as { title: string; summary?: string };
  const head = `---\ntitle: ${JSON.stringify(front.title)}\ndescription: ${JSON.stringify(front.summary ?? front.title)}\n---\n`;
  return head + markdown.slice(match[0].length);
}

/**
 * Builds the guides with Starlight (its defaults: sidebar, search, theme switcher; the five
 * locales as Starlight's own i18n) and returns the folder of the built site, to be weighed and
 * then removed by the caller.
 */
export async function buildStarlightGuides(): Promise<{ dist: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'voter-desk-starlight-'));
  const docs = join(dir, 'src', 'content', 'docs');
  for (const locale of LOCALES) {
    await mkdir(join(docs, locale), { recursive: true });
    for (const file of await readdir(join('content', 'guides', locale))) {
      if (!file.endsWith('.md')) continue;
      await writeFile(join(docs, locale, file), await asStarlightPage(await readFile(join('content', 'guides', locale, file), 'utf8')));
    }
  }
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'starlight-guides', private: true, type: 'module', dependencies: STARLIGHT_VERSIONS }, null, 2),
  );
  await writeFile(
    join(dir, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  const locales = Object.fromEntries(LOCALES.map((locale) => [locale, { label: locale, lang: locale }]));
  await writeFile(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({
  site: 'https://voterdesk.example',
  integrations: [starlight({ title: 'Voter Desk', defaultLocale: 'en', locales: ${JSON.stringify(locales)} })],
});
`,
  );
  await cp('public/favicon.svg', join(dir, 'public', 'favicon.svg')).catch(() => undefined);
  await sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], dir);
  await sh('npx', ['astro', 'build'], dir);
  return { dist: join(dir, 'dist'), cleanup: () => rm(dir, { recursive: true, force: true }) };
}
