import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { guideFrontmatter } from './markdown/guide-schema';

/** Guides: content/guides/<locale>/<slug>.md, one file per locale and guide. */
const guides = defineCollection({
  loader: glob({ pattern: '*/*.md', base: './content/guides' }),
  schema: guideFrontmatter,
});

export const collections = { guides };
