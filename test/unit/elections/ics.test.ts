import { describe, expect, it } from 'vitest';
import { findDeadline } from '#core/elections/deadlines';
import { deadlineIcs } from '#core/elections/ics';
import { getElection } from '#functions/elections/registry';

const bg = getElection('bg-2024-06-09')!;
const kz = getElection('kz-2026-referendum')!;
const stamp = new Date('2026-11-22T08:30:00Z');

/** Unfolds RFC 5545 continuation lines. */
const unfold = (ics: string) => ics.replace(/\r\n /g, '');

describe('deadlineIcs', () => {
  const ics = deadlineIcs(bg, findDeadline(bg, 'mobile-box-request'), 'bg', stamp, 'https://voterdesk.example/bg/guides/bulgaria-2024-elections/');

  it('is a valid calendar with one event and the required properties', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.match(/^BEGIN:VEVENT$/gm)).toHaveLength(1);
    const text = unfold(ics);
    expect(text).toContain('UID:bg-2024-06-09.mobile-box-request@voterdesk.example\r\n');
    expect(text).toContain('DTSTAMP:20261122T083000Z\r\n');
    expect(text).toContain('DTSTART;VALUE=DATE:20240525\r\n');
    expect(text).toContain('DTEND;VALUE=DATE:20240526\r\n');
    expect(text).toContain('SUMMARY:Заявление за подвижна избирателна кутия (Избори за Европейски парламент и Народно събрание\\, 9 юни 2024 г.)');
  });

  it('uses CRLF everywhere and folds lines at 75 octets without splitting characters', () => {
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const encoder = new TextEncoder();
    for (const line of ics.split('\r\n')) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    expect(() => decodeURIComponent(encodeURIComponent(ics))).not.toThrow();
  });

  it('gives a timed window from its opening to its closing hour in UTC', () => {
    const text = unfold(deadlineIcs(kz, findDeadline(kz, 'absentee-certificates'), 'kk', stamp, 'https://voterdesk.example/kk/'));
    expect(text).toContain('DTSTART:20260226T190000Z\r\n');
    expect(text).toContain('DTEND:20260314T130000Z\r\n');
  });

  it('spans an all-day window to the day after its last day', () => {
    const kg = getElection('kg-2024-voter-list')!;
    const text = unfold(deadlineIcs(kg, findDeadline(kg, 'voter-list-check'), 'ky', stamp, 'https://voterdesk.example/ky/'));
    expect(text).toContain('DTSTART;VALUE=DATE:20240514\r\n');
    expect(text).toContain('DTEND;VALUE=DATE:20240620\r\n');
  });
});
