import { database } from '#db/client';
import type { Election } from '#core/elections/schema';
import type { Bindings } from '#functions/env';
import { t, type Locale } from '#core/i18n';
import { idempotent, type PreparedWrites } from './idempotency';
import { violatesUnique } from '#functions/platform/d1-errors';
import { NotFound, ValidationFailed } from '#core/errors';
import { dataKeys } from '#functions/platform/keys';
import { addDays, localDate } from '#core/zoned-time';
import { type Campaign, namedCampaign } from './campaign';
import { districtById, type District } from './districts';
import { mobileBoxHelp } from './help';
import { newReference, normalizeReference } from './references';
import { decideApplication } from '#core/mobile-box/rules';
import type { CreatedRequests, MobileBoxRequest, RequestStatus, StatusRequest } from './schemas';
import { requestIdHashes, sealPerson, sealRepresentative, unsealReason } from './seal';
import { allFiled, requestByReference, type NewRequest } from './storage';
import { refuse } from './errors';
import { insertApplications, submissionFingerprints } from './repeats';
import { normalizeIdInput } from '#core/lookup/personal-numbers';

function districtOf(campaign: Campaign, id: string): District {
  const district = districtById(campaign, id);
  if (!district) throw new ValidationFailed([{ field: 'address.district', code: 'invalid_choice', label: 'mobileBox.field.district' }]);
  return district;
}

/** The day after which a request's personal data is deleted: voting day plus the election's retention. */
export const purgeAfter = (election: Election, now: Date) =>
  addDays(election.votingDay ?? localDate(now, election.timeZone), election.mobileBox?.retentionDays ?? 90);

/**
 * Whether an application may be made now (the rules of the election data), without storing
 * anything: for the API before it writes, and for the "check your answers" and print pages.
 */
export function checkApplication(input: MobileBoxRequest, now: Date) {
  const campaign = namedCampaign(input.election, input.area);
  const { election, config } = campaign;
  const district = districtOf(campaign, input.address.district);
  const decision = decideApplication(config, election, { citizenship: input.citizenship, ballots: input.ballots, district }, now);
  if (!decision.ok) throw refuse(decision.refusal, { help: (locale) => mobileBoxHelp(campaign, locale) });
  return { campaign, election, config, district, late: decision.late };
}

/**
 * Prepares an application's writes: one request per ballot, each with its own reference. The
 * rules come from the election data (deadlines, late window only where a mobile section is
 * appointed, who may ask for which ballot). A repeated application of the same person for a
 * ballot is stored like any other and linked to the earlier one for staff, an identical repeat
 * of one still received is folded into it (functions/mobile-box/repeats.ts): the statements and
 * the answer are the same either way. Everything personal is sealed under DATA_KEY before it
 * reaches D1.
 */
export async function prepareApplication(
  env: Bindings,
  input: MobileBoxRequest,
  now: Date,
  _locale: Locale,
  channel: NewRequest['channel'] = 'online',
): Promise<PreparedWrites> {
  const { campaign, election, config, district, late } = checkApplication(input, now);
  const keys = dataKeys(env);
  const db = database(env.DB);
  const idHashes = await requestIdHashes(keys, input.idNumber);
  const stamp = now.toISOString();
  const person = { idNumber: input.idNumber, fullName: input.fullName, address: input.address, phone: input.phone, email: input.email };
  const { ballots, turnstileToken: _token, lang: _lang, ...submission } = input as MobileBoxRequest & { lang?: unknown };
  const districts = campaign.area.districts.map((known) => known.id);
  const rows = await Promise.all(
    ballots.map(async (ballot) => {
      const recordKey = crypto.randomUUID();
      const row: NewRequest = {
        electionId: election.id,
        ballot,
        reference: newReference(),
        idHash: idHashes[0]!,
        district: district.id,
        citizenship: input.citizenship,
        submittedBy: input.submittedBy,
        channel,
        late,
        recordKey,
        personSealed: await sealPerson(keys, recordKey, person),
        representativeSealed:
          input.submittedBy === 'representative' && input.representative ? await sealRepresentative(keys, recordKey, input.representative) : null,
        createdAt: stamp,
        updatedAt: stamp,
        purgeAfter: purgeAfter(election, now),
      };
      const canonical = { ...submission, idNumber: normalizeIdInput(input.idNumber), area: campaign.area.id, election: election.id, ballot, channel };
      return { row, keys: { idHashes, districts, fingerprints: await submissionFingerprints(keys, canonical) } };
    }),
  );
  const formOf = (ballot: string) => config.ballots.find((b) => b.id === ballot)!.form;
  const answer = {
    status: 201 as const,
    body: {
      requests: rows.map(({ row }) => ({ reference: row.reference, ballot: row.ballot, form: formOf(row.ballot), status: 'received' as const, late })),
    } satisfies CreatedRequests,
  };
  return {
    writes: insertApplications(db, rows),
    // Every drawn reference is in D1 after the batch: a first application and a repeat alike.
    expected: {
      answer,
      provenBy: allFiled(
        db,
        rows.map(({ row }) => row.reference),
      ),
    },
    settle: async () => answer,
  };
}

/**
 * The status of a request, by reference and the voter's number. A wrong pair, a mistyped
 * reference and an unknown one take the same path (one query) and get the same answer.
 */
export async function requestStatus(env: Bindings, input: StatusRequest): Promise<RequestStatus> {
  const keys = dataKeys(env);
  const reference = normalizeReference(input.reference) ?? 'NONE-NONE';
  const row = await requestByReference(database(env.DB), reference, await requestIdHashes(keys, input.idNumber));
  if (!row) throw new NotFound((locale) => t(locale, 'mobileBox.status.notFound'));
  const reason = row.status === 'rejected' && row.reasonSealed ? await unsealReason(keys, row.recordKey, row.reasonSealed) : undefined;
  return { status: row.status, ...(reason ? { reason } : {}), ...(row.status === 'assigned' && row.section ? { section: row.section } : {}) };
}

export type SubmissionAnswer = { status: 201; body: CreatedRequests };

/**
 * A submission as the API and the form page make it: at most once per idempotency key (a retry
 * or a double click gets the first answer). A repeated application gets the same kind of answer
 * as a first one: its own reference, `received`.
 */
export async function submitOnce(
  env: Bindings,
  input: MobileBoxRequest & { lang?: unknown },
  now: Date,
  key: string | undefined,
  locale: Locale,
): Promise<SubmissionAnswer> {
  const { lang: _lang, ...request } = input;
  const submit = () => idempotent(database(env.DB), dataKeys(env), key, request, now, () => prepareApplication(env, input, now, locale));
  try {
    return (await submit()) as SubmissionAnswer;
  } catch (error) {
    // Two references drawn alike (odds below 1 in 10^14): the batch rolled back; draw again once.
    if (!violatesUnique(error, 'mobile_box_requests.reference')) throw error;
    return (await submit()) as SubmissionAnswer;
  }
}
