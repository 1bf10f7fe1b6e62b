import type { Translation } from '../../types';

/** Kyrgyz strings for the mobile ballot box. */
export const mobileBox = {
  'task.title': 'Көчмө кутуну суроо',
  'task.about': 'Участокко бара албаган, ден соолугунун мүмкүнчүлүгү чектелген шайлоочулар үчүн.',
} as const satisfies Translation<'mobileBox', 'ky'>;
