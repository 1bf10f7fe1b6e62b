import type { Translation } from '../../types';

/** Russian strings for error messages and form error summaries. */
export const errors = {
  'not_found': 'По этому адресу ничего нет.',
  'internal': 'У нас что-то пошло не так. Попробуйте ещё раз через минуту.',
  'db_unavailable': 'База данных сейчас не отвечает. Попробуйте ещё раз через минуту.',
  'prefix': 'Ошибка:',
  'rate_limited': 'Слишком много попыток с вашего подключения. Подождите минуту и попробуйте снова.',
  'payload_too_large': 'Запрос слишком большой.',
  'field.required': 'Заполните поле «{fieldName}».',
  'field.invalid': 'Проверьте поле «{fieldName}»: значение неверно.',
  'summaryTitle': 'Есть проблема',
  'validation': 'Некоторые ответы нужно исправить.',
  'bad_request': 'Не удалось прочитать запрос. Отправьте корректный JSON.',
  'method_not_allowed': 'Этот адрес не принимает запросы такого вида.',
  'unsupported_media_type': 'Запрос отправлен в формате, который этот адрес не принимает.',
  'forbidden': 'Этот запрос не разрешён.',
  'unauthorized': 'Сначала войдите в систему.',
  'field.too_long': {
    one: 'В поле «{fieldName}» может быть не больше {count} знака.',
    few: 'В поле «{fieldName}» может быть не больше {count} знаков.',
    many: 'В поле «{fieldName}» может быть не больше {count} знаков.',
    other: 'В поле «{fieldName}» может быть не больше {count} знака.',
  },
  'field.too_short': {
    one: 'В поле «{fieldName}» нужен хотя бы {count} знак.',
    few: 'В поле «{fieldName}» нужно хотя бы {count} знака.',
    many: 'В поле «{fieldName}» нужно хотя бы {count} знаков.',
    other: 'В поле «{fieldName}» нужно хотя бы {count} знака.',
  },
  'field.invalid_format': 'Проверьте поле «{fieldName}»: оно записано не так, как ожидается.',
  'field.invalid_choice': 'Выберите один из вариантов в поле «{fieldName}».',
  'field.invalid_date': 'Проверьте поле «{fieldName}»: такой даты не существует.',
  'field.not_a_number': 'В поле «{fieldName}» должно быть число.',
  'field.too_small': 'Значение поля «{fieldName}» должно быть не меньше {min}.',
  'field.too_big': 'Значение поля «{fieldName}» должно быть не больше {max}.',
} as const satisfies Translation<'errors', 'ru'>;
