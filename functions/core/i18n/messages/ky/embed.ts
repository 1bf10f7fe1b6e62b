import type { Translation } from '#core/i18n/types';

/** Kyrgyz strings for the embeddable lookup. */
export const embed = {
  description: 'Шайлоо участогуңузду жеке номер же дарек боюнча табыңыз: Voter Desk издөөсү ушул сайтта.',
  fullLookup: 'Voter Desk сайтында толук издөөнү ачуу (жаңы өтмөктө ачылат)',
  newTab: '(жаңы өтмөктө ачылат)',
  about: 'Бул издөөнү шайлоо органы эмес, шайлоочуларга жардам берген көз карандысыз Voter Desk кызматы жүргүзөт.',
} as const satisfies Translation<'embed', 'ky'>;
