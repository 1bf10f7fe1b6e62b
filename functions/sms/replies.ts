import type { Country } from '#core/countries';
import { t, type Locale } from '#core/i18n';
import { ID_FORMATS } from '#core/lookup/personal-numbers';
import { fitsSegments, MAX_REPLY_SEGMENTS } from './segments';

/**
 * The replies a text message gets, worded in one or more languages. A reply is a line per
 * language and, below them, the data every language shares (the station's number and address,
 * the official channels), written once. Every reply stays within 2 segments: when one would not
 * (an address far longer than any we know), the second language goes first, then the end of the
 * data line; the unit tests measure every template in every language with the longest real
 * address.
 */
export type Reply =
  | { kind: 'found'; station: { number: string; address: string; settlement: string } }
  | { kind: 'not-found'; country: Country; channels: readonly string[] }
  | { kind: 'mistyped'; country: Country }
  | { kind: 'what-to-send'; country?: Country | undefined }
  | { kind: 'limited' }
  | { kind: 'busy' }
  | { kind: 'unavailable' };

export type ReplyKind = Reply['kind'];

const idName = (country: Country, locale: Locale) => {
  const { kind } = ID_FORMATS[country];
  return t(locale, `lookup.idName.${kind === 'LNCH' ? 'EGN' : kind}`);
};

/** The reply's words in one language. */
function worded(reply: Reply, locale: Locale): string {
  switch (reply.kind) {
    case 'found':
      return `${t(locale, 'lookup.result.title')}:`;
    case 'not-found': {
      const line = t(locale, `sms.notFound.${reply.country}`);
      return reply.channels.length > 0 ? `${line} ${t(locale, 'sms.notFound.channels')}` : line;
    }
    case 'mistyped':
      return t(locale, 'sms.mistyped', { name: idName(reply.country, locale), length: ID_FORMATS[reply.country].length });
    case 'what-to-send':
      return reply.country
        ? t(locale, 'sms.whatToSend', { name: idName(reply.country, locale), length: ID_FORMATS[reply.country].length })
        : t(locale, 'sms.whatToSendAny');
    case 'limited':
      return t(locale, 'sms.limited');
    case 'busy':
      return t(locale, 'sms.busy');
    case 'unavailable':
      return t(locale, 'sms.unavailable');
  }
}

/**
 * Where a station is: its address, after its settlement when the address does not name it (the
 * Bulgarian lists give the street only; the Kyrgyz and Kazakh ones start with the city).
 */
export function placeOf(station: { address: string; settlement: string }): string {
  return station.address.includes(station.settlement) ? station.address : `${station.settlement}, ${station.address}`;
}

/** The line every language shares, if the reply has one. */
function sharedData(reply: Reply): string | undefined {
  if (reply.kind === 'found') return `№${reply.station.number}, ${placeOf(reply.station)}`;
  if (reply.kind === 'not-found' && reply.channels.length > 0) return reply.channels.join(', ');
  return undefined;
}

/** The reply as written in `locales`, data included, with nothing shortened. */
export function fullReply(reply: Reply, locales: readonly Locale[]): string {
  const data = sharedData(reply);
  return [...locales.map((locale) => worded(reply, locale)), ...(data === undefined ? [] : [data])].join('\n');
}

/**
 * The reply's text, within 2 segments: in every language asked for when that fits, else in the
 * first one only, else with the shared line cut short (`…`).
 *
 * @example replyText({ kind: 'limited' }, ['ky', 'ru'])
 */
export function replyText(reply: Reply, locales: readonly Locale[]): string {
  for (const count of [locales.length, 1]) {
    const text = fullReply(reply, locales.slice(0, count));
    if (fitsSegments(text, MAX_REPLY_SEGMENTS)) return text;
  }
  const words = worded(reply, locales[0]!);
  const data = [...(sharedData(reply) ?? '')];
  for (let keep = data.length - 1; keep > 0; keep--) {
    const text = `${words}\n${data.slice(0, keep).join('').trimEnd()}…`;
    if (fitsSegments(text, MAX_REPLY_SEGMENTS)) return text;
  }
  return words;
}
