import { z } from 'zod';
import { COUNTRIES } from '#core/countries';

export const GUIDE_TOPICS = ['voting', 'voter-list', 'absentee', 'observers', 'consular'] as const;

/** Frontmatter of a guide; `translationOf` ties the five language versions together. */
export const guideFrontmatter = z
  .object({
    title: z.string().trim().min(1),
    summary: z.string().trim().min(1),
    country: z.enum(COUNTRIES),
    topic: z.enum(GUIDE_TOPICS),
    election: z.string().optional(),
    source: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/),
    reviewed: z.coerce.date(),
    translationOf: z.string().regex(/^[a-z0-9-]+$/),
  })
  .strict();
export type GuideFrontmatter = z.infer<typeof guideFrontmatter>;
