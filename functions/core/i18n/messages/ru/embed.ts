import type { Translation } from '#core/i18n/types';

/** Russian strings for the embeddable lookup. */
export const embed = {
  description: 'Найдите свой избирательный участок по персональному номеру или по адресу: поиск Voter Desk на этом сайте.',
  fullLookup: 'Открыть полный поиск на Voter Desk (откроется в новой вкладке)',
  newTab: '(откроется в новой вкладке)',
  about: 'Поиск предоставляет Voter Desk — независимый сервис помощи избирателям, а не избирательный орган.',
} as const satisfies Translation<'embed', 'ru'>;
