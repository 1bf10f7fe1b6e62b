import { database } from '#db/client';
import type { Election } from '#core/elections/schema';
import type { Bindings } from '#functions/env';
import { dayUntil, t, type Locale } from '#core/i18n';
import { errorAnswer, type ErrorBody } from '#functions/http/http-errors';
import { idempotent, type PreparedWrites } from './idempotency';
import { violatesUnique } from '#functions/platform/d1-errors';
import { sql } from 'drizzle-orm';
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
import { allFiled, existingReference, insertStatements, requestByReference, type NewRequest } from './storage';
import { refuse } from './errors';

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
 * for an online application, the day the administration received a paper one (`paper`). A second
 * application of the same person for a ballot is refused by the unique index (409 with the first
 * reference), even under concurrency. Everything personal is sealed under DATA_KEY before it
 * reaches D1.
 */
export async function prepareApplication(env: Bindings, input: MobileBoxRequest, now: Date, locale: Locale, paper?: PaperFacts): Promise<PreparedWrites> {
  const named = namedCampaign(input.election, input.area).election;
  const receivedOn = paper?.receivedOn ?? localDate(now, named.timeZone);
  // Seed 004, line 93: applications "подадени до 25 май 2024 г., по пощата, чрез факс или електронно": the day they arrive counts.
  const { election, config, district, settlement, late } = checkApplication(input, paper ? receiptMoment(paper.receivedOn, named.timeZone) : now);
  const channel: NewRequest['channel'] = paper?.channel ?? 'online';
  const keys = dataKeys(env);
  const db = database(env.DB);
  const hashes = await requestIdHashes(keys, input.idNumber);
  const [idHash, ...older] = hashes as [string, ...string[]];
  // While DATA_KEY rotates, requests not yet rewritten by `npm run rekey` carry the old HMAC,
  // which the unique index cannot compare: look for them first.
  const appliedUnderOldKey =
    older.length === 0
      ? []
      : (await Promise.all(input.ballots.map(async (ballot) => ((await existingReference(db, election.id, ballot, older)) ? ballot : undefined)))).filter(
          Boolean,
        );
  const ballotsToFile = input.ballots.filter((ballot) => !appliedUnderOldKey.includes(ballot));
  const stamp = now.toISOString();
  const person = { idNumber: input.idNumber, fullName: input.fullName, address: input.address, phone: input.phone, email: input.email };
  const rows: NewRequest[] = await Promise.all(
    ballotsToFile.map(async (ballot) => {
      const recordKey = crypto.randomUUID();
      return {
        electionId: election.id,
        ballot,
        reference: newReference(),
        idHash,
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
    }),
  );
  const formOf = (ballot: string) => config.ballots.find((b) => b.id === ballot)!.form;
  const created = (inserted: { ballot: string; reference: string }[]) =>
    inserted.map((row) => ({
      reference: row.reference,
      ballot: row.ballot,
      form: formOf(row.ballot),
      status: 'received' as const,
      late,
    }));

  // Staff learn the date the rules were applied at, and whether the police's list already went out.
  const paperAnswer = paper ? { receivedOn, afterHandover: paper.afterHandover } : {};
  return {
    writes: insertStatements(db, rows),
    // Drawn references of fresh rows: if all of them are in D1 after the batch, nothing was a duplicate.
    expected: {
      answer: { status: 201, body: { requests: created(rows), ...paperAnswer } satisfies SubmissionBody },
      provenBy:
        appliedUnderOldKey.length === 0
          ? allFiled(
              db,
              rows.map((row) => row.reference),
            )
          : sql`0`,
    },
    settle: async (results) => {
      const inserted = (results as { ballot: string; reference: string }[][]).flat();
      const missing = input.ballots.filter((ballot) => !inserted.some((row) => row.ballot === ballot));
      const duplicates = await Promise.all(
        missing.map(async (ballot) => ({ ballot, reference: (await existingReference(db, election.id, ballot, hashes)) ?? '' })),
      );
      if (inserted.length === 0) return { status: 409, body: errorAnswer(refuse('duplicate', { reference: duplicates[0]!.reference }), locale).body };
      const ordered = input.ballots.flatMap((ballot) => inserted.filter((row) => row.ballot === ballot));
      return { status: 201, body: { requests: created(ordered), ...(duplicates.length > 0 ? { duplicates } : {}), ...paperAnswer } satisfies SubmissionBody };
    },
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
export type SubmissionAnswer = { status: 201; body: SubmissionBody } | { status: 409; body: ErrorBody };

/**
 * A submission as the API and the form page make it: at most once per idempotency key (a retry
 * or a double click gets the first answer), and a duplicate answered as a stable 409 with the
 * first reference.
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
