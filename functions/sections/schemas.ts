import { z } from 'zod';
import { field, numberInput } from '#core/validation';
import { applicantAddress } from '#functions/mobile-box/schemas';

// Paths send text, JSON bodies numbers; `z.coerce` would also read true as 1.
const id = numberInput(z.number().int().positive());

export const sectionIdParam = z.object({ id: id.meta({ example: 1 }) });
export const stopIdParam = z.object({ id: id.meta({ example: 1 }), stopId: id.meta({ example: 1 }) });

const coordinates = z
  .object({
    lat: field(z.number().min(-90).max(90).meta({ example: 42.6505 }), { label: 'sections.field.lat', inputMode: 'decimal' }),
    lon: field(z.number().min(-180).max(180).meta({ example: 23.3792 }), { label: 'sections.field.lon', inputMode: 'decimal' }),
  })
  .strict()
  .meta({ id: 'Coordinates' });

export const registerRequest = z
  .object({
    requestIds: field(z.array(id).min(1).max(500), { label: 'sections.field.requestIds' }).meta({
      description: 'Accepted requests (`/api/admin/requests`) to put on this route; a voter’s two ballots become one stop.',
    }),
  })
  .strict()
  .meta({ id: 'RouteRegistration' });

export const orderRequest = z
  .object({
    stopIds: field(z.array(id).max(5000), { label: 'sections.field.stopIds' })
      .optional()
      .meta({ description: 'Every stop of the route once, in visiting order; the order is then kept.' }),
    automatic: z.literal(true).optional().meta({ description: 'Hand the order back to the computed route.' }),
  })
  .strict()
  .superRefine((body, context) => {
    if ((body.stopIds === undefined) === (body.automatic === undefined))
      context.addIssue({ code: 'custom', path: ['stopIds'], params: { code: 'required' }, message: 'give stopIds or automatic' });
  })
  .meta({ id: 'RouteOrder' });

export const locationRequest = z
  .object({ location: coordinates.nullable().meta({ description: 'The stop’s coordinates, or `null` to clear them.' }) })
  .strict()
  .meta({ id: 'StopLocation' });

export const sectionUpdate = z
  .object({
    number: field(
      z
        .string()
        .trim()
        .regex(/^\d{9}$/),
      { label: 'sections.field.number', inputMode: 'numeric' },
    )
      .nullable()
      .optional()
      .meta({ description: 'The 9-digit number the district election commission gave the section.', example: '234600101' }),
    baseAddress: field(z.string().trim().min(3).max(200), { label: 'sections.field.baseAddress', autocomplete: 'off' }).optional(),
    location: coordinates.nullable().meta({ description: 'The base’s coordinates, or `null` to clear them.' }).optional(),
  })
  .strict()
  .meta({ id: 'SectionUpdate' });

/** The МИР the city sets for a district without a station: one of the МИР the election's stations serve. */
export const constituencyRequest = z
  .object({
    constituency: field(
      z
        .string()
        .trim()
        .regex(/^\d{1,3}$/),
      { label: 'sections.constituency.field', inputMode: 'numeric' },
    ).meta({ description: 'The multi-member constituency (МИР) number, e.g. `24`: one the election’s mobile polling stations serve.', example: '24' }),
  })
  .strict()
  .meta({ id: 'DistrictConstituencyUpdate' });

export const districtParam = z.object({
  district: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(60)
    .meta({ example: 'lozenets' }),
});

const address = applicantAddress;

export const sectionSummary = z
  .object({
    id: z.number().int(),
    election: z.string(),
    label: z.string().meta({ description: 'The number, or the district and МИР until it has one.' }),
    number: z.string().nullable(),
    constituency: z.string(),
    district: z.string(),
    baseAddress: z.string(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    reach: z.enum(['full', 'own-voters']).meta({ description: '`own-voters`: a district without its own section sees only the voters it sent.' }),
    stops: z.number().int(),
    orderKept: z.boolean(),
    handedOverAt: z.string().nullable(),
    handedOverBy: z.string().nullable(),
    changedAfterHandover: z.boolean(),
    overdue: z.boolean().meta({ description: 'Not handed over, and the election’s hand-over deadline has passed.' }),
  })
  .meta({ id: 'MobileSection' });

export const districtConstituency = z
  .object({
    district: z.string(),
    constituency: z.string().nullable(),
    source: z.enum(['data', 'set', 'unknown']).meta({ description: '`data`: the area’s file gives it; `set`: a city user set it; `unknown`: neither yet.' }),
    setBy: z.string().nullable(),
    setAt: z.string().nullable(),
  })
  .meta({ id: 'DistrictConstituency' });

export const sectionList = z
  .object({
    election: z.string(),
    editable: z.boolean().meta({ description: 'False once the election is past its route hand-over deadline: it can be read, not changed.' }),
    transferOpen: z.boolean(),
    constituencies: z
      .array(districtConstituency)
      .meta({ description: 'The districts without a station of their own and their МИР (the city: all; a district: its own; the police: none).' }),
    sections: z.array(sectionSummary),
  })
  .meta({ id: 'MobileSectionList' });

const policeStop = z.object({ id: z.number().int(), position: z.number().int(), address, district: z.string(), location: coordinates.optional() });
const fullStop = policeStop.extend({
  late: z.boolean(),
  requests: z.array(z.object({ id: z.number().int(), reference: z.string(), ballot: z.string(), form: z.string() })),
  fullName: z.string(),
  phone: z.string(),
  representative: z.object({ fullName: z.string(), phone: z.string() }).optional(),
});

export const sectionRoute = z
  .object({
    section: sectionSummary,
    stops: z
      .array(z.union([fullStop, policeStop]))
      .meta({ description: 'In visiting order. The police get position, address, district and coordinates only.' }),
  })
  .meta({ id: 'MobileSectionRoute' });

export const registered = z.object({ sectionId: z.number().int(), registered: z.array(z.number().int()) });
export const removed = z.object({ sectionId: z.number().int(), removed: z.number().int() });
export const ordered = z.object({ sectionId: z.number().int(), orderKept: z.boolean() });
export const located = z.object({ sectionId: z.number().int(), stopId: z.number().int(), located: z.boolean() });
export const handedOver = z.object({ sectionId: z.number().int(), handedOverAt: z.string() });
