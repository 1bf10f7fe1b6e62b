// Builds dist/client/sw.js from site/offline/sw.ts and the rules it imports, site/offline/policy.ts,
// after `astro build`. No bundler is needed for two files: Node's own type stripping turns each
// into JavaScript (types become blanks; comments and blank lines are then dropped, since every
// first visit downloads the worker), the rules go first, in their own scope without their
// `export`s, handing the worker the names it imports, and the worker follows without its one
// import, all in one classic script (module service workers are not supported everywhere yet). The version in the cache names is a
// hash of that script and the names of the built files, so each deploy that changes either
// replaces the caches. The result is minified with esbuild (a first visit downloads it with every
// public page) and parsed before it is written.
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { stripTypeScriptTypes } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { transform } from 'esbuild';

const POLICY = 'site/offline/policy.ts';
const WORKER = 'site/offline/sw.ts';

/**
 * Drops whole-line comments and blank lines. A block comment counts only when nothing but
 * spaces stands before and after it on its lines, so no code can be taken with it.
 */
function withoutComments(code: string): string {
  return code
    .replace(/^[ \t]*\/\*(?:[^*]|\*(?!\/))*\*\/[ \t]*$/gm, '')
    .replace(/^[ \t]*\/\/.*$/gm, '')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '')
    .join('\n');
}

function fail(message: string): never {
  throw new Error(`service worker build: ${message}`);
}

export async function serviceWorkerSource(): Promise<string> {
  const policy = withoutComments(stripTypeScriptTypes(await readFile(POLICY, 'utf8')));
  const worker = withoutComments(stripTypeScriptTypes(await readFile(WORKER, 'utf8')));
  if (/^\s*import\b/m.test(policy)) fail(`${POLICY} must import nothing: it is copied into sw.js as it is`);
  const imports = worker.match(/^import\b[^;]*;$/gm) ?? [];
  const [policyImport] = imports;
  if (imports.length !== 1 || !policyImport?.includes("from './policy'")) fail(`${WORKER} may import ./policy only, once`);
  if (!worker.includes("'__BUILD_VERSION__'")) fail(`${WORKER} lost its version placeholder`);
  const names = (/^import\s*\{([^}]*)\}/.exec(policyImport)?.[1] ?? fail(`${WORKER} must import names from ./policy`))
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.some((name) => !/^\w+$/.test(name))) fail(`${WORKER} imports ${names.join(', ')}: plain names only, no renaming`);
  const rules = policy.replace(/^export /gm, '');
  if (/\bexport\b/.test(rules.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''))) fail(`${POLICY} has an export the build cannot remove`);
  const list = names.join(', ');
  return `(() => {\n'use strict';\nconst { ${list} } = (() => {\n${rules}\nreturn { ${list} };\n})();\n${worker.replace(policyImport, '')}\n})();\n`;
}

async function builtFiles(dir: string): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) if (entry.isFile()) names.push(entry.name);
  return names.sort();
}

export async function buildServiceWorker(client = 'dist/client'): Promise<{ version: string; bytes: number }> {
  const source = await serviceWorkerSource();
  const version = createHash('sha256')
    .update(source)
    .update((await builtFiles(join(client, '_astro'))).join('\n'))
    .digest('hex')
    .slice(0, 12);
  // A classic script, as the source is: whitespace and local names go, nothing else changes.
  const { code: script } = await transform(source.replace("'__BUILD_VERSION__'", `'${version}'`), { minify: true, format: 'iife', target: 'es2020' });
  new Script(script, { filename: 'sw.js' });
  await writeFile(join(client, 'sw.js'), script);
  return { version, bytes: Buffer.byteLength(script) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { version, bytes } = await buildServiceWorker();
  console.log(`sw.js: version ${version}, ${bytes} bytes`);
}
