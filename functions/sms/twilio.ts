import { z } from 'zod';
import { escapeXml } from '#core/sections/xml';
import type { SignedRequest, SmsGateway } from './gateway';
import { countryOfPhoneNumber, ourCountry } from './phone-country';

/**
 * Twilio's Messaging webhook: Twilio posts each inbound SMS as a form and sends our answer, TwiML,
 * back to the sender. The request carries `X-Twilio-Signature`: the base64 HMAC-SHA1, under the
 * account's Auth Token, of the URL Twilio called followed by every posted field, sorted by name,
 * as name and value run together (docs/sms.md).
 */

const phone = (description: string, example: string) => z.string().trim().min(1).max(64).meta({ description, example });
const countryCode = (description: string) => z.string().max(8).optional().meta({ description, example: 'KG' });

export const twilioInbound = z
  .object({
    MessageSid: z
      .string()
      .regex(/^(SM|MM)[0-9a-f]{32}$/)
      .meta({ description: 'Twilio’s id of the message.', example: 'SM0123456789abcdef0123456789abcdef' }),
    From: phone('The sender’s number: used only for the per-sender limit (as an HMAC) and its country code; never stored or logged.', '+996555123456'),
    To: phone('The number the message was sent to: the service’s own.', '119'),
    Body: z
      .string()
      .max(1600)
      .meta({ description: 'The text: a personal number, maybe with words around it. Never stored or logged.', example: '21203198701310' }),
    FromCountry: countryCode('The sender’s country, as Twilio reads it from the number.'),
    ToCountry: countryCode('The country of the service’s number.'),
    AccountSid: z.string().max(64).optional().meta({ description: 'The Twilio account; the signature already proves it.' }),
  })
  .meta({
    id: 'TwilioInboundMessage',
    description: 'Twilio’s inbound-message webhook form. Any other fields Twilio adds are covered by the signature and otherwise ignored.',
  });
export type TwilioInbound = z.infer<typeof twilioInbound>;

const encoder = new TextEncoder();

function base64(bytes: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(value: string): Uint8Array {
  try {
    return Uint8Array.from(atob(value.trim()), (char) => char.charCodeAt(0));
  } catch {
    return new Uint8Array();
  }
}

/** The text Twilio signs: the URL, then each field name and its values (sorted), names sorted. */
export function signedText(url: string, fields: URLSearchParams): string {
  const names = [...new Set(fields.keys())].sort();
  return (
    url +
    names
      .map((name) =>
        [...fields.getAll(name)]
          .sort()
          .map((value) => name + value)
          .join(''),
      )
      .join('')
  );
}

/**
 * `X-Twilio-Signature` for a request, as Twilio computes it (and `npm run sms` signs).
 *
 * @example await twilioSignature('https://example.org/api/sms/inbound', new URLSearchParams({ Body: 'x' }), token)
 */
export async function twilioSignature(url: string, fields: URLSearchParams, token: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(token), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  return base64(await crypto.subtle.sign('HMAC', key, encoder.encode(signedText(url, fields))));
}

/** Equal bytes, compared in time that depends on the expected length only. */
export function sameBytes(expected: Uint8Array, actual: Uint8Array): boolean {
  let difference = expected.length ^ actual.length;
  for (let i = 0; i < expected.length; i++) difference |= expected[i]! ^ (actual[i] ?? 0);
  return difference === 0;
}

/** The URL as Twilio may have signed it: as called, and with the scheme's default port written out (Twilio's own validator accepts both). */
function urlVariants(url: string): string[] {
  const parsed = new URL(url);
  if (parsed.port !== '') return [url];
  const port = parsed.protocol === 'https:' ? '443' : '80';
  return [url, `${parsed.protocol}//${parsed.host}:${port}${parsed.pathname}${parsed.search}`];
}

async function verify({ url, fields, signature }: SignedRequest, token: string): Promise<boolean> {
  const given = fromBase64(signature ?? '');
  let matches = false;
  // Every variant is computed and compared, so the time does not tell which one came close.
  for (const variant of urlVariants(url)) {
    const expected = fromBase64(await twilioSignature(variant, fields, token));
    matches = sameBytes(expected, given) || matches;
  }
  return signature !== undefined && matches;
}

/** The TwiML answer that has Twilio send one message back. */
export function twiml(text: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response><Message>${escapeXml(text)}</Message></Response>`;
}

export const twilio: SmsGateway<typeof twilioInbound> = {
  name: 'Twilio',
  signatureHeader: 'x-twilio-signature',
  form: twilioInbound,
  verify,
  message: (form) => ({
    from: form.From,
    text: form.Body,
    senderCountry: ourCountry(form.FromCountry) ?? countryOfPhoneNumber(form.From),
    serviceCountry: ourCountry(form.ToCountry) ?? countryOfPhoneNumber(form.To),
  }),
  reply: {
    contentType: 'text/xml; charset=utf-8',
    schema: z.string().meta({
      id: 'TwiML',
      description: 'TwiML: one `<Message>` with the reply, which Twilio sends to the sender.',
      example: twiml('Сиздин шайлоо участогуңуз:\nВаш избирательный участок:\n№1001, Бишкек, Чүй проспекти, 20'),
    }),
    body: twiml,
  },
};
