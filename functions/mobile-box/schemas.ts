import { z } from 'zod';
import { langField, optionalText } from '#functions/lookup/schemas';
import { checkEgn, checkLnch, normalizeIdInput } from '#core/lookup/personal-numbers';
import { field } from '#core/validation';
import { earliestReceipt } from '#core/mobile-box/receipt';
import { getElection } from '#functions/elections/registry';
import { campaignOf, campaignsOf } from './campaign';
import { liesIn, settlementById } from './settlements';

/**
 * The mobile-box application, shared by the API (and its OpenAPI document), the form pages
 * and the tests. Forms send strings: `consent` arrives as "true", `ballots` as repeated
 * fields, empty optional fields as "" (all handled here, once).
 */

const required = (max: number) => z.string().trim().min(1).max(max);
const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
/** A box that must be ticked: `true` in JSON, "true" or "on" from a form. Left out it is `required`; any other value (`false`) is `invalid_choice`. */
const ticked = (description: string) =>
  z.preprocess((value) => value === true || value === 'true' || value === 'on' || undefined, z.literal(true)).meta({ description });

/** A phone number as people write it: digits, spaces, +, -, parentheses; 6 to 15 digits. */
const phone = z
  .string()
  .trim()
  .max(30)
  .refine((value) => /^[+0-9 ()-]+$/.test(value) && (value.match(/\d/g)?.length ?? 0) >= 6 && (value.match(/\d/g)?.length ?? 0) <= 15, {
    params: { code: 'invalid_format' },
  });

export const addressSchema = z
  .object({
    district: field(required(40).meta({ description: 'A district id from GET /api/mobile-box-requests/districts.' }), {
      label: 'mobileBox.field.district',
      messages: { required: 'mobileBox.error.district', invalid_choice: 'mobileBox.error.district' },
    }),
    settlement: field(
      z.preprocess(emptyToUndefined, z.string().trim().max(60).optional()).meta({
        description:
          'The settlement (city, town or village) of the address, by its id in `GET /api/mobile-box-requests/districts`; the area’s main settlement (its first) when left out. Late applications and the ten-application threshold go by settlement.',
      }),
      { label: 'mobileBox.field.settlement', messages: { invalid_choice: 'mobileBox.error.settlement' } },
    ),
    street: field(required(120).meta({ description: 'Street, boulevard or housing estate.', example: 'ж.к. Младост 1' }), {
      label: 'mobileBox.field.street',
      autocomplete: 'address-line1',
    }),
    number: field(optionalText(10), { label: 'mobileBox.field.number', autocomplete: 'off', messages: { required: 'mobileBox.error.numberOrBlock' } }),
    block: field(optionalText(10), { label: 'mobileBox.field.block', autocomplete: 'off' }),
    entrance: field(optionalText(10), { label: 'mobileBox.field.entrance', autocomplete: 'off' }),
    floor: field(optionalText(10), { label: 'mobileBox.field.floor', autocomplete: 'off', inputMode: 'numeric' }),
    apartment: field(optionalText(10), { label: 'mobileBox.field.apartment', autocomplete: 'off' }),
  })
  .superRefine(
    (address, context) => {
      // A house has a street number and no block; a block may have no street number: one of the two.
      const given = (value: unknown) => typeof value === 'string' && value.trim() !== '';
      if (!given(address?.number) && !given(address?.block))
        context.addIssue({ code: 'custom', path: ['number'], params: { code: 'required' }, message: 'number or block' });
    },
    // Also when other address fields are wrong: every problem is listed at once.
    { when: () => true },
  )
  .meta({ id: 'MobileBoxAddress' });

export const representativeSchema = z
  .object({
    fullName: field(required(120), { label: 'mobileBox.field.representativeName', autocomplete: 'off' }),
    idNumber: field(z.string().trim().min(1).max(40), { label: 'mobileBox.field.representativeIdNumber', inputMode: 'numeric', autocomplete: 'off' }),
    phone: field(phone, {
      label: 'mobileBox.field.representativePhone',
      autocomplete: 'off',
      inputMode: 'tel',
      messages: { invalid_format: 'mobileBox.error.phone' },
    }),
    // Seed 004, line 93: "чрез упълномощено лице (пълномощното не е необходимо да е нотариално заверено)".
    powerOfAttorney: field(ticked('Must be true: the representative holds a power of attorney signed by the voter (it need not be notarised).'), {
      label: 'mobileBox.field.powerOfAttorney',
      messages: { required: 'mobileBox.error.powerOfAttorney', invalid: 'mobileBox.error.powerOfAttorney', invalid_choice: 'mobileBox.error.powerOfAttorney' },
    }),
  })
  .meta({
    id: 'MobileBoxRepresentative',
    description: 'Who applies on the voter’s behalf, holding a power of attorney signed by the voter (it need not be notarised).',
  });

