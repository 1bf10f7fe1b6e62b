// Builds dist/client/sw.js from site/offline/sw.ts and the rules it imports, site/offline/policy.ts,
// after `astro build`: esbuild bundles the two into one classic script (module service workers
// are not supported everywhere yet), the rules first, keeping only what the worker uses (every
// first visit downloads it). The version in the cache names is a hash of that script and the
// names of the built files, so each deploy that changes either replaces the caches. The result
// is minified and parsed before it is written.
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { build, transform } from 'esbuild';

const POLICY = 'site/offline/policy.ts';
const WORKER = 'site/offline/sw.ts';

function fail(message: string): never {
  throw new Error(`service worker build: ${message}`);
}

/** The worker and its rules as one readable classic script, with the version placeholder still in it. */
export async function serviceWorkerSource(): Promise<string> {
  const policy = await readFile(POLICY, 'utf8');
  const worker = await readFile(WORKER, 'utf8');
  if (/^\s*import\b(?!\s+type\b)/m.test(policy)) fail(`${POLICY} must import nothing: its rules are all the worker runs besides itself`);
  const imports = worker.match(/^import\b(?!\s+type\b)[^;]*;$/gm) ?? [];
  if (imports.length !== 1 || !imports[0]?.includes("from './policy'")) fail(`${WORKER} may import ./policy only, once`);
  if (!worker.includes("'__BUILD_VERSION__'")) fail(`${WORKER} lost its version placeholder`);
  const { outputFiles } = await build({
    entryPoints: [WORKER],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    legalComments: 'none',
    logLevel: 'silent',
  });
  return outputFiles[0]?.text ?? fail('esbuild wrote nothing');
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
  const { code: script } = await transform(source.replace('"__BUILD_VERSION__"', `"${version}"`), { minify: true, target: 'es2020' });
  new Script(script, { filename: 'sw.js' });
  await writeFile(join(client, 'sw.js'), script);
  return { version, bytes: Buffer.byteLength(script) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { version, bytes } = await buildServiceWorker();
  console.log(`sw.js: version ${version}, ${bytes} bytes`);
}
