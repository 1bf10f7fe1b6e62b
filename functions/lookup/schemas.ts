import { z } from 'zod';
import { LOCALES } from '#core/i18n';
import { COUNTRIES } from '#core/countries';
import { field, numberInput } from '#core/validation';

/**
 * Input schemas shared by the API (and its OpenAPI document), the no-JavaScript form pages
 * and the tests. Values arrive as strings from forms, so numbers are read from text here, once.
 * Each field carries its label and input hints (`field()`), which forms and errors read.
 */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value === '' ? undefined : value));

export const countryField = field(z.enum(COUNTRIES).meta({ description: 'ISO 3166-1 alpha-2 code of the country.', example: 'BG' }), {
  label: 'lookup.field.country',
});
export const electionField = field(
  optionalText(60).meta({ description: 'An election id from `content/elections/`; without it, the country’s current election.' }),
  {
    label: 'common.field.election',
  },
);
export const langField = field(z.enum(LOCALES).optional().meta({ description: 'Language of the messages; wins over Accept-Language.' }), {
  label: 'common.field.lang',
});

export const lookupRequest = z
  .object({
    country: countryField,
    idNumber: field(
      z
        .string()
        .max(40)
        .meta({ description: 'ЕГН/ЛНЧ (BG), ПИН (KG) or ИИН (KZ). Spaces and dashes are ignored. Only ever sent in a POST body.', example: '7501020018' }),
      {
        label: 'lookup.field.idNumber',
        hint: 'lookup.idNumber.hint',
        inputMode: 'numeric',
        autocomplete: 'off',
      },
    ),
    election: electionField,
    lang: langField,
    turnstileToken: z.string().max(2048).optional().meta({ description: 'When Turnstile is switched on: the widget’s token for the action `lookup`.' }),
  })
  .meta({ id: 'LookupRequest' });
export type LookupRequest = z.infer<typeof lookupRequest>;

/** An address search: sent in a POST body, so no house number reaches a URL or a request log. */
export const addressQuery = z
  .object({
    country: countryField,
    settlement: field(z.string().trim().min(1).max(120).meta({ description: 'The settlement (city, town or village) as its people write it.' }), {
      label: 'lookup.field.settlement',
      autocomplete: 'address-level2',
    }),
    street: field(optionalText(160).meta({ example: 'бул. Витоша' }), { label: 'lookup.field.street', autocomplete: 'address-line1' }),
    number: field(optionalText(20).meta({ description: 'House number; a letter or fraction is allowed (`12А`, `14/2`).', example: '17' }), {
      label: 'lookup.field.number',
      autocomplete: 'off',
    }),
    election: electionField,
    lang: langField,
  })
  .meta({ id: 'AddressQuery' });
export type AddressQuery = z.infer<typeof addressQuery>;

export const suggestionQuery = z.object({
  country: countryField,
  settlement: field(optionalText(120), { label: 'lookup.field.settlement' }),
  q: field(z.string().trim().max(120).default('').meta({ description: 'What the visitor has typed so far.' }), { label: 'lookup.field.q' }),
  election: electionField,
});
export type SuggestionQuery = z.infer<typeof suggestionQuery>;

/** About 100 m: a position is never used (or kept anywhere) more precisely than this. */
const roundPosition = (value: number) => Math.round(value * 1000) / 1000;

/** "Near me": sent in a POST body, rounded to about 100 m (the browser rounds it before sending, too). */
export const nearQuery = z
  .object({
    lat: field(numberInput(z.number().min(-90).max(90)).transform(roundPosition).meta({ example: 42.698 }), { label: 'lookup.field.lat' }),
    lon: field(numberInput(z.number().min(-180).max(180)).transform(roundPosition).meta({ example: 23.322 }), { label: 'lookup.field.lon' }),
    limit: field(numberInput(z.number().int().min(1).max(20)).default(5), { label: 'lookup.field.limit' }),
    country: field(z.enum(COUNTRIES).optional().meta({ description: 'Only this country; without it, every country’s current election.' }), {
      label: 'lookup.field.country',
    }),
    election: electionField,
    lang: langField,
  })
  .meta({ id: 'NearQuery' });
export type NearQuery = z.infer<typeof nearQuery>;

export const stationIdParam = z.object({
  id: field(z.coerce.number().int().positive().meta({ description: 'The station’s id in our data.', example: 1 }), { label: 'lookup.field.id' }),
});
