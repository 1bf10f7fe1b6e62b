import { database } from '#db/client';
import type { Election } from '#core/elections/schema';
import type { Bindings } from '#functions/env';
import { dayUntil, t, type Locale } from '#core/i18n';
import { idempotent, type PreparedWrites } from './idempotency';
import { violatesUnique } from '#functions/platform/d1-errors';
import { NotFound, ValidationFailed } from '#core/errors';
import { dataKeys } from '#functions/platform/keys';
import { addDays, localDate } from '#core/zoned-time';
import { type Campaign, namedCampaign } from './campaign';
import { districtById, type District } from './districts';
import { mobileBoxHelp } from './help';
import { newReference, normalizeReference } from './references';
import { decideApplication, type Refusal } from '#core/mobile-box/rules';
import type { AreaSettlement } from '#core/areas/schema';
import { actionDeadline } from '#core/elections/deadlines';
import { hasMobileCommission, settlementOf } from './settlements';
import type { CreatedRequests, MobileBoxRequest, PaperCreated, RequestStatus, StatusRequest } from './schemas';
import { type Representative, requestIdHashes, sealPerson, sealRepresentative, unsealReason } from './seal';
import { receivedAt } from './received';
import { receiptMoment } from '#core/mobile-box/receipt';
import { allFiled, requestByReference, type NewRequest } from './storage';
import { refuse } from './errors';
import { insertApplications, submissionFingerprints } from './repeats';
import { normalizeIdInput } from '#core/lookup/personal-numbers';

/** The representative as sealed: who they are, and that they hold the voter's power of attorney. */
const representativeOf = (representative: NonNullable<MobileBoxRequest['representative']>): Representative => ({
  fullName: representative.fullName,
  idNumber: representative.idNumber,
  phone: representative.phone,
  powerOfAttorney: representative.powerOfAttorney,
});

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
  const settlement = settlementOf(campaign, input.address.settlement);
  const mobileCommission = hasMobileCommission(campaign, settlement.id, now);
  const decision = decideApplication(config, election, { citizenship: input.citizenship, ballots: input.ballots, settlement: { mobileCommission } }, now);
  if (!decision.ok)
    throw refuse(decision.refusal, { help: (locale) => mobileBoxHelp(campaign, locale), wording: refusalWording(campaign, decision.refusal, settlement) });
  return { campaign, election, config, district, settlement, late: decision.late };
}

/** The words of a refusal that can name more than its code: the settlement without a mobile commission. */
function refusalWording(campaign: Campaign, refusal: Refusal, settlement: AreaSettlement) {
  if (refusal !== 'no_mobile_commission') return undefined;
  const deadline = actionDeadline(campaign.election, 'mobile-box-request');
  return (locale: Locale) =>
    t(locale, 'mobileBox.refusal.noCommission', { settlement: settlement.name[locale], deadline: dayUntil(deadline.date, deadline.closesAt) });
}

/** How an application entered by staff came: the channel, the date of receipt, the incoming number, and whether its district's list had already gone to the police. */
export interface PaperFacts {
  channel: Exclude<NewRequest['channel'], 'online' | undefined>;
  receivedOn: string;
  incomingNumber: string;
  afterHandover: boolean;
}

/**
 * Prepares an application's writes: one request per ballot, each with its own reference. The
 * rules come from the election data (deadlines, late window only in a settlement with a mobile
 * commission appointed, who may ask for which ballot), applied as of the date of receipt: today
 * for an online application, the day the administration received a paper one (`paper`). A
 * repeated application of the same person for a ballot is stored like any other and linked to
 * the earlier one for staff, an identical repeat of one still received is folded into it
 * (functions/mobile-box/repeats.ts): the statements and the answer are the same either way.
 * Everything personal is sealed under DATA_KEY before it reaches D1.
 */
export async function prepareApplication(env: Bindings, input: MobileBoxRequest, now: Date, _locale: Locale, paper?: PaperFacts): Promise<PreparedWrites> {
  const named = namedCampaign(input.election, input.area).election;
  const receivedOn = paper?.receivedOn ?? localDate(now, named.timeZone);
  // Seed 004, line 93: applications "подадени до 25 май 2024 г., по пощата, чрез факс или електронно": the day they arrive counts.
  const { campaign, election, config, district, settlement, late } = checkApplication(input, paper ? receiptMoment(paper.receivedOn, named.timeZone) : now);
  const channel: NewRequest['channel'] = paper?.channel ?? 'online';
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
        settlement: settlement.id,
        citizenship: input.citizenship,
        submittedBy: input.submittedBy,
        channel,
        late,
        recordKey,
        personSealed: await sealPerson(keys, recordKey, person),
        representativeSealed:
          input.submittedBy === 'representative' && input.representative
            ? await sealRepresentative(keys, recordKey, representativeOf(input.representative))
            : null,
        createdAt: stamp,
        updatedAt: stamp,
        receivedOn,
        incomingNumber: paper?.incomingNumber ?? null,
        enteredAfterHandover: paper?.afterHandover ?? false,
        purgeAfter: purgeAfter(election, now),
      };
      // A paper application's own document (its date of receipt and incoming number) belongs to it: a second letter is a repeat, not a copy.
      const document = paper ? { receivedOn: paper.receivedOn, incomingNumber: paper.incomingNumber } : {};
      const canonical = {
        ...submission,
        ...document,
        idNumber: normalizeIdInput(input.idNumber),
        area: campaign.area.id,
        election: election.id,
        ballot,
        channel,
      };
      return { row, keys: { idHashes, districts, fingerprints: await submissionFingerprints(keys, canonical) } };
    }),
  );
  const formOf = (ballot: string) => config.ballots.find((b) => b.id === ballot)!.form;
  // Staff learn the date the rules were applied at, and whether the police's list already went out.
  const paperAnswer = paper ? { receivedOn, afterHandover: paper.afterHandover } : {};
  const answer = {
    status: 201 as const,
    body: {
      requests: rows.map(({ row }) => ({ reference: row.reference, ballot: row.ballot, form: formOf(row.ballot), status: 'received' as const, late })),
      ...paperAnswer,
    } satisfies SubmissionBody,
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
  return {
    status: row.status,
    receivedOn: receivedAt(row),
    ...(reason ? { reason } : {}),
    ...(row.status === 'assigned' && row.section ? { section: row.section } : {}),
  };
}

/** A 201's body: the requests; for a paper entry also the date of receipt and the hand-over flag. */
export type SubmissionBody = CreatedRequests & Partial<Pick<PaperCreated, 'receivedOn' | 'afterHandover'>>;
export type SubmissionAnswer = { status: 201; body: SubmissionBody };

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
