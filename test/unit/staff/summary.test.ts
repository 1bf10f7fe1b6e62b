import { describe, expect, it } from 'vitest';
import { summarize } from '#functions/staff/summary';

const at = (minute: number) => `2024-05-20T07:${String(minute).padStart(2, '0')}:00.000Z`;

describe('the district summary', () => {
  it('counts valid requests per district and ballot, and dates the one that reached the threshold', () => {
    const mladost = Array.from({ length: 11 }, (_, i) => ({ district: 'mladost', ballot: 'ep' as const, createdAt: at(50 - i) }));
    const summary = summarize(
      [...mladost, { district: 'mladost', ballot: 'ns', createdAt: at(1) }, { district: 'izgrev', ballot: 'ep', createdAt: at(2) }],
      10,
    );
    expect(summary).toEqual([
      { district: 'izgrev', ballot: 'ep', valid: 1, reachedAt: null },
      { district: 'mladost', ballot: 'ep', valid: 11, reachedAt: at(49) },
      { district: 'mladost', ballot: 'ns', valid: 1, reachedAt: null },
    ]);
  });

  it('reaches it exactly at the tenth, not the ninth', () => {
    const nine = Array.from({ length: 9 }, (_, i) => ({ district: 'lyulin', ballot: 'ns' as const, createdAt: at(i) }));
    expect(summarize(nine, 10)[0]!.reachedAt).toBeNull();
    expect(summarize([...nine, { district: 'lyulin', ballot: 'ns', createdAt: at(30) }], 10)[0]!.reachedAt).toBe(at(30));
  });
});
