import type { Locale } from '#core/i18n';
import { addDays } from '#core/zoned-time';
import { deadlineWindow } from './deadlines';
import type { Deadline, Election } from './schema';

/** Escapes TEXT values (RFC 5545 §3.3.11). */
function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds content lines longer than 75 octets (RFC 5545 §3.1), never splitting a character. */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = '';
  for (const char of line) {
    const limit = out.length === 0 ? 75 : 74;
    if (encoder.encode(current + char).length > limit) {
      out.push(current);
      current = char;
    } else {
      current += char;
    }
  }
  out.push(current);
  return out.join('\r\n ');
}

const utcStamp = (instant: Date) =>
  instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const dateValue = (date: string) => date.replace(/-/g, '');

/**
 * One deadline as an iCalendar file: an all-day event on its day (or across its window),
 * or a timed event ending at its closing hour. UID is stable, so importing it twice updates one event.
 *
 * @example deadlineIcs(election, deadline, 'en', new Date(), 'https://voterdesk.example/en/guides/x/')
 */
export function deadlineIcs(election: Election, deadline: Deadline, locale: Locale, stamp: Date, url: string): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Voter Desk//Election deadlines//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${election.id}.${deadline.id}@voterdesk.example`,
    `DTSTAMP:${utcStamp(stamp)}`,
  ];
  const { opens, closes } = deadlineWindow(deadline, election.timeZone);
  if (deadline.closesAt || deadline.opensAt) {
    // A timed window runs from its opening; a lone closing hour gets its last hour.
    const start = opens ?? new Date(closes.getTime() - 60 * 60 * 1000);
    lines.push(`DTSTART:${utcStamp(start)}`, `DTEND:${utcStamp(closes)}`);
  } else {
    // All-day: from the first day (or the only day) to the day after the last (DTEND is exclusive).
    lines.push(`DTSTART;VALUE=DATE:${dateValue(deadline.opens ?? deadline.date)}`, `DTEND;VALUE=DATE:${dateValue(addDays(deadline.date, 1))}`);
  }
  lines.push(
    `SUMMARY:${escapeText(`${deadline.title[locale]} (${election.title[locale]})`)}`,
    `DESCRIPTION:${escapeText(`${deadline.meaning[locale]}\n${url}`)}`,
    `URL:${url}`,
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeText(deadline.title[locale])}`,
    'TRIGGER:-P1D',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  );
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
