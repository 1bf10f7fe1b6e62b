import { z } from 'zod';
import { field } from '#core/validation';

/** Every state-changing staff request carries its session's CSRF token. */
export const csrfHeader = z.object({ 'x-csrf-token': z.string().max(100).optional().meta({ description: 'The `csrfToken` from the login answer.' }) });

export const loginRequest = z
  .object({
    email: field(z.email().max(254).meta({ example: 'officer@example.org' }), { label: 'staff.field.email', autocomplete: 'username', inputMode: 'email' }),
    password: field(z.string().min(1).max(200), { label: 'staff.field.password', autocomplete: 'current-password' }),
  })
  .meta({ id: 'StaffLogin' });

export const staffUser = z
  .object({
    email: z.string(),
    role: z.enum(['district', 'city', 'police']),
    area: z.string().nullable().meta({ description: 'The area (municipality) the account serves.' }),
    district: z.string().nullable(),
  })
  .meta({ id: 'StaffUser' });

export const loginAnswer = z
  .object({
    csrfToken: z.string().meta({ description: 'Send it as `X-CSRF-Token` with every change.' }),
    user: staffUser,
  })
  .meta({ id: 'StaffSession' });

export const requestIdParam = z.object({ id: z.coerce.number().int().positive().meta({ example: 1 }) });

/** Which election a staff list is about; without it, the one the staff area shows (functions/staff/campaign.ts). */
export const electionQuery = z.object({
  election: z
    .string()
    .max(60)
    .optional()
    .meta({ description: 'An election id of the account’s area; without it, the current one (its application window open, else the most recent).' }),
});

export const requestListQuery = electionQuery.extend({
  ballot: z.string().max(40).optional(),
  status: z.enum(['received', 'accepted', 'rejected', 'assigned']).optional(),
});

const requestRow = z.object({
  id: z.number().int(),
  reference: z.string(),
  ballot: z.string().meta({ description: 'A ballot id of the election.' }),
  district: z.string(),
  status: z.enum(['received', 'accepted', 'rejected', 'assigned']),
  late: z.boolean(),
  channel: z.enum(['online', 'paper', 'post', 'fax', 'email', 'edelivery']),
  section: z.string().nullable(),
  createdAt: z.string().meta({ description: 'When it was stored (for a paper application: when staff entered it).' }),
  receivedOn: z.string().meta({ description: 'The date of receipt, in the election’s time zone: the rules and the summary go by it.', example: '2024-05-25' }),
  incomingNumber: z.string().nullable().meta({ description: 'The administration’s incoming number (входящ номер) of an application entered by staff.' }),
  afterHandover: z.boolean().meta({ description: 'Entered after the route list of its district’s mobile section was sent to the police.' }),
});

export const requestList = z
  .object({
    requests: z.array(requestRow),
    election: z.string(),
    editable: z.boolean().meta({ description: 'False once the election is past its route hand-over deadline: it can be read, not changed.' }),
    counts: z.array(z.object({ ballot: z.string(), status: z.enum(['received', 'accepted', 'rejected', 'assigned']), count: z.number().int() })),
  })
  .meta({ id: 'StaffRequestList' });

export const requestDetails = requestRow
  .omit({ section: true })
  .extend({
    election: z.string(),
    submittedBy: z.enum(['self', 'representative']),
    citizenship: z.enum(['BG', 'EU']),
    person: z.object({
      idNumber: z.string(),
      fullName: z.string(),
      address: z.object({
        district: z.string(),
        street: z.string(),
        number: z.string().optional(),
        block: z.string().optional(),
        entrance: z.string().optional(),
        floor: z.string().optional(),
        apartment: z.string().optional(),
      }),
      phone: z.string(),
      email: z.string().optional(),
    }),
    representative: z
      .object({
        fullName: z.string(),
        idNumber: z.string(),
        phone: z.string(),
        powerOfAttorney: z.literal(true).optional().meta({ description: 'They confirmed holding a power of attorney signed by the voter.' }),
      })
      .optional(),
    reason: z.string().optional(),
  })
  .meta({ id: 'StaffRequest' });

export const decisionRequest = z
  .object({
    decision: field(z.enum(['accept', 'reject']), { label: 'staff.field.decision' }),
    reason: field(z.string().trim().max(500).optional(), { label: 'staff.field.reason', hint: 'staff.hint.reason' }),
  })
  .superRefine((body, context) => {
    if (body.decision === 'reject' && !body.reason)
      context.addIssue({ code: 'custom', path: ['reason'], params: { code: 'required' }, message: 'a rejection needs a reason' });
  })
  .meta({ id: 'StaffDecision' });
