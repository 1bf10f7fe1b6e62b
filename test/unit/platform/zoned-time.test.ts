import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, localDate, zonedInstant } from '#core/zoned-time';

describe('zonedInstant', () => {
  it('reads wall-clock time in summer and winter offsets', () => {
    expect(zonedInstant('2024-05-25', '00:00', 'Europe/Sofia').toISOString()).toBe('2024-05-24T21:00:00.000Z');
    expect(zonedInstant('2024-01-15', '00:00', 'Europe/Sofia').toISOString()).toBe('2024-01-14T22:00:00.000Z');
    expect(zonedInstant('2026-03-14', '18:00', 'Asia/Almaty').toISOString()).toBe('2026-03-14T13:00:00.000Z');
    expect(zonedInstant('2024-06-19', '23:59', 'Asia/Bishkek').toISOString()).toBe('2024-06-19T17:59:00.000Z');
  });

  it('is right on the day clocks go forward', () => {
    // Sofia moved from +02 to +03 at 03:00 on 31 March 2024.
    expect(zonedInstant('2024-03-31', '00:00', 'Europe/Sofia').toISOString()).toBe('2024-03-30T22:00:00.000Z');
    expect(zonedInstant('2024-03-31', '12:00', 'Europe/Sofia').toISOString()).toBe('2024-03-31T09:00:00.000Z');
  });
});

describe('localDate', () => {
  it('gives the calendar day in the zone, not in UTC', () => {
    expect(localDate(new Date('2024-05-25T21:30:00Z'), 'Europe/Sofia')).toBe('2024-05-26');
    expect(localDate(new Date('2024-05-25T20:59:59Z'), 'Europe/Sofia')).toBe('2024-05-25');
    expect(localDate(new Date('2026-03-14T19:00:00Z'), 'Asia/Almaty')).toBe('2026-03-15');
  });
});

describe('day arithmetic', () => {
  it('crosses months and leap days', () => {
    expect(addDays('2024-06-09', -15)).toBe('2024-05-25');
    expect(addDays('2026-03-15', -16)).toBe('2026-02-27');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(daysBetween('2024-05-25', '2024-06-09')).toBe(15);
    expect(daysBetween('2024-06-09', '2024-05-25')).toBe(-15);
  });
});
