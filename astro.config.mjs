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
  vite: { build: { assetsInlineLimit: 0 }, resolve: { alias: testContent } },
  // The unified (remark/rehype) processor, for our guide blocks; GFM gives task lists.
  markdown: { processor: unified({ rehypePlugins: [rehypeGuideBlocks] }) },
});
