import { and, count, eq, inArray, type SQL } from 'drizzle-orm';
import { type Database, database } from '#db/client';
import { mobileBoxRequests, mobileSections } from '#db/schema';
import type { Bindings } from '#functions/env';
import type { Locale } from '#core/i18n';
import { NotFound, ValidationFailed } from '#core/errors';
import { idempotent } from '#functions/mobile-box/idempotency';
import { prepareApplication } from '#functions/mobile-box/requests';
import type { PaperCreated, PaperRequest } from '#functions/mobile-box/schemas';
import { receivedAt } from '#functions/mobile-box/received';
import { earliestReceipt, receiptProblem } from '#core/mobile-box/receipt';
import type { FieldProblem } from '#core/validation';
import { localDate } from '#core/zoned-time';
import { counted, isOpen, sentTimes, unresolvedRepeat } from '#functions/mobile-box/repeats';
import { enteredRepeats, pairsOf, unresolvedRepeatOf } from './pairs';
import type { PaperEntered } from './pair-schemas';
import { dataKeys } from '#functions/platform/keys';
import { sealReason, unsealPerson, unsealReason, unsealRepresentative } from '#functions/mobile-box/seal';
import { type Campaign, namedCampaign } from '#functions/mobile-box/campaign';
import { auditEntry, refuseOutOfReach } from './audit';
import { accountArea, campaignInReach, requireEditable } from './campaign';
import type { StaffSession } from './sessions';
import { refuse } from './errors';

type Status = 'received' | 'accepted' | 'rejected' | 'assigned';
type PaperAnswer = { status: 201; body: PaperCreated };
const r = mobileBoxRequests;

/** What a staff member may see of an election: a district user their own district's requests, the others their area's. */
export function scope(user: StaffSession['user'], campaign: Campaign): SQL | undefined {
  const districts = user.role === 'district' ? [user.district ?? ''] : campaign.area.districts.map((district) => district.id);
  return and(eq(r.electionId, campaign.election.id), inArray(r.district, districts));
}

/** The requests in reach, newest first, without personal data (that takes opening one), and their counts by ballot and status. */
export async function listRequests(
  env: Bindings,
  user: StaffSession['user'],
  campaign: Campaign,
  filter: { ballot?: string | undefined; status?: Status | undefined },
) {
  const db = database(env.DB);
  const where = and(scope(user, campaign), filter.ballot ? eq(r.ballot, filter.ballot) : undefined, filter.status ? eq(r.status, filter.status) : undefined);
  const [rows, counts] = await db.batch([
    db
      .select({
        id: r.id,
        reference: r.reference,
        ballot: r.ballot,
        district: r.district,
        status: r.status,
        late: r.late,
        channel: r.channel,
        section: r.section,
        createdAt: r.createdAt,
        electionId: r.electionId,
        receivedOn: r.receivedOn,
        incomingNumber: r.incomingNumber,
        afterHandover: r.enteredAfterHandover,
        repeatOf: unresolvedRepeatOf(),
        sentTimes: sentTimes(db),
      })
      .from(r)
      .where(and(where, isOpen()))
      .orderBy(r.id)
      .limit(1000),
    db
      .select({ ballot: r.ballot, status: r.status, count: count() })
      .from(r)
      .where(and(scope(user, campaign), counted()))
      .groupBy(r.ballot, r.status),
  ]);
  return { requests: rows.reverse().map(({ electionId, ...row }) => ({ ...row, receivedOn: receivedAt({ electionId, ...row }) })), counts };
}

/** Whether the route list of a district's own mobile section has been sent to the police. */
async function listHandedOver(db: Database, electionId: string, district: string): Promise<boolean> {
  const [section] = await db
    .select({ handedOverAt: mobileSections.handedOverAt })
    .from(mobileSections)
    .where(and(eq(mobileSections.electionId, electionId), eq(mobileSections.district, district)))
    .limit(1);
  return Boolean(section?.handedOverAt);
}

export async function requestInReach(env: Bindings, user: StaffSession['user'], id: number, now: Date) {
  const [row] = await database(env.DB)
    .select()
    .from(r)
    .where(and(eq(r.id, id), user.role === 'district' ? eq(r.district, user.district ?? '') : undefined))
    .limit(1);
  // Another district's (or area's) request looks exactly like one that does not exist (but is audited).
  const campaign = row && campaignInReach(user, row);
  if (!row || !campaign) {
    const db = database(env.DB);
    const [exists] = await db.select({ id: r.id }).from(r).where(eq(r.id, id)).limit(1);
    if (exists) return refuseOutOfReach(db, user.id, { requests: [id] }, now);
    throw new NotFound();
  }
  return { row, campaign };
}

