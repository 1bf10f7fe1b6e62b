import { limiterFor } from '#functions/http/rate-limit';
import type { Bindings } from '#functions/env';

/**
 * The limits on text messages: per sender and for every reply together (wrangler.toml `SMS_LIMITER`
 * and `SMS_GLOBAL_LIMITER`). The sender is counted under an HMAC of their phone number keyed with
 * LOOKUP_KEY, so the limiter never holds the number and nobody without the key can tell from the
 * limiter key whose it is. Every message counts, with a number or without.
 */

const encoder = new TextEncoder();

/**
 * The limiter key of a sender: HMAC-SHA-256 under LOOKUP_KEY of the number without spaces,
 * base64url. Kept only as a limiter key, for the limiter's window.
 */
export async function senderKey(lookupKey: string, phone: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(lookupKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(`voter-desk:sms-sender:v1:${phone.replace(/\s+/g, '')}`)));
  let binary = '';
  for (const byte of mac) binary += String.fromCharCode(byte);
  return `sms:${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

/** Which limit, if any, this message passes: the sender's own first, then everyone's together. */
export async function smsLimit(env: Bindings, sender: string): Promise<'ok' | 'sender' | 'everyone'> {
  if (!(await limiterFor(env, 'SMS').limit({ key: sender })).success) return 'sender';
  if (!(await limiterFor(env, 'SMS_GLOBAL').limit({ key: 'all' })).success) return 'everyone';
  return 'ok';
}
