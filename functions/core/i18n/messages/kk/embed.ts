import type { Translation } from '#core/i18n/types';

/** Kazakh strings for the embeddable lookup. */
export const embed = {
  description: 'Сайлау учаскеңізді жеке нөмір немесе мекенжай бойынша табыңыз: Voter Desk іздеуі осы сайтта.',
  fullLookup: 'Voter Desk сайтында толық іздеуді ашу (жаңа қойындыда ашылады)',
  newTab: '(жаңа қойындыда ашылады)',
  about: 'Бұл іздеуді сайлау органы емес, сайлаушыларға көмектесетін тәуелсіз Voter Desk қызметі жүргізеді.',
} as const satisfies Translation<'embed', 'kk'>;
