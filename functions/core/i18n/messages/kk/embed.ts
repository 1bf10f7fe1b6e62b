import type { Translation } from '#core/i18n/types';

/** Kazakh strings for the embeddable lookup. */
export const embed = {
  description:
    'Дауыс беретін жеріңізді (сайлау учаскесін немесе Болгарияда сайлау секциясын) жеке нөмір немесе мекенжай бойынша табыңыз: осы сайттағы Voter Desk іздеуі.',
  fullLookup: 'Voter Desk сайтында толық іздеуді ашу (жаңа қойындыда ашылады)',
  newTab: '(жаңа қойындыда ашылады)',
  about: 'Бұл іздеуді сайлау органы емес, сайлаушыларға көмектесетін тәуелсіз Voter Desk қызметі жүргізеді.',
} as const satisfies Translation<'embed', 'kk'>;
