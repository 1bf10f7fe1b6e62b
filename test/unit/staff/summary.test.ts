import { describe, expect, it } from 'vitest';
import { summarize } from '#functions/staff/summary';

const at = (minute: number) => `2024-05-20T07:${String(minute).padStart(2, '0')}:00.000Z`;
const day = (n: number) => `2024-05-${String(n).padStart(2, '0')}`;

describe('the district summary', () => {
  it('counts valid requests per district and ballot, and dates the one that reached the threshold by its date of receipt', () => {
    const mladost = Array.from({ length: 11 }, (_, i) => ({ district: 'mladost', ballot: 'ep' as const, receivedOn: day(20 - i), createdAt: at(50 - i) }));
    const summary = summarize(
      [
        ...mladost,
        { district: 'mladost', ballot: 'ns', receivedOn: day(20), createdAt: at(1) },
        { district: 'izgrev', ballot: 'ep', receivedOn: day(20), createdAt: at(2) },
      ],
      10,
    );
    expect(summary).toEqual([
      { district: 'izgrev', ballot: 'ep', valid: 1, reachedAt: null },
      { district: 'mladost', ballot: 'ep', valid: 11, reachedAt: day(19) },
      { district: 'mladost', ballot: 'ns', valid: 1, reachedAt: null },
    ]);
  });

  it('reaches it exactly at the tenth, not the ninth', () => {
    const nine = Array.from({ length: 9 }, (_, i) => ({ district: 'lyulin', ballot: 'ns' as const, receivedOn: day(10 + i), createdAt: at(i) }));
    expect(summarize(nine, 10)[0]!.reachedAt).toBeNull();
    expect(summarize([...nine, { district: 'lyulin', ballot: 'ns', receivedOn: day(21), createdAt: at(30) }], 10)[0]!.reachedAt).toBe(day(21));
  });

  it('seed 004 line 93, "подадени до 25 май 2024 г., по пощата, чрез факс или електронно": a paper application counts from the day it was received, not the day it was typed in', () => {
    const online = Array.from({ length: 9 }, (_, i) => ({
      district: 'lyulin',
      ballot: 'ns' as const,
      receivedOn: day(22),
      createdAt: `2024-05-22T0${i}:00:00.000Z`,
    }));
    // Received by post on 21 May, keyed in on 27 May: it is the earliest, and the tenth comes on 22 May.
    const byPost = { district: 'lyulin', ballot: 'ns' as const, receivedOn: day(21), createdAt: '2024-05-27T08:00:00.000Z' };
    expect(summarize([...online, byPost], 10)[0]!.reachedAt).toBe(day(22));
  });
});
