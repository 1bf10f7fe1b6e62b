import type { Translation } from '../../types';

/** Russian strings for the staff area (filled by the staff feature). */
export const staff = {
} as const satisfies Translation<'staff', 'ru'>;