const ballots = z
  .array(
    z
      .string()
      .trim()
      .regex(/^[a-z0-9-]+$/)
      .max(40),
  )
  .min(1)
  .max(10)
  .refine((list) => new Set(list).size === list.length, { params: { code: 'invalid_choice' } })
  .meta({
    description:
      'The ballots of the election to vote in with the mobile ballot box, by their ids in the election data (`GET /api/mobile-box-requests/districts` lists them). One request is made per ballot.',
  });

/**
 * What only the election data can tell: the area (needed when the election takes applications in
 * more than one), the ballots, the district. Runs with the field checks, so every problem is
 * listed at once; an unknown election is refused on its own field.
 */
function checkCampaign(request: Partial<Record<keyof z.infer<typeof fields>, unknown>>, context: z.RefinementCtx) {
  if (!request || typeof request !== 'object' || typeof request.election !== 'string') return;
  const election = getElection(request.election.trim());
  if (!election?.mobileBox || election.country !== 'BG') {
    context.addIssue({ code: 'custom', path: ['election'], params: { code: 'invalid_choice' }, message: 'no mobile ballot box in this election' });
    return;
  }
  const areaId = typeof request.area === 'string' && request.area.trim() !== '' ? request.area.trim() : undefined;
  const campaigns = campaignsOf(election);
  const campaign = areaId === undefined ? (campaigns.length === 1 ? campaigns[0] : undefined) : campaignOf(election, areaId);
  if (!campaign) {
    context.addIssue({ code: 'custom', path: ['area'], params: { code: areaId === undefined ? 'required' : 'invalid_choice' }, message: 'area' });
    return;
  }
  if (Array.isArray(request.ballots)) {
    request.ballots.forEach((ballot, index) => {
      if (typeof ballot === 'string' && !campaign.config.ballots.some((known) => known.id === ballot.trim()))
        context.addIssue({ code: 'custom', path: ['ballots', index], params: { code: 'invalid_choice' }, message: 'not a ballot of this election' });
    });
  }
  const address = request.address as { district?: unknown; settlement?: unknown } | undefined;
  const district = typeof address?.district === 'string' ? address.district.trim() : '';
  const knownDistrict = campaign.area.districts.some((known) => known.id === district);
  if (district !== '' && !knownDistrict)
    context.addIssue({ code: 'custom', path: ['address', 'district'], params: { code: 'invalid_choice' }, message: 'not a district of this area' });
  const settlementId = typeof address?.settlement === 'string' ? address.settlement.trim() : '';
  const settlement = settlementId === '' ? undefined : settlementById(campaign, settlementId);
  // A settlement of another area, or one the data places in other districts than the one chosen.
  if (settlementId !== '' && (!settlement || (knownDistrict && !liesIn(settlement, district))))
    context.addIssue({ code: 'custom', path: ['address', 'settlement'], params: { code: 'invalid_choice' }, message: 'not a settlement of this district' });
}

/** Checks a personal number by citizenship: an ЕГН for a Bulgarian citizen, an ЛНЧ for a citizen of another EU state. */
function checkNumber(citizenship: 'BG' | 'EU' | undefined, value: string) {
  const normalized = normalizeIdInput(value);
  return citizenship === 'EU' ? checkLnch(normalized) : checkEgn(normalized);
}

/**
 * The personal numbers by the rules of their kind. Runs also when other fields are wrong (so
 * every problem is listed at once), hence the checks of what is there.
 */
function checkNumbers(request: Partial<Record<keyof z.infer<typeof fields>, unknown>>, context: z.RefinementCtx) {
  if (!request || typeof request !== 'object') return;
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const own = text(request.idNumber);
  const citizenship = request.citizenship === 'EU' ? 'EU' : 'BG';
  if (own !== '') {
    const check = checkNumber(citizenship, own);
    if (!check.ok)
      context.addIssue({
        code: 'custom',
        path: ['idNumber'],
        params: { code: 'invalid_format', personalNumber: { problem: check.problem, kind: check.kind } },
        message: check.problem,
      });
  } else if (typeof request.idNumber === 'string') {
    context.addIssue({ code: 'custom', path: ['idNumber'], params: { code: 'required' }, message: 'required' });
  }
  if (request.submittedBy !== 'representative') return;
  const representative = request.representative as { idNumber?: unknown } | undefined;
  if (!representative) {
    context.addIssue({ code: 'custom', path: ['representative'], params: { code: 'required' }, message: 'required' });
    return;
  }
  const theirs = text(representative.idNumber);
  if (theirs === '') return;
  const egn = checkEgn(normalizeIdInput(theirs));
  if (!egn.ok && !checkLnch(normalizeIdInput(theirs)).ok) {
    context.addIssue({
      code: 'custom',
      path: ['representative', 'idNumber'],
      params: { code: 'invalid_format', personalNumber: { problem: egn.problem, kind: 'EGN' } },
      message: egn.problem,
    });
  }
}

