import { describe, expect, it } from 'vitest';
import { deadlineFromRule, deadlineStatus, deadlineWindow, findDeadline, isElectionOver } from '#core/elections/deadlines';
import { statusAt } from '#core/elections/deadline-status';
import { timelineItems } from '#core/elections/timeline';
import { addDays, localDate } from '#core/zoned-time';
import { getElection } from '#functions/elections/registry';

const bg = getElection('bg-2024-06-09')!;
const kz = getElection('kz-2026-referendum')!;
const kg = getElection('kg-2024-voter-list')!;

describe('deadlineFromRule', () => {
  it('counts clear days the Bulgarian way', () => {
    expect(deadlineFromRule('2024-06-09', { daysBefore: 14, counting: 'clear-days' })).toBe('2024-05-25');
    expect(deadlineFromRule('2024-06-09', { daysBefore: 7, counting: 'clear-days' })).toBe('2024-06-01');
    expect(deadlineFromRule('2024-06-09', { daysBefore: 5, counting: 'clear-days' })).toBe('2024-06-03');
  });

  it('counts calendar days the Kazakh way', () => {
    expect(deadlineFromRule('2026-03-15', { daysBefore: 16, counting: 'calendar' })).toBe('2026-02-27');
    expect(deadlineFromRule('2026-03-15', { daysBefore: 20, counting: 'calendar' })).toBe('2026-02-23');
  });
});

describe('deadlineStatus in the election time zone', () => {
  const mobileBox = findDeadline(bg, 'mobile-box-request');

  it('is upcoming before the last day, today on it, past once it ends at Sofia midnight', () => {
    expect(deadlineStatus(mobileBox, bg.timeZone, new Date('2024-05-24T20:59:59Z'))).toBe('upcoming');
    expect(deadlineStatus(mobileBox, bg.timeZone, new Date('2024-05-24T21:00:00Z'))).toBe('today');
    expect(deadlineStatus(mobileBox, bg.timeZone, new Date('2024-05-25T20:59:59Z'))).toBe('today');
    expect(deadlineStatus(mobileBox, bg.timeZone, new Date('2024-05-25T21:00:00Z'))).toBe('past');
  });

  it('keeps a window open between its first and last day', () => {
    const late = findDeadline(bg, 'mobile-box-late-request');
    expect(deadlineStatus(late, bg.timeZone, new Date('2024-05-25T20:59:59Z'))).toBe('upcoming');
    expect(deadlineStatus(late, bg.timeZone, new Date('2024-05-25T21:00:00Z'))).toBe('open');
    expect(deadlineStatus(late, bg.timeZone, new Date('2024-06-02T21:00:00Z'))).toBe('today');
    expect(deadlineStatus(late, bg.timeZone, new Date('2024-06-03T21:00:00Z'))).toBe('past');
  });

  it('closes at the stated hour, local time (Kazakhstan, 18:00 = 13:00 UTC)', () => {
    const window = findDeadline(kz, 'absentee-certificates');
    expect(deadlineStatus(window, kz.timeZone, new Date('2026-02-26T18:59:59Z'))).toBe('upcoming');
    expect(deadlineStatus(window, kz.timeZone, new Date('2026-02-26T19:00:00Z'))).toBe('open');
    expect(deadlineStatus(window, kz.timeZone, new Date('2026-03-14T12:59:59Z'))).toBe('today');
    expect(deadlineStatus(window, kz.timeZone, new Date('2026-03-14T13:00:00Z'))).toBe('past');
  });
});

describe('the instants a guide carries for its timeline', () => {
  it('give the browser, at every hour around every deadline, "today" exactly on the last day in the election time zone', () => {
    for (const election of [bg, kz, kg]) {
      for (const { entry, instants } of timelineItems(election, new Date())) {
        // As the page carries them: ISO strings in data attributes.
        const carried = { lastDay: new Date(instants.lastDay.toISOString()), closes: new Date(instants.closes.toISOString()) };
        const opens = instants.opens ? { opens: new Date(instants.opens.toISOString()) } : {};
        const { closes } = deadlineWindow(entry, election.timeZone);
        const first = new Date(`${addDays(entry.opens ?? entry.date, -2)}T00:00:00Z`).getTime();
        const last = new Date(`${addDays(entry.date, 2)}T00:00:00Z`).getTime();
        for (let ms = first; ms <= last; ms += 30 * 60_000) {
          const now = new Date(ms);
          const status = statusAt({ ...carried, ...opens }, now);
          expect(status, `${election.id} ${entry.id} ${now.toISOString()}`).toBe(deadlineStatus(entry, election.timeZone, now));
          expect(status === 'today', `${election.id} ${entry.id} ${now.toISOString()}`).toBe(now < closes && localDate(now, election.timeZone) === entry.date);
        }
      }
    }
  });
});

describe('isElectionOver', () => {
  it('ends when voting day ends locally', () => {
    expect(isElectionOver(bg, new Date('2024-06-09T20:59:59Z'))).toBe(false);
    expect(isElectionOver(bg, new Date('2024-06-09T21:00:00Z'))).toBe(true);
  });

  it('ends a voter-list check after its last date (Bishkek is UTC+6)', () => {
    expect(isElectionOver(kg, new Date('2024-06-19T17:59:59Z'))).toBe(false);
    expect(isElectionOver(kg, new Date('2024-06-19T18:00:00Z'))).toBe(true);
  });
});
