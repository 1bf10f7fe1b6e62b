import { describe, expect, it } from 'vitest';
import { decideAbsentee, decideCurrentAddress, decideMobileBox } from '#core/elections/checkers';
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
    expect(decideCurrentAddress(bg, differentSettlements, sofia('2024-05-01T12:00:00'))).toBe('apply-by-deadline');
    expect(decideCurrentAddress(bg, differentSettlements, sofia('2024-05-25T23:59:59'))).toBe('apply-by-deadline');
    expect(decideCurrentAddress(bg, differentSettlements, sofia('2024-05-26T00:00:00'))).toBe('deadline-passed');
  });

  it('explains the request is not for addresses in the same settlement', () => {
    expect(decideCurrentAddress(bg, { differentSettlements: false }, sofia('2024-05-01T12:00:00'))).toBe('same-settlement');
  });

  it('says the election is over after voting day', () => {
    expect(decideCurrentAddress(bg, differentSettlements, sofia('2024-06-09T23:59:59'))).toBe('deadline-passed');
    expect(decideCurrentAddress(bg, differentSettlements, sofia('2024-06-10T00:00:00'))).toBe('election-over');
  });
});

describe('Bulgaria: can I ask for a mobile ballot box?', () => {
  const needs = (mobileCommission: 'yes' | 'no' | 'unknown') => ({ cannotReachPollingRoom: true, mobileCommission });

  it('lets anyone who cannot reach the polling room apply until 25 May', () => {
    expect(decideMobileBox(bg, needs('no'), sofia('2024-05-25T23:59:59'))).toBe('apply-by-deadline');
  });

  it('after 25 May depends on a mobile section commission in the settlement', () => {
    const now = sofia('2024-05-26T00:00:00');
    expect(decideMobileBox(bg, needs('yes'), now)).toBe('late-with-commission');
    expect(decideMobileBox(bg, needs('no'), now)).toBe('late-no-commission');
    expect(decideMobileBox(bg, needs('unknown'), now)).toBe('late-ask-municipality');
    expect(decideMobileBox(bg, needs('yes'), sofia('2024-06-03T23:59:59'))).toBe('late-with-commission');
  });

  it('is too late from 4 June, and over after voting day', () => {
    expect(decideMobileBox(bg, needs('yes'), sofia('2024-06-04T00:00:00'))).toBe('too-late');
    expect(decideMobileBox(bg, needs('yes'), sofia('2024-06-10T00:00:00'))).toBe('election-over');
  });

  it('tells voters who can reach the polling room that they vote there', () => {
    expect(decideMobileBox(bg, { cannotReachPollingRoom: false, mobileCommission: 'yes' }, sofia('2024-05-01T09:00:00'))).toBe('not-needed');
  });
});

describe('Kazakhstan: can I get an absentee certificate?', () => {
  const elsewhere = { lostCertificate: false, sameSettlement: false };

  it('follows the 27 February – 14 March 18:00 window in local time', () => {
    expect(decideAbsentee(kz, elsewhere, almaty('2026-02-26T23:59:59'))).toBe('not-yet');
    expect(decideAbsentee(kz, elsewhere, almaty('2026-02-27T00:00:00'))).toBe('apply-now');
    expect(decideAbsentee(kz, elsewhere, almaty('2026-03-14T17:59:59'))).toBe('apply-now');
    expect(decideAbsentee(kz, elsewhere, almaty('2026-03-14T18:00:00'))).toBe('window-closed');
    expect(decideAbsentee(kz, elsewhere, almaty('2026-03-16T00:00:00'))).toBe('election-over');
  });

  it('never issues one for another station in the same settlement', () => {
    expect(decideAbsentee(kz, { lostCertificate: false, sameSettlement: true }, almaty('2026-03-01T10:00:00'))).toBe('same-settlement');
  });

  it('never replaces a lost certificate', () => {
    expect(decideAbsentee(kz, { lostCertificate: true, sameSettlement: false }, almaty('2026-03-01T10:00:00'))).toBe('lost-not-replaced');
  });
});
