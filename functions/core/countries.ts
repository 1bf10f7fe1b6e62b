/** Countries the service covers, as ISO 3166-1 alpha-2 codes. */
export const COUNTRIES = ['BG', 'KG', 'KZ'] as const;
export type Country = (typeof COUNTRIES)[number];
