import { describe, expect, it } from 'vitest';
import { ELECTIONS } from '#functions/elections/registry';
import { electionsForHome } from '#core/elections/upcoming';

describe('electionsForHome', () => {
  it('puts elections still to come first, soonest first, with their next date', () => {
    const list = electionsForHome(ELECTIONS, new Date('2024-05-20T12:00:00Z'));
    expect(list.map((s) => [s.election.id, s.over])).toEqual([
      ['bg-2024-06-09', false],
      ['kg-2024-voter-list', false],
      ['kz-2026-referendum', false],
    ]);
    expect(list[0]!.next?.id).toBe('current-address-request');
    expect(list[1]!.next?.id).toBe('voter-list-check');
  });

  it('lists past ones after, most recent first', () => {
    const list = electionsForHome(ELECTIONS, new Date('2025-06-01T00:00:00Z'));
    expect(list.map((s) => [s.election.id, s.over])).toEqual([
      ['kz-2026-referendum', false],
      ['kg-2024-voter-list', true],
      ['bg-2024-06-09', true],
    ]);
    expect(list[0]!.next?.id).toBe('certificates-to-territorial-commissions');
  });

  it('marks everything over once the last vote has passed', () => {
    const list = electionsForHome(ELECTIONS, new Date('2026-11-22T00:00:00Z'));
    expect(list.every((s) => s.over && s.next === undefined)).toBe(true);
    expect(list[0]!.election.id).toBe('kz-2026-referendum');
  });
});
