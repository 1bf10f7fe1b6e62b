import type { Translation } from '../../types';

/** Bulgarian strings for the mobile ballot box. */
export const mobileBox = {
  'task.title': 'Заявете подвижна избирателна кутия',
  'task.about': 'За избиратели с увреждания, които не могат да отидат до секцията.',
} as const satisfies Translation<'mobileBox', 'bg'>;
