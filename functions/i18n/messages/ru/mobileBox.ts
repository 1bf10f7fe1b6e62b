import type { Translation } from '../../types';

/** Russian strings for the mobile ballot box. */
export const mobileBox = {
  'task.title': 'Заказать переносную урну',
  'task.about': 'Для избирателей с инвалидностью, которые не могут прийти на участок.',
} as const satisfies Translation<'mobileBox', 'ru'>;
