/**
 * How many SMS segments a text costs. A text that uses only the GSM 03.38 alphabet travels as
 * GSM-7: 160 septets in one segment, 153 a segment once it is split (the rest is the header that
 * joins the parts); the extension characters (`^{}\[~]|€` and form feed) take two septets. Any
 * other character, Cyrillic included, makes the whole text UCS-2: 70 UTF-16 code units in one
 * segment, 67 a segment once split. A part never ends inside an escape pair or a surrogate pair,
 * as phones and gateways split them.
 */

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SegmentCount {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

/** Replies are kept to this many segments: a second one is still read as one message on every phone. */
export const MAX_REPLY_SEGMENTS = 2;

const GSM_BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '^{}\\[~]|€\f';

const basic = new Set(GSM_BASIC);
const extension = new Set(GSM_EXTENSION);

const LIMITS: Record<SmsEncoding, { single: number; part: number }> = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
};

/** The encoding a text needs: GSM-7 when every character is in its alphabet. */
export function encodingOf(text: string): SmsEncoding {
  for (const char of text) if (!basic.has(char) && !extension.has(char)) return 'UCS-2';
  return 'GSM-7';
}

/** What each character costs in its encoding, in the text's order (a surrogate pair is one character of 2 units). */
function costs(text: string, encoding: SmsEncoding): number[] {
  return [...text].map((char) => (encoding === 'GSM-7' ? (extension.has(char) ? 2 : 1) : char.length));
}

/**
 * The encoding, size and number of segments of a text.
 *
 * @example segmentCount('Ваш избирательный участок: №1001') // { encoding: 'UCS-2', units: 32, segments: 1 }
 */
export function segmentCount(text: string): SegmentCount {
  const encoding = encodingOf(text);
  const each = costs(text, encoding);
  const units = each.reduce((sum, cost) => sum + cost, 0);
  const { single, part } = LIMITS[encoding];
  if (units <= single) return { encoding, units, segments: units === 0 ? 0 : 1 };
  let segments = 1;
  let used = 0;
  for (const cost of each) {
    if (used + cost > part) {
      segments++;
      used = 0;
    }
    used += cost;
  }
  return { encoding, units, segments };
}

/** Whether a text fits in `max` segments. */
export const fitsSegments = (text: string, max = MAX_REPLY_SEGMENTS) => segmentCount(text).segments <= max;
