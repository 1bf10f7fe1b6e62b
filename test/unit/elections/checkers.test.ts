import { describe, expect, it } from 'vitest';
import { carriedMoment, carryElection, decideAbsentee, decideCurrentAddress, decideMobileBox, momentOf, type CarriedElection } from '#core/elections/checkers';
import { getElection } from '#functions/elections/registry';
import { electionTiming } from '#core/elections/schema';

const bg = electionTiming(getElection('bg-2024-06-09')!);
const kz = electionTiming(getElection('kz-2026-referendum')!);
// Sofia is UTC+3 in May and June 2024; Almaty is UTC+5.
const sofia = (local: string) => new Date(`${local}+03:00`);
const almaty = (local: string) => new Date(`${local}+05:00`);

describe('Bulgaria: can I vote at my current address?', () => {
  const differentSettlements = { differentSettlements: true };

  it('says apply by 25 May up to the last minute of that day in Sofia', () => {
    expect(decideCurrentAddress(momentOf(bg, sofia('2024-05-01T12:00:00')), differentSettlements)).toBe('apply-by-deadline');
    expect(decideCurrentAddress(momentOf(bg, sofia('2024-05-25T23:59:59')), differentSettlements)).toBe('apply-by-deadline');
    expect(decideCurrentAddress(momentOf(bg, sofia('2024-05-26T00:00:00')), differentSettlements)).toBe('deadline-passed');
  });

  it('explains the request is not for addresses in the same settlement', () => {
    expect(decideCurrentAddress(momentOf(bg, sofia('2024-05-01T12:00:00')), { differentSettlements: false })).toBe('same-settlement');
  });

  it('says the election is over after voting day', () => {
    expect(decideCurrentAddress(momentOf(bg, sofia('2024-06-09T23:59:59')), differentSettlements)).toBe('deadline-passed');
    expect(decideCurrentAddress(momentOf(bg, sofia('2024-06-10T00:00:00')), differentSettlements)).toBe('election-over');
  });
});

describe('Bulgaria: can I ask for a mobile ballot box?', () => {
  const needs = (mobileCommission: 'yes' | 'no' | 'unknown') => ({ cannotReachPollingRoom: true, mobileCommission });

  it('lets anyone who cannot reach the polling room apply until 25 May', () => {
    expect(decideMobileBox(momentOf(bg, sofia('2024-05-25T23:59:59')), needs('no'))).toBe('apply-by-deadline');
  });

  it('after 25 May depends on a mobile section commission in the settlement', () => {
    const now = sofia('2024-05-26T00:00:00');
    expect(decideMobileBox(momentOf(bg, now), needs('yes'))).toBe('late-with-commission');
    expect(decideMobileBox(momentOf(bg, now), needs('no'))).toBe('late-no-commission');
    expect(decideMobileBox(momentOf(bg, now), needs('unknown'))).toBe('late-ask-municipality');
    expect(decideMobileBox(momentOf(bg, sofia('2024-06-03T23:59:59')), needs('yes'))).toBe('late-with-commission');
  });

  it('is too late from 4 June, and over after voting day', () => {
    expect(decideMobileBox(momentOf(bg, sofia('2024-06-04T00:00:00')), needs('yes'))).toBe('too-late');
    expect(decideMobileBox(momentOf(bg, sofia('2024-06-10T00:00:00')), needs('yes'))).toBe('election-over');
  });

  it('tells voters who can reach the polling room that they vote there', () => {
    expect(decideMobileBox(momentOf(bg, sofia('2024-05-01T09:00:00')), { cannotReachPollingRoom: false, mobileCommission: 'yes' })).toBe('not-needed');
  });
});

describe('Kazakhstan: can I get an absentee certificate?', () => {
  const elsewhere = { lostCertificate: false, sameSettlement: false };

  it('follows the 27 February – 14 March 18:00 window in local time', () => {
    expect(decideAbsentee(momentOf(kz, almaty('2026-02-26T23:59:59')), elsewhere)).toBe('not-yet');
    expect(decideAbsentee(momentOf(kz, almaty('2026-02-27T00:00:00')), elsewhere)).toBe('apply-now');
    expect(decideAbsentee(momentOf(kz, almaty('2026-03-14T17:59:59')), elsewhere)).toBe('apply-now');
    expect(decideAbsentee(momentOf(kz, almaty('2026-03-14T18:00:00')), elsewhere)).toBe('window-closed');
    expect(decideAbsentee(momentOf(kz, almaty('2026-03-16T00:00:00')), elsewhere)).toBe('election-over');
  });

  it('never issues one for another station in the same settlement', () => {
    expect(decideAbsentee(momentOf(kz, almaty('2026-03-01T10:00:00')), { lostCertificate: false, sameSettlement: true })).toBe('same-settlement');
  });

  it('never replaces a lost certificate', () => {
    expect(decideAbsentee(momentOf(kz, almaty('2026-03-01T10:00:00')), { lostCertificate: true, sameSettlement: false })).toBe('lost-not-replaced');
  });
});

describe('what a guide page carries for its checkers', () => {
  type Moment = ReturnType<typeof momentOf>;
  const bgAnswers = (at: Moment) =>
    [true, false].flatMap((flag) => [
      decideCurrentAddress(at, { differentSettlements: flag }),
      ...(['yes', 'no', 'unknown'] as const).map((mobileCommission) => decideMobileBox(at, { cannotReachPollingRoom: flag, mobileCommission })),
    ]);
  const kzAnswers = (at: Moment) => [true, false].flatMap((flag) => [decideAbsentee(at, { lostCertificate: false, sameSettlement: flag })]);

  it('gives the browser the same answers as the election dates, every half hour from weeks before voting day to the day after', () => {
    for (const [election, answers, from, to] of [
      [bg, bgAnswers, '2024-05-01T00:00:00Z', '2024-06-11T00:00:00Z'],
      [kz, kzAnswers, '2026-02-20T00:00:00Z', '2026-03-17T00:00:00Z'],
    ] as const) {
      // As the page carries it: JSON in an attribute.
      const carried = JSON.parse(JSON.stringify(carryElection(election))) as CarriedElection;
      expect(Object.keys(carried.actions).sort()).toEqual(Object.keys(election.actions).sort());
      for (let ms = Date.parse(from); ms <= Date.parse(to); ms += 30 * 60_000) {
        const now = new Date(ms);
        expect(answers(carriedMoment(carried, now)), `${election.id} ${now.toISOString()}`).toEqual(answers(momentOf(election, now)));
      }
    }
  });
});
