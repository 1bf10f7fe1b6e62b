import type { Translation } from '#core/i18n/types';

/** Russian strings for "report a problem with this answer". */
export const reports = {
  'field.kind': 'Что не так',
  title: 'Сообщить о проблеме с этим ответом',
  description: 'Сообщите нам, если ответ о месте голосования кажется неверным: мы сверим его с официальными списками.',
  'kind.wrong_address': 'Адрес неверный',
  'kind.closed_or_moved': 'Участок закрыт или переехал',
  'kind.access': 'Сведения о доступе неверны',
  'kind.wrong_station': 'Я приписан к другому участку',
  'kind.other': 'Другое',
  details: 'Что не так?',
  noPersonalNumber: 'Не указывайте здесь свой персональный номер. Написанное шифруется и удаляется через 90 дней.',
  contact: 'Как с вами связаться? (необязательно)',
  contactHint: 'Только если хотите получить ответ. Контакт шифруется и удаляется через 90 дней.',
  submit: 'Отправить сообщение',
  thanks: 'Спасибо. Ваше сообщение (номер {id}) получили сотрудники, которые ведут список участков.',
} as const satisfies Translation<'reports', 'ru'>;
