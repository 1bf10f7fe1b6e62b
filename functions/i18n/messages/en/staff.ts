/** English strings for the staff area (filled by the staff feature). Every other locale has exactly these keys. */
export const staff = {
} as const;
