import type { Translation } from '#core/i18n/types';

/** Bulgarian strings for "report a problem with this answer". */
export const reports = {
  'field.kind': 'Какво не е наред',
  title: 'Съобщете за проблем с този отговор',
  description: 'Съобщете ни, ако отговорът за избирателната секция изглежда грешен, за да го сверим с официалните списъци.',
  'kind.wrong_address': 'Адресът е грешен',
  'kind.closed_or_moved': 'Секцията е затворена или преместена',
  'kind.access': 'Информацията за достъпа е грешна',
  'kind.wrong_station': 'Зачислен съм към друга секция',
  'kind.other': 'Друго',
  details: 'Какво не е наред?',
  noPersonalNumber: 'Не пишете личния си номер тук. Написаното се съхранява шифровано и се изтрива след 90 дни.',
  contact: 'Как да се свържем с вас? (по желание)',
  contactHint: 'Само ако искате отговор. Съхранява се шифровано и се изтрива след 90 дни.',
  submit: 'Изпратете',
  thanks: 'Благодарим ви. Съобщението ви (номер {id}) стигна до екипа, който поддържа списъка със секциите.',
} as const satisfies Translation<'reports', 'bg'>;
