import { z } from 'zod';
import { localizedText } from './localized';

const cell = z.union([z.string(), localizedText]);

/** A data table in content/data/<id>.json, rendered into guides by `{{table:<id>}}`. */
export const dataTable = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    source: z.string(),
    caption: localizedText,
    columns: z.array(z.object({ key: z.string(), label: localizedText, kind: z.enum(['text', 'tel', 'email', 'url']) }).strict()).min(1),
    rows: z.array(z.record(z.string(), cell)).min(1),
  })
  .strict()
  .superRefine((table, ctx) => {
    const keys = new Set(table.columns.map((c) => c.key));
    table.rows.forEach((row, index) => {
      for (const key of Object.keys(row)) {
        if (!keys.has(key)) ctx.addIssue({ code: 'custom', message: `row ${index + 1}: unknown column ${key}`, path: ['rows', index] });
      }
    });
  });
export type DataTable = z.infer<typeof dataTable>;
