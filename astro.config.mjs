// @ts-check
import { defineConfig } from 'astro/config';
import cloudflare from '@astrojs/cloudflare';
import { unified } from '@astrojs/markdown-remark';
import { fileURLToPath } from 'node:url';
import rehypeGuideBlocks from './site/markdown/rehype-guide-blocks.ts';

// The browser tests of a campaign added as data only (test/e2e/campaign/) build the site with the
// tests' invented election and municipalities (test/fixtures/content/) beside content/.
const testContent =
  process.env.VOTER_DESK_TEST_CONTENT === '1'
    ? [{ find: /^#functions\/elections\/content-files$/, replacement: fileURLToPath(new URL('./test/fixtures/content-files.ts', import.meta.url)) }]
    : [];

// @astrojs/cloudflare gives every chunk the Worker's banner (`globalThis.process ??= {}; …`), the
// browser's scripts too, where nothing reads `process`: it is taken out of those, since every
// public page downloads them.
const WORKER_BANNER = /^globalThis\.process\s*\?\?=\s*\{\}[;,]\s*globalThis\.process\.env\s*\?\?=\s*\{\};?\s*/;
/** @type {import('vite').Plugin} */
const browserScriptsWithoutWorkerBanner = {
  name: 'voter-desk:browser-scripts-without-worker-banner',
  applyToEnvironment: (environment) => environment.name === 'client',
  generateBundle(_options, bundle) {
    for (const file of Object.values(bundle)) if (file.type === 'chunk') file.code = file.code.replace(WORKER_BANNER, '');
  },
};

// Vite puts a 1 KB helper in front of every dynamic import in the browser's scripts, to preload
// the chunk's imports and CSS. Our one dynamic import (a guide's checker rules, loaded after the
// page) imports only what the page has already run and has no CSS: a plain import() does it.
const PRELOAD_HELPER = '\0vite/preload-helper.js';
/** @type {import('vite').Plugin} */
const dynamicImportsWithoutPreloadHelper = {
  name: 'voter-desk:dynamic-imports-without-preload-helper',
  enforce: 'pre',
  applyToEnvironment: (environment) => environment.name === 'client',
  load: (id) => (id === PRELOAD_HELPER ? 'export const __vitePreload = (load) => load();' : undefined),
};

// A component's script is named `<Component>.astro_astro_type_script_index_0_lang.<hash>.js`, and
// every page that loads it carries that name: the component's name and the hash are enough.
/** @param {{ name: string }} chunk */
const scriptFileName = (chunk) => `_astro/${chunk.name.replace(/\.astro_astro_type_script_index_\d+_lang$/, '').replace(/[^\w.-]/g, '_')}.[hash].js`;

export default defineConfig({
  site: 'https://voterdesk.example',
  srcDir: './site',
  publicDir: './public',
  output: 'static',
  trailingSlash: 'ignore',
  adapter: cloudflare({ imageService: 'passthrough' }),
  session: false,
  // Forms posted to on-demand pages must come from our own origin: a foreign or missing Origin
  // gets 403 before the page runs (the pages' form helper relies on it). /api/* never reaches
  // Astro (functions/worker.ts), so the API answers its own JSON errors.
  security: { checkOrigin: true },
  build: { inlineStylesheets: 'never', format: 'directory' },
  devToolbar: { enabled: false },
  // Never inline scripts: the Content-Security-Policy allows scripts from our origin only.
  vite: {
    build: { assetsInlineLimit: 0 },
    resolve: { alias: testContent },
    plugins: [browserScriptsWithoutWorkerBanner, dynamicImportsWithoutPreloadHelper],
    environments: { client: { build: { rolldownOptions: { output: { entryFileNames: scriptFileName } } } } },
  },
  // The unified (remark/rehype) processor, for our guide blocks; GFM gives task lists.
  markdown: { processor: unified({ rehypePlugins: [rehypeGuideBlocks] }) },
});
