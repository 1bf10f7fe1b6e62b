import { z } from 'zod';
import { langField, optionalText } from '#functions/lookup/schemas';
import { checkEgn, checkLnch, normalizeIdInput } from '#core/lookup/personal-numbers';
import { field } from '#core/validation';
import { getElection } from '#functions/elections/registry';
import { campaignOf, campaignsOf } from './campaign';

/**
 * The mobile-box application, shared by the API (and its OpenAPI document), the form pages
 * and the tests. Forms send strings: `consent` arrives as "true", `ballots` as repeated
 * fields, empty optional fields as "" (all handled here, once).
 */

const required = (max: number) => z.string().trim().min(1).max(max);
const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

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
  })
  .meta({ id: 'MobileBoxRepresentative', description: 'Who applies on the voter’s behalf (no notarised power of attorney is needed).' });

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
  const address = request.address as { district?: unknown } | undefined;
  const district = typeof address?.district === 'string' ? address.district.trim() : '';
  if (district !== '' && !campaign.area.districts.some((known) => known.id === district))
    context.addIssue({ code: 'custom', path: ['address', 'district'], params: { code: 'invalid_choice' }, message: 'not a district of this area' });
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
  consent: field(
    z
      .preprocess((value) => value === true || value === 'true' || value === 'on' || undefined, z.literal(true))
      .meta({ description: 'Must be true: the voter agrees that the administration processes these data for the request.' }),
    { label: 'mobileBox.field.consent', messages: { required: 'mobileBox.error.consent', invalid: 'mobileBox.error.consent' } },
  ),
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

/** An application that came on paper, by post, fax, e-mail or eDelivery, entered by staff: the same checks, plus how it came. */
export const paperRequest = z
  .preprocess(
    withoutUnusedRepresentative,
    fields
      .extend({ channel: field(z.enum(['paper', 'post', 'fax', 'email', 'edelivery']), { label: 'staff.field.channel' }) })
      .superRefine(checkAll, { when: () => true }),
  )
  .meta({ id: 'MobileBoxPaperRequest' });
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

export const requestStatus = z
  .object({
    status: z.enum(['received', 'accepted', 'rejected', 'assigned']),
    reason: z.string().optional().meta({ description: 'With `rejected`: why.' }),
    section: z.string().optional().meta({ description: 'With `assigned`: the mobile section that will come.' }),
  })
  .meta({ id: 'MobileBoxStatus' });
export type RequestStatus = z.infer<typeof requestStatus>;
