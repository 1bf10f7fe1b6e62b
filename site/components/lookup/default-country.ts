import type { Country } from '#core/countries';
import type { Locale } from '#core/i18n';

/** The country a form preselects for a page language (the visitor can change it). */
export const DEFAULT_COUNTRY: Record<Locale, Country> = { bg: 'BG', en: 'BG', ru: 'KG', ky: 'KG', kk: 'KZ' };
