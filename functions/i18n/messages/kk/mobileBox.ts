import type { Translation } from '../../types';

/** Kazakh strings for the mobile ballot box. */
export const mobileBox = {
  'task.title': 'Көшпелі жәшікті сұрау',
  'task.about': 'Учаскеге бара алмайтын мүмкіндігі шектеулі сайлаушылар үшін.',
} as const satisfies Translation<'mobileBox', 'kk'>;
