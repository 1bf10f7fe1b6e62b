import { z } from 'zod';
import { COUNTRIES } from '../platform/countries';
import { LOCALES } from '../platform/locale';

/**
 * Input schemas shared by the API, the no-JavaScript form handlers and the tests. Values
 * arrive as strings from forms, so numbers are coerced here, once.
 */
const country = z.enum(COUNTRIES);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value === '' ? undefined : value));

export const lookupRequest = z.object({
  country,
  idNumber: z.string().max(40),
  election: optionalText(60),
  lang: z.enum(LOCALES).optional(),
});
export type LookupRequest = z.infer<typeof lookupRequest>;

export const addressQuery = z.object({
  country,
  settlement: z.string().trim().min(1).max(120),
  street: optionalText(160),
  number: optionalText(20),
  election: optionalText(60),
});
export type AddressQuery = z.infer<typeof addressQuery>;

export const suggestionQuery = z.object({
  country,
  settlement: optionalText(120),
  q: z.string().trim().max(120).default(''),
  election: optionalText(60),
});

export const nearQuery = z.object({
  lat: z.coerce.number().min(-90).max(90),
  lon: z.coerce.number().min(-180).max(180),
  limit: z.coerce.number().int().min(1).max(20).default(5),
  country: country.optional(),
});
export type NearQuery = z.infer<typeof nearQuery>;

export const stationIdParam = z.object({ id: z.coerce.number().int().positive() });

export const REPORT_KINDS = ['wrong_address', 'closed_or_moved', 'access', 'wrong_station', 'other'] as const;
export const reportRequest = z.object({
  kind: z.enum(REPORT_KINDS),
  details: z.string().trim().min(1).max(1000),
  contact: optionalText(200),
  lang: z.enum(LOCALES).optional(),
});
export type ReportRequest = z.infer<typeof reportRequest>;
