import type { Translation } from '#core/i18n/types';

/** Bulgarian strings for the embeddable lookup. */
export const embed = {
  description: 'Намерете своята избирателна секция по личен номер или по адрес: търсенето на Voter Desk, показано на този сайт.',
  fullLookup: 'Отворете пълното търсене във Voter Desk (отваря се в нов раздел)',
  newTab: '(отваря се в нов раздел)',
  about: 'Търсенето се предоставя от Voter Desk, независима услуга в помощ на избирателите, а не от избирателен орган.',
} as const satisfies Translation<'embed', 'bg'>;