const fields = z.object({
  turnstileToken: z.string().max(2048).optional().meta({ description: 'When Turnstile is switched on: the widget’s token for the action `mobile_box`.' }),
  election: field(z.string().trim().min(1).max(60).meta({ description: 'An election id from `content/elections/` that takes mobile-box applications.' }), {
    label: 'common.field.election',
  }),
  area: field(
    z
      .preprocess(emptyToUndefined, z.string().trim().max(60).optional())
      .meta({ description: 'The area (municipality) id; needed only when the election takes applications in more than one.' }),
    { label: 'mobileBox.field.area' },
  ),
  ballots: field(ballots, { label: 'mobileBox.field.ballots', messages: { required: 'mobileBox.error.ballots', too_small: 'mobileBox.error.ballots' } }),
  citizenship: field(z.enum(['BG', 'EU']).meta({ description: '`BG`: a Bulgarian citizen (ЕГН); `EU`: a citizen of another EU state (ЛНЧ).' }), {
    label: 'mobileBox.field.citizenship',
  }),
  idNumber: field(z.string().trim().max(40), { label: 'mobileBox.field.idNumber', hint: 'mobileBox.hint.idNumber', inputMode: 'numeric', autocomplete: 'off' }),
  fullName: field(required(120).meta({ example: 'Мария Иванова Петрова' }), { label: 'mobileBox.field.fullName', autocomplete: 'name' }),
  address: addressSchema,
  phone: field(phone.meta({ example: '0888 123 456' }), {
    label: 'mobileBox.field.phone',
    autocomplete: 'tel',
    inputMode: 'tel',
    messages: { invalid_format: 'mobileBox.error.phone' },
  }),
  email: field(z.preprocess(emptyToUndefined, z.email().max(200).optional()), { label: 'mobileBox.field.email', autocomplete: 'email', inputMode: 'email' }),
  submittedBy: field(z.enum(['self', 'representative']), { label: 'mobileBox.field.submittedBy' }),
  representative: field(representativeSchema.optional(), { label: 'mobileBox.representative.title', messages: { required: 'mobileBox.error.representative' } }),
  // Seed 004, lines 85 and 104: the right belongs to voters with a permanent disability who cannot vote in the polling room.
  declaration: field(
    ticked('Must be true: the applicant declares that the voter has a permanent disability that keeps them from voting in the polling room.'),
    {
      label: 'mobileBox.field.declaration',
      hint: 'mobileBox.hint.declaration',
      messages: { required: 'mobileBox.error.declaration', invalid: 'mobileBox.error.declaration', invalid_choice: 'mobileBox.error.declaration' },
    },
  ),
  consent: field(ticked('Must be true: the applicant has read the privacy notice (`/<locale>/privacy/`): who uses these details, why and for how long.'), {
    label: 'mobileBox.field.consent',
    messages: { required: 'mobileBox.error.consent', invalid: 'mobileBox.error.consent', invalid_choice: 'mobileBox.error.consent' },
  }),
  lang: langField,
});

/**
 * `POST /api/mobile-box-requests`: every field checked at once; the personal numbers by the
 * citizenship's rule; the representative required (and only kept) when one applies.
 */
// A form sends the representative's (empty) fields even when the voter applies: they do not count then.
function withoutUnusedRepresentative(input: unknown): unknown {
  if (input && typeof input === 'object' && (input as { submittedBy?: unknown }).submittedBy !== 'representative') {
    const { representative: _ignored, ...rest } = input as Record<string, unknown>;
    return rest;
  }
  return input;
}

const checkAll = (request: Partial<Record<keyof z.infer<typeof fields>, unknown>>, context: z.RefinementCtx) => {
  checkNumbers(request, context);
  checkCampaign(request, context);
};

export const mobileBoxRequest = z.preprocess(withoutUnusedRepresentative, fields.superRefine(checkAll, { when: () => true })).meta({ id: 'MobileBoxRequest' });

