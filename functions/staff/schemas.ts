import { z } from 'zod';
import { field } from '#core/validation';
import { applicantAddress } from '#functions/mobile-box/schemas';

/** Every state-changing staff request carries its session's CSRF token. */
export const csrfHeader = z.object({ 'x-csrf-token': z.string().max(100).optional().meta({ description: 'The `csrfToken` from the login answer.' }) });

export const loginRequest = z
  .object({
    email: field(z.email().max(254).meta({ example: 'officer@example.org' }), { label: 'staff.field.email', autocomplete: 'username', inputMode: 'email' }),
    password: field(z.string().min(1).max(200), { label: 'staff.field.password', autocomplete: 'current-password' }),
    turnstileToken: z
      .string()
      .max(2048)
      .optional()
      .meta({ description: 'When Turnstile is on and the account has had 3 failed sign-ins in 15 minutes: the widget’s token for the action `staff_login`.' }),
  })
  .meta({ id: 'StaffLogin' });

/** The body of a POST that needs nothing: like every POST, it is sent as JSON. */
export const emptyRequest = z.object({}).strict().meta({ id: 'StaffEmptyRequest', description: 'An empty object: like every POST, it is sent as JSON.' });

const secondFactor = z.enum(['passkey', 'totp', 'recovery']);

export const signInStep = z
  .object({
    next: z.enum(['enrol', 'totp', 'passkey']).meta({
      description:
        '`enrol`: the account has no second factor yet: set one up (`/session/totp/setup` then `/session/totp`, or the passkey registration). `passkey` or `totp`: give it. The session cookie can do nothing else.',
    }),
    methods: z.array(secondFactor).meta({ description: 'The second factors this sign-in may be finished with.' }),
  })
  .meta({ id: 'StaffSignInStep' });

export const totpCode = z
  .object({
    code: field(
      z
        .string()
        .trim()
        .regex(/^\d{3} ?\d{3}$/)
        .meta({ example: '123456' }),
      {
        label: 'staff.field.code',
        hint: 'staff.hint.code',
        autocomplete: 'one-time-code',
        inputMode: 'numeric',
      },
    ),
  })
  .meta({ id: 'StaffTotpCode' });

export const recoveryCode = z
  .object({
    code: field(z.string().trim().min(10).max(20).meta({ example: 'ABCDE-FGHJK' }), { label: 'staff.field.recoveryCode', autocomplete: 'off' }),
  })
  .meta({ id: 'StaffRecoveryCode' });

export const totpSetupAnswer = z
  .object({
    otpauthUri: z.string().meta({ description: 'For an authenticator app: `otpauth://totp/Voter%20Desk:<e-mail>?secret=…&issuer=Voter%20Desk`.' }),
  })
  .meta({ id: 'StaffTotpSetup' });

const base64urlText = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[\w-]*$/);

/** What the browser's WebAuthn call gives (`@simplewebauthn/browser`), as JSON. */
export const passkeyResponse = z
  .object({
    response: z.object({
      id: base64urlText(1400),
      rawId: base64urlText(1400),
      type: z.literal('public-key'),
      response: z.object({
        clientDataJSON: base64urlText(4000),
        attestationObject: base64urlText(8000).optional(),
        authenticatorData: base64urlText(4000).optional(),
        signature: base64urlText(1000).optional(),
        userHandle: base64urlText(200).optional(),
        transports: z.array(z.string().max(20)).max(10).optional(),
        publicKeyAlgorithm: z.number().int().optional(),
        publicKey: base64urlText(2000).optional(),
      }),
      clientExtensionResults: z.record(z.string(), z.unknown()),
      authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
    }),
  })
  .meta({ id: 'StaffPasskeyResponse' });

export const passkeyOptions = z
  .object({ options: z.record(z.string(), z.unknown()).meta({ description: 'For `startRegistration` / `startAuthentication` of @simplewebauthn/browser.' }) })
  .meta({ id: 'StaffPasskeyOptions' });

export const sessionList = z
  .object({
    sessions: z.array(
      z.object({
        id: z.string(),
        device: z.string().nullable(),
        createdAt: z.string(),
        lastSeenAt: z.string(),
        current: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'StaffSessions' });

export const sessionIdParam = z.object({
  id: z
    .string()
    .regex(/^[\w-]{16}$/)
    .meta({ example: 'aBcDeFgHiJkLmNoP' }),
});

export const accountSignOut = z
  .object({
    email: field(z.email().max(254).meta({ example: 'mladost@example.org' }), { label: 'staff.field.account', autocomplete: 'off', inputMode: 'email' }),
  })
  .meta({ id: 'StaffAccountSignOut' });

export const staffUser = z
  .object({
    email: z.string(),
    role: z.enum(['district', 'city', 'police']),
    area: z.string().nullable().meta({ description: 'The area (municipality) the account serves.' }),
    district: z.string().nullable(),
  })
  .meta({ id: 'StaffUser' });

export const signedIn = z
  .object({
    next: z.literal('done'),
    csrfToken: z.string().meta({ description: 'Send it as `X-CSRF-Token` with every change.' }),
    user: staffUser,
    recoveryCodes: z
      .array(z.string())
      .optional()
      .meta({ description: 'Ten single-use codes, given once: when the second factor was enrolled in this sign-in.' }),
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
  repeatOf: z.number().int().nullable().meta({
    description: 'While unresolved: the earlier application of the same person this one repeats. It cannot be accepted until staff resolve the pair.',
  }),
  sentTimes: z.number().int().meta({ description: 'How many identical submissions it stands for: 1, and the identical repeats folded into it.' }),
});

export const requestList = z
  .object({
    requests: z
      .array(requestRow)
      .meta({ description: 'Open requests: a request closed when its pair was resolved, or folded into an identical one, is left out.' }),
    election: z.string(),
    editable: z.boolean().meta({ description: 'False once the election is past its route hand-over deadline: it can be read, not changed.' }),
    counts: z
      .array(z.object({ ballot: z.string(), status: z.enum(['received', 'accepted', 'rejected', 'assigned']), count: z.number().int() }))
      .meta({ description: 'A person’s requests for a ballot count once: a repeat waiting for staff and a closed request are not counted.' }),
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
      address: applicantAddress,
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
