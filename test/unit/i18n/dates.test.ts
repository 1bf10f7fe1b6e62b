import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '#core/zoned-time';
import { dateFormat, formatDay, formatDayUntil, LOCALES, writeDay } from '#core/i18n';

// Node ships full ICU: its long dates are the reference our own month names must match.
const intlTag = (locale: string) => (locale === 'en' ? 'en-GB' : locale);

describe('formatDay', () => {
  it.each(LOCALES)('%s writes every day of 2024 and 2026 exactly as full ICU does, without using Intl', (locale) => {
    const icu = new Intl.DateTimeFormat(intlTag(locale), { dateStyle: 'long', timeZone: 'UTC' });
    for (const start of ['2024-01-01', '2026-01-01']) {
      for (let i = 0; i < 365; i += 1) {
        const day = addDays(start, i);
        expect(formatDay(locale, day), day).toBe(icu.format(new Date(`${day}T00:00:00Z`)));
      }
    }
  });

  it('gives the browser the same words (writeDay with the page’s date format)', () => {
    expect(writeDay(dateFormat('kk'), '2026-03-15')).toBe('2026 ж. 15 наурыз');
    expect(writeDay(dateFormat('ky'), '2026-03-15')).toBe('2026-ж., 15-март');
    expect(formatDayUntil('en', '2026-03-14', '18:00')).toBe('14 March 2026, until 18:00');
  });
});

describe('browser scripts', () => {
  // Chromium ships trimmed ICU data without Kyrgyz and Kazakh dates: a script that needs a date
  // gets the words from the page (writeDay with dateFormat), never from Intl.
  it('format no date or time with Intl or toLocale… (site/scripts, site/offline)', () => {
    const files = ['site/scripts', 'site/offline'].flatMap((dir) =>
      readdirSync(dir)
        .filter((name) => name.endsWith('.ts'))
        .map((name) => join(dir, name)),
    );
    expect(files.length).toBeGreaterThan(5);
    const offending = files.filter((file) => /Intl\.DateTimeFormat|Intl\.RelativeTimeFormat|toLocale(?:Date|Time)?String/.test(readFileSync(file, 'utf8')));
    expect(offending).toEqual([]);
  });
});
