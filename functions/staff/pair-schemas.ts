import { z } from 'zod';
import { field } from '#core/validation';
import { applicantAddress, paperCreated } from '#functions/mobile-box/schemas';
import { requestDetails } from './schemas';

/*
 * Pairs of applications: a repeated application of the same person for the same election and
 * ballot, linked to the earlier one (functions/mobile-box/repeats.ts), side by side for staff,
 * and how staff resolve the pair (functions/staff/pairs.ts).
 */

const STATUS = z.enum(['received', 'accepted', 'rejected', 'assigned']);
const CLOSED_AS = z.enum(['folded', 'superseded', 'merged', 'rejected']).meta({
  description:
    '`folded`: an identical repeat; `superseded`: staff kept the other of its pair; `merged`: its details went to the other; `rejected`: rejected when its pair was resolved.',
});

/** The contact details a merge may take from the repeat. */
export const MERGEABLE = ['fullName', 'address', 'phone', 'email', 'representative'] as const;
/** What the pair view compares: the contact details, and how and when each came. */
export const COMPARED = [...MERGEABLE, 'channel', 'createdAt'] as const;

const address = applicantAddress;

const pairSide = z.object({
  id: z.number().int(),
  reference: z.string(),
  status: STATUS,
  closedAs: CLOSED_AS.nullable(),
  district: z.string(),
  channel: z.enum(['online', 'paper', 'post', 'fax', 'email', 'edelivery']),
  submittedBy: z.enum(['self', 'representative']),
  createdAt: z.string(),
  sentTimes: z.number().int().meta({ description: 'How many identical submissions this application stands for (1 and its folded repeats).' }),
  person: z.object({ fullName: z.string(), address, phone: z.string(), email: z.string().optional() }),
  representative: z.object({ fullName: z.string(), phone: z.string() }).optional(),
  reason: z.string().optional().meta({ description: 'With `rejected`: why.' }),
});

export const requestPair = z
  .object({
    election: z.string(),
    ballot: z.string().meta({ description: 'A ballot id of the election: both applications are for it.' }),
    resolved: z.boolean().meta({ description: 'True once staff resolved the pair (who and how: the audit log).' }),
    first: pairSide.meta({ description: 'The earlier application, the one the repeat is linked to.' }),
    repeat: pairSide,
    differences: z.array(z.enum(COMPARED)).meta({ description: 'What differs between the two (the personal number is the same; it is left out here).' }),
  })
  .meta({ id: 'StaffRequestPair' });
export type RequestPair = z.infer<typeof requestPair>;

export const pairResolution = z
  .object({
    resolution: field(z.enum(['keep_first', 'keep_repeat', 'merge', 'reject_first', 'reject_repeat']), {
      label: 'staff.pair.field.resolution',
    }).meta({
      description:
        '`keep_first` / `keep_repeat`: keep one, the other is closed (its reference then answers as the one kept); `merge`: the first keeps its reference and takes the contact details in `take` from the repeat, which is closed as merged; `reject_first` / `reject_repeat`: reject one with a `reason`, which its applicant reads on the status page.',
    }),
    take: field(z.array(z.enum(MERGEABLE)).max(MERGEABLE.length).optional(), { label: 'staff.pair.field.take' }),
    reason: field(z.string().trim().max(500).optional(), { label: 'staff.field.reason', hint: 'staff.hint.reason' }),
  })
  .superRefine((body, context) => {
    if (body.resolution?.startsWith('reject') && !body.reason)
      context.addIssue({ code: 'custom', path: ['reason'], params: { code: 'required' }, message: 'a rejection needs a reason' });
    if (Array.isArray(body.take) && new Set(body.take).size !== body.take.length)
      context.addIssue({ code: 'custom', path: ['take'], params: { code: 'invalid_choice' }, message: 'each detail once' });
  })
  .meta({ id: 'StaffPairResolution' });
export type PairResolution = z.infer<typeof pairResolution>;

const resolvedSide = z.object({ id: z.number().int(), reference: z.string(), status: STATUS, closedAs: CLOSED_AS.nullable() });
export const pairResolved = z
  .object({ resolution: pairResolution.shape.resolution, first: resolvedSide, repeat: resolvedSide })
  .meta({ id: 'StaffPairResolved' });

/** The other application of a pair, as a request's page names it: its reference only when it is in the staff member's reach. */
const pairLink = z.object({
  id: z.number().int(),
  reference: z.string().optional().meta({ description: 'Left out when the application is outside the caller’s reach (another district).' }),
  district: z.string(),
  inReach: z.boolean().meta({ description: 'False when the pair can only be resolved by the city (the other application is in another district).' }),
  resolved: z.boolean(),
});

/** One request as staff open it, with its place in a pair: what it repeats, what repeats it, where it went if closed. */
export const requestWithPairs = requestDetails
  .extend({
    closedAs: CLOSED_AS.nullable(),
    closedInto: z
      .object({ id: z.number().int(), reference: z.string() })
      .optional()
      .meta({ description: 'A closed request: the one its reference answers as.' }),
    earlier: pairLink.optional().meta({ description: 'The earlier application this one repeats.' }),
    repeats: z.array(pairLink).meta({ description: 'Later applications that repeat this one (identical ones folded into it are counted in `sentTimes`).' }),
  })
  .meta({ id: 'StaffRequest' });

/** A paper entry's answer: the public one, plus what staff may know and the public may not: the earlier applications it repeats. */
export const paperEntered = paperCreated
  .extend({
    repeats: z
      .array(
        z.object({
          reference: z.string().meta({ description: 'The new request (one of `requests`).' }),
          ballot: z.string(),
          folded: z.boolean().meta({ description: 'An identical repeat of an application still received: folded into it, nothing new to review.' }),
          earlier: pairLink.omit({ resolved: true }),
        }),
      )
      .meta({ description: 'The new requests that repeat an earlier application of the same person: staff resolve each pair.' }),
  })
  .meta({ id: 'StaffPaperEntered' });
export type PaperEntered = z.infer<typeof paperEntered>;
