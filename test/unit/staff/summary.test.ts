import { describe, expect, it } from 'vitest';
import { districtBreakdown, thresholds } from '#functions/staff/summary';

const at = (minute: number) => `2024-05-20T07:${String(minute).padStart(2, '0')}:00.000Z`;
const day = (n: number) => `2024-05-${String(n).padStart(2, '0')}`;
/** Accepted applications of a settlement for a ballot, received on these days of May (stored one minute apart, in this order). */
const accepted = (settlement: string, ballot: string, days: number[]) => days.map((n, i) => ({ settlement, ballot, receivedOn: day(n), createdAt: at(i) }));

// Seed 004, line 97: "Когато са подадени поне 10 заявления, които отговарят на изискванията за гласуване с подвижна
// избирателна кутия, кметът на общината уведомява Районната избирателна комисия (РИК)".
describe('the ten-application threshold', () => {
  it('seed 004, line 97 ("поне 10 заявления, които отговарят на изискванията"): counts accepted applications per settlement and ballot, and dates the threshold by the receipt of the tenth', () => {
    const sofia = accepted('sofia', 'ep', [21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11]);
    const summary = thresholds([...sofia, ...accepted('sofia', 'ns', [1]), ...accepted('lozen', 'ep', [2])], 10);
    expect(summary).toEqual([
      { settlement: 'lozen', ballot: 'ep', accepted: 1, reachedAt: null },
      // Received in any order: the tenth by date of receipt, not by the order they were stored in.
      { settlement: 'sofia', ballot: 'ep', accepted: 11, reachedAt: day(20) },
      { settlement: 'sofia', ballot: 'ns', accepted: 1, reachedAt: null },
    ]);
  });

  it('seed 004, line 97 ("поне 10 заявления"): reached exactly at the tenth, not the ninth', () => {
    const nine = accepted('sofia', 'ns', [10, 11, 12, 13, 14, 15, 16, 17, 18]);
    expect(thresholds(nine, 10)[0]!.reachedAt).toBeNull();
    expect(thresholds([...nine, { settlement: 'sofia', ballot: 'ns', receivedOn: day(21), createdAt: at(30) }], 10)[0]!.reachedAt).toBe(day(21));
  });

  it('seed 004, line 93 ("подадени до 25 май 2024 г., по пощата, чрез факс или електронно"): a paper application counts from the day it was received, not the day it was typed in', () => {
    const online = Array.from({ length: 9 }, (_, i) => ({ settlement: 'sofia', ballot: 'ns', receivedOn: day(22), createdAt: `2024-05-22T0${i}:00:00.000Z` }));
    // Received by post on 21 May, keyed in on 27 May: it is the earliest, and the tenth comes on 22 May.
    const byPost = { settlement: 'sofia', ballot: 'ns', receivedOn: day(21), createdAt: '2024-05-27T08:00:00.000Z' };
    expect(thresholds([...online, byPost], 10)[0]!.reachedAt).toBe(day(22));
  });

  it('seed 004, line 97 ("кметът на общината уведомява"): a city divided into districts counts once, its districts together', () => {
    // Ten accepted in ten districts of one city reach it; per district none would.
    const tenDistricts = Array.from({ length: 10 }, (_, i) => ({ settlement: 'sofia', ballot: 'ep', receivedOn: day(10 + i), createdAt: at(i) }));
    expect(thresholds(tenDistricts, 10)).toEqual([{ settlement: 'sofia', ballot: 'ep', accepted: 10, reachedAt: day(19) }]);
  });

  it('keeps the per-district breakdown as information: received (not yet decided) and accepted, never the rejected', () => {
    expect(
      districtBreakdown([
        { district: 'mladost', ballot: 'ep', status: 'received' },
        { district: 'mladost', ballot: 'ep', status: 'accepted' },
        { district: 'mladost', ballot: 'ep', status: 'assigned' },
        { district: 'mladost', ballot: 'ep', status: 'rejected' },
        { district: 'lozenets', ballot: 'ns', status: 'received' },
      ]),
    ).toEqual([
      { district: 'lozenets', ballot: 'ns', received: 1, accepted: 0 },
      { district: 'mladost', ballot: 'ep', received: 1, accepted: 2 },
    ]);
  });
});
