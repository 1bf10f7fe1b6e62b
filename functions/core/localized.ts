import { z } from 'zod';
import { LOCALES, type Locale } from './i18n';

/** A text written in every locale; a missing or empty translation fails validation. */
export const localizedText = z.object(Object.fromEntries(LOCALES.map((locale) => [locale, z.string().trim().min(1)])) as Record<Locale, z.ZodString>).strict();
export type LocalizedText = z.infer<typeof localizedText>;
