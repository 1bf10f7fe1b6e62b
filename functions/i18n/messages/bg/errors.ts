import type { Translation } from '../../types';

/** Bulgarian strings for error messages and form error summaries. */
export const errors = {
  'not_found': 'На този адрес няма нищо.',
  'internal': 'Възникна грешка при нас. Опитайте отново след минута.',
  'busy': 'В момента търсят много хора. Опитайте отново след минута.',
  'misconfigured': 'В момента услугата не е настроена правилно. Уведомени сме; опитайте отново по-късно.',
  'key_mismatch': 'В момента данните за секциите не могат да бъдат прочетени. Уведомени сме; опитайте отново по-късно.',
  'challenge_failed': 'Не успяхме да потвърдим, че заявката е изпратена от човек. Презаредете страницата и опитайте отново.',
  'challenge_unavailable': 'В момента не можем да проверяваме заявките, затова не отговаряме на тях. Опитайте отново след минута.',
  'db_unavailable': 'Базата данни не отговаря в момента. Опитайте отново след минута.',
  'prefix': 'Грешка:',
  'rate_limited': 'Твърде много опити от вашата връзка. Изчакайте минута и опитайте отново.',
  'payload_too_large': 'Заявката е твърде голяма.',
  'field.required': 'Попълнете „{fieldName}“.',
  'field.invalid': 'Проверете „{fieldName}“: стойността не е валидна.',
  'summaryTitle': 'Има проблем',
  'validation': 'Някои отговори трябва да бъдат поправени.',
  'bad_request': 'Заявката не може да бъде прочетена. Изпратете валиден JSON.',
  'method_not_allowed': 'Този адрес не приема такъв вид заявка.',
  'unsupported_media_type': 'Заявката е изпратена във формат, който този адрес не приема.',
  'forbidden': 'Тази заявка не е разрешена.',
  'unauthorized': 'Първо влезте в профила си.',
  'field.too_long': {
    one: '„{fieldName}“ може да съдържа най-много {count} знак.',
    other: '„{fieldName}“ може да съдържа най-много {count} знака.',
  },
  'field.too_short': {
    one: '„{fieldName}“ трябва да съдържа поне {count} знак.',
    other: '„{fieldName}“ трябва да съдържа поне {count} знака.',
  },
  'field.invalid_format': 'Проверете „{fieldName}“: не е написано по очаквания начин.',
  'field.invalid_choice': 'Изберете една от възможностите за „{fieldName}“.',
  'field.invalid_date': 'Проверете „{fieldName}“: това не е истинска дата.',
  'field.not_a_number': '„{fieldName}“ трябва да е число.',
  'field.too_small': '„{fieldName}“ трябва да е поне {min}.',
  'field.too_big': '„{fieldName}“ трябва да е най-много {max}.',
} as const satisfies Translation<'errors', 'bg'>;
