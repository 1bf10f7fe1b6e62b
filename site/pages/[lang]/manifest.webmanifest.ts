import type { APIRoute, GetStaticPaths } from 'astro';
import { LOCALES, translator, type Locale } from '#core/i18n';

/**
 * The web app manifest, one per locale (built as /<locale>/manifest.webmanifest): an installed
 * Voter Desk opens at the home page of the language it was installed from (a page the service
 * worker can keep; `/` only redirects), and its description is in that language. One `id`, so
 * the five are one app. The icons are drawn by scripts/icons.ts.
 */
export const getStaticPaths = (() => LOCALES.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const locale = params.lang as Locale;
  const t = translator(locale);
  const manifest = {
    id: '/',
    name: t('common.site.name'),
    short_name: t('common.site.name'),
    description: t('common.site.tagline'),
    lang: locale,
    dir: 'ltr',
    start_url: `/${locale}/`,
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#0b4fa8',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
  return new Response(JSON.stringify(manifest), { headers: { 'Content-Type': 'application/manifest+json' } });
};