const paperFields = fields.extend({
  channel: field(z.enum(['paper', 'post', 'fax', 'email', 'edelivery']), { label: 'staff.field.channel' }),
  receivedOn: field(
    z.iso.date().meta({
      description:
        'The date of receipt (the administration’s stamp, the postmark’s arrival, the fax or e-mail’s day), in the election’s time zone: the rules are applied as of this day. Not later than today, not earlier than the day the election was called (or, where the data does not give it, the first day the election data names).',
      example: '2024-05-25',
    }),
    { label: 'staff.field.receivedOn', messages: { too_small: 'staff.error.receivedOnEarly', too_big: 'staff.error.receivedOnFuture' } },
  ),
  incomingNumber: field(required(40).meta({ description: 'The administration’s incoming number (входящ номер).', example: '94-00-123' }), {
    label: 'staff.field.incomingNumber',
    autocomplete: 'off',
  }),
});

/** A date of receipt no earlier than the election's earliest one (the clock's "not later than today" is checked where the clock is). */
function checkReceipt(request: Partial<Record<keyof z.infer<typeof paperFields>, unknown>>, context: z.RefinementCtx) {
  if (!request || typeof request !== 'object' || typeof request.election !== 'string' || typeof request.receivedOn !== 'string') return;
  const election = getElection(request.election.trim());
  if (election && /^\d{4}-\d{2}-\d{2}$/.test(request.receivedOn) && request.receivedOn < earliestReceipt(election))
    context.addIssue({ code: 'custom', path: ['receivedOn'], params: { code: 'too_small' }, message: 'before the election was called' });
}

/**
 * An application that came on paper, by post, fax, e-mail or eDelivery, entered by staff: the
 * same checks, plus how it came, its date of receipt and the administration's incoming number.
 */
export const paperRequest = z
  .preprocess(
    withoutUnusedRepresentative,
    paperFields.superRefine(
      (request, context) => {
        checkAll(request, context);
        checkReceipt(request, context);
      },
      { when: () => true },
    ),
  )
  .meta({ id: 'MobileBoxPaperRequest' });
export type PaperRequest = z.output<typeof paperRequest>;
export type MobileBoxRequest = z.infer<typeof fields>;

export const statusRequest = z
  .object({
    reference: field(z.string().trim().min(1).max(20).meta({ example: 'K7M2P-Q9RTX' }), { label: 'mobileBox.field.reference', autocomplete: 'off' }),
    idNumber: field(z.string().trim().min(1).max(40), { label: 'mobileBox.field.idNumber', inputMode: 'numeric', autocomplete: 'off' }),
    lang: langField,
    turnstileToken: z
      .string()
      .max(2048)
      .optional()
      .meta({ description: 'When Turnstile is switched on: the widget’s token for the action `mobile_box_status`.' }),
  })
  .meta({ id: 'MobileBoxStatusRequest' });
export type StatusRequest = z.infer<typeof statusRequest>;

const ballotId = z.string().meta({ description: 'A ballot id of the election.' });
export const createdRequests = z
  .object({
    requests: z.array(
      z.object({
        reference: z.string().meta({ example: 'K7M2P-Q9RTX' }),
        ballot: ballotId,
        form: z.string().meta({ example: '31-НС' }),
        status: z.literal('received'),
        late: z.boolean().meta({ description: 'Made after the regular deadline, in the late window.' }),
      }),
    ),
  })
  .meta({ id: 'MobileBoxCreated' });
export type CreatedRequests = z.infer<typeof createdRequests>;

/** What staff get for a paper entry: the requests, the date of receipt the rules were applied at, and the hand-over flag. */
export const paperCreated = createdRequests
  .extend({
    receivedOn: z.string().meta({ description: 'The date of receipt the rules were applied at.', example: '2024-05-25' }),
    afterHandover: z.boolean().meta({
      description: 'Entered after the route list of the district’s mobile section was sent to the police: register the voter and send the list again.',
    }),
  })
  .meta({ id: 'MobileBoxPaperCreated' });
export type PaperCreated = z.infer<typeof paperCreated>;

export const requestStatus = z
  .object({
    status: z.enum(['received', 'accepted', 'rejected', 'assigned']),
    receivedOn: z
      .string()
      .meta({ description: 'The date of receipt (for an application on paper, the day the administration received it).', example: '2024-05-25' }),
    reason: z.string().optional().meta({ description: 'With `rejected`: why.' }),
    section: z.string().optional().meta({ description: 'With `assigned`: the mobile section that will come.' }),
  })
  .meta({ id: 'MobileBoxStatus' });
export type RequestStatus = z.infer<typeof requestStatus>;

/** An applicant's address as staff (and, on a route, the police) are given it back. */
export const applicantAddress = z.object({
  settlement: z.string().optional().meta({ description: 'The town or village, when it is not the municipality’s main settlement.' }),
  district: z.string(),
  street: z.string(),
  number: z.string().optional(),
  block: z.string().optional(),
  entrance: z.string().optional(),
  floor: z.string().optional(),
  apartment: z.string().optional(),
});
