import { z } from 'zod';
import { localizedText } from '#core/localized';
import sources from '#content/sources.json';

/** What each source document is, for the "Based on" line of a guide (content/sources.json, checked here). */
export const SOURCES: Record<string, z.infer<typeof localizedText>> = z.record(z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/), localizedText).parse(sources);
