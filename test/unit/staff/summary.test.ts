import { describe, expect, it } from 'vitest';
import { districtBreakdown, thresholds } from '#functions/staff/summary';

const at = (minute: number) => `2024-05-20T07:${String(minute).padStart(2, '0')}:00.000Z`;
const accepted = (settlement: string, ballot: string, minutes: number[]) => minutes.map((minute) => ({ settlement, ballot, receivedAt: at(minute) }));

// Seed 004, line 97: "Когато са подадени поне 10 заявления, които отговарят на изискванията за гласуване с подвижна
// избирателна кутия, кметът на общината уведомява Районната избирателна комисия (РИК)".
describe('the ten-application threshold', () => {
  it('seed 004, line 97 ("поне 10 заявления, които отговарят на изискванията"): counts accepted applications per settlement and ballot, and dates the threshold by the receipt of the tenth', () => {
    const sofia = accepted('sofia', 'ep', [50, 49, 48, 47, 46, 45, 44, 43, 42, 41, 40]);
    const summary = thresholds([...sofia, ...accepted('sofia', 'ns', [1]), ...accepted('lozen', 'ep', [2])], 10);
    expect(summary).toEqual([
      { settlement: 'lozen', ballot: 'ep', accepted: 1, reachedAt: null },
      // Received in any order: the tenth by date of receipt, not by the order they were stored in.
      { settlement: 'sofia', ballot: 'ep', accepted: 11, reachedAt: at(49) },
      { settlement: 'sofia', ballot: 'ns', accepted: 1, reachedAt: null },
    ]);
  });

  it('seed 004, line 97 ("поне 10 заявления"): reached exactly at the tenth, not the ninth', () => {
    const nine = accepted('sofia', 'ns', [0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(thresholds(nine, 10)[0]!.reachedAt).toBeNull();
    expect(thresholds([...nine, ...accepted('sofia', 'ns', [30])], 10)[0]!.reachedAt).toBe(at(30));
  });

  it('seed 004, line 97 ("кметът на общината уведомява"): a city divided into districts counts once, its districts together', () => {
    // Ten accepted in ten districts of one city reach it; per district none would.
    const tenDistricts = Array.from({ length: 10 }, (_, i) => ({ settlement: 'sofia', ballot: 'ep', receivedAt: at(i) }));
    expect(thresholds(tenDistricts, 10)).toEqual([{ settlement: 'sofia', ballot: 'ep', accepted: 10, reachedAt: at(9) }]);
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
