import { z } from 'zod';
import { langField, optionalText } from '#functions/lookup/schemas';
import { field } from '#core/validation';

export const REPORT_KINDS = ['wrong_address', 'closed_or_moved', 'access', 'wrong_station', 'other'] as const;

/** "Report a problem with this answer", shared by the API, the no-JavaScript page and the tests. */
export const reportRequest = z
  .object({
    kind: field(z.enum(REPORT_KINDS), { label: 'reports.field.kind' }),
    details: field(z.string().trim().min(1).max(1000), { label: 'reports.details', hint: 'reports.noPersonalNumber' }),
    contact: field(optionalText(200).meta({ description: 'How staff can answer (optional); stored encrypted.' }), {
      label: 'reports.contact',
      hint: 'reports.contactHint',
      autocomplete: 'email',
    }),
    lang: langField,
  })
  .meta({ id: 'ReportRequest' });
export type ReportRequest = z.infer<typeof reportRequest>;

export const reportCreated = z
  .object({ report: z.object({ id: z.number().int().meta({ description: 'The reference to quote.' }) }) })
  .meta({ id: 'ReportCreated' });
