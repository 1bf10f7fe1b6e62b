// @ts-check
import { defineConfig } from 'astro/config';
import cloudflare from '@astrojs/cloudflare';

export default defineConfig({
  site: 'https://voterdesk.example',
  srcDir: './site',
  publicDir: './public',
  output: 'static',
  trailingSlash: 'ignore',
  adapter: cloudflare({ imageService: 'passthrough' }),
  session: false,
  build: { inlineStylesheets: 'never', format: 'directory' },
  devToolbar: { enabled: false },
});