/** One request with its personal data decrypted for this answer only, and its place in a pair; the read is audited. */
export async function openRequest(env: Bindings, user: StaffSession['user'], id: number, now: Date) {
  const { row } = await requestInReach(env, user, id, now);
  const pairs = await pairsOf(env, user, row);
  const keys = dataKeys(env);
  const [person, representative, reason] = await Promise.all([
    unsealPerson(keys, row.recordKey, row.personSealed),
    row.representativeSealed ? unsealRepresentative(keys, row.recordKey, row.representativeSealed) : undefined,
    row.reasonSealed ? unsealReason(keys, row.recordKey, row.reasonSealed) : undefined,
  ]);
  await auditEntry(database(env.DB), user.id, 'request.read', { requests: [id] }, now);
  return {
    id: row.id,
    election: row.electionId,
    reference: row.reference,
    ballot: row.ballot,
    district: row.district,
    status: row.status,
    late: row.late,
    channel: row.channel,
    submittedBy: row.submittedBy,
    citizenship: row.citizenship,
    createdAt: row.createdAt,
    receivedOn: receivedAt(row),
    incomingNumber: row.incomingNumber,
    afterHandover: row.enteredAfterHandover,
    person,
    ...(representative ? { representative } : {}),
    ...(reason ? { reason } : {}),
    ...pairs,
  };
}

/**
 * Accepts or rejects a request (with a reason the applicant reads on the status page, sealed
 * like everything personal). A request already on a route is not decided again here.
 */
export async function decideRequest(
  env: Bindings,
  user: StaffSession['user'],
  id: number,
  decision: { decision: 'accept' | 'reject'; reason?: string | undefined },
  now: Date,
) {
  const { row, campaign } = await requestInReach(env, user, id, now);
  requireEditable(campaign, now);
  if (row.status === 'assigned') throw refuse('already_assigned');
  if (row.closedAs !== null) throw refuse('request_closed');
  if (unresolvedRepeat(row)) throw refuse('repeat_unresolved');
  const db = database(env.DB);
  const status: 'accepted' | 'rejected' = decision.decision === 'accept' ? 'accepted' : 'rejected';
  const reasonSealed = status === 'rejected' && decision.reason ? await sealReason(dataKeys(env), row.recordKey, decision.reason) : null;
  await db.batch([
    db.update(r).set({ status, reasonSealed, updatedAt: now.toISOString() }).where(eq(r.id, id)),
    auditEntry(db, user.id, 'request.decide', { requests: [id] }, now),
  ]);
  return { id, status };
}

/**
 * Enters an application that came on paper, by post, fax, e-mail or eDelivery: the same
 * validation and rules as the online form, the channel recorded, the entry audited. A district
 * user enters applications for their own district only. A repeat of an earlier application is
 * stored and linked like an online one; staff are told which one it repeats (the public is not).
 */
export async function enterPaperRequest(env: Bindings, user: StaffSession['user'], input: PaperRequest, now: Date, locale: Locale) {
  const campaign = namedCampaign(input.election, input.area ?? accountArea(user));
  if (campaign.area.id !== accountArea(user)) throw new ValidationFailed([{ field: 'election', code: 'invalid_choice', label: 'common.field.election' }]);
  // Until the hand-over deadline (4 June in 2024): after it the election is read only.
  requireEditable(campaign, now);
  const problems: FieldProblem[] = [];
  if (user.role === 'district' && input.address.district !== user.district) {
    problems.push({ field: 'address.district', code: 'invalid_choice', label: 'mobileBox.field.district' });
  }
  if (receiptProblem(input.receivedOn, earliestReceipt(campaign.election), localDate(now, campaign.election.timeZone)) === 'in_future') {
    problems.push({ field: 'receivedOn', code: 'too_big', label: 'staff.field.receivedOn', message: 'staff.error.receivedOnFuture' });
  }
  if (problems.length > 0) throw new ValidationFailed(problems);
  const db = database(env.DB);
  const entry = { ...input, area: campaign.area.id };
  const afterHandover = await listHandedOver(db, campaign.election.id, input.address.district);
  const paper = { channel: input.channel, receivedOn: input.receivedOn, incomingNumber: input.incomingNumber, afterHandover };
  // With `paper`, a 201 always carries its date of receipt and hand-over flag.
  const answer = (await idempotent(db, dataKeys(env), undefined, entry, now, () => prepareApplication(env, entry, now, locale, paper))) as PaperAnswer;
  const references = answer.body.requests.map((request) => request.reference);
  await auditEntry(db, user.id, 'request.enter', { references }, now);
  return { status: answer.status, body: { ...answer.body, repeats: await enteredRepeats(env, user, references) } satisfies PaperEntered };
}
