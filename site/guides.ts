import { getCollection, type CollectionEntry } from 'astro:content';
import type { Locale } from '#core/i18n';

export type Guide = CollectionEntry<'guides'>;

/** Splits a guide's collection id (`bg/bulgaria-2024-elections`) into locale and slug. */
export function guideParts(guide: Guide): { locale: Locale; slug: string } {
  const [locale, slug] = guide.id.split('/') as [Locale, string];
  return { locale, slug };
}

export async function guidesIn(locale: Locale): Promise<Guide[]> {
  const all = await getCollection('guides', (guide) => guideParts(guide).locale === locale);
  return all.sort((a, b) => a.data.title.localeCompare(b.data.title, locale));
}

export function guideUrl(guide: Guide): string {
  const { locale, slug } = guideParts(guide);
  return `/${locale}/guides/${slug}/`;
}
