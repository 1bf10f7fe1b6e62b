// npm run sms -- "21203198701310" [--from +996555123456] [--to 119] [--url http://127.0.0.1:8787]
// Sends a text message to the local server (`npm start`) the way the SMS gateway does: Twilio's
// form, signed with X-Twilio-Signature under SMS_AUTH_TOKEN ($SMS_AUTH_TOKEN, else .dev.vars,
// else the development token local servers accept), and prints the reply with its length and
// segments (docs/sms.md "Try it locally").
import { randomBytes, randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';
import { readVars } from '#scripts/dev-vars';
import { DEVELOPMENT_SMS_AUTH_TOKEN } from '#functions/sms/auth-token';
import { countryOfPhoneNumber } from '#functions/sms/phone-country';
import { segmentCount } from '#functions/sms/segments';
import { twilio, twilioSignature } from '#functions/sms/twilio';
import { CommandError, main, type CommandIo } from './command';

const twilioPath = '/api/sms/inbound';
/**
 * A sender no real phone has (Twilio's test range +1 500 555), a new one each run unless --from
 * names one, so trying several numbers in a row does not meet the per-sender limit.
 */
export const demoSender = () => `+1500555${String(randomInt(10_000)).padStart(4, '0')}`;
export const DEMO_SERVICE = '119';

/** The form Twilio posts for one message, with the countries it reads from the numbers. */
export function gatewayForm(text: string, from: string, to: string): URLSearchParams {
  const form = new URLSearchParams({
    MessageSid: `SM${randomBytes(16).toString('hex')}`,
    AccountSid: `AC${'0'.repeat(32)}`,
    From: from,
    To: to,
    Body: text,
    NumMedia: '0',
  });
  const fromCountry = countryOfPhoneNumber(from);
  const toCountry = countryOfPhoneNumber(to);
  if (fromCountry) form.set('FromCountry', fromCountry);
  if (toCountry) form.set('ToCountry', toCountry);
  return form;
}

/** The reply inside Twilio's TwiML answer. */
export function replyInTwiml(xml: string): string | undefined {
  const match = /<Message>([\s\S]*)<\/Message>/.exec(xml);
  if (!match) return undefined;
  const entities: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' };
  return match[1]!.replace(/&(lt|gt|quot|apos|amp);/g, (entity) => entities[entity]!);
}

/** `npm run sms`. */
export async function smsCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { from: { type: 'string' }, to: { type: 'string', default: DEMO_SERVICE }, url: { type: 'string' } },
    strict: true,
  });
  if (positionals.length !== 1)
    throw new CommandError('Usage: npm run sms -- "<text of the message>" [--from +996555123456] [--to 119] [--url http://127.0.0.1:8787]');
  const base = values.url ?? `http://127.0.0.1:${io.env.PORT ?? '8787'}`;
  const url = new URL(twilioPath, base).toString();
  const token = io.env.SMS_AUTH_TOKEN || readVars('.dev.vars').SMS_AUTH_TOKEN || DEVELOPMENT_SMS_AUTH_TOKEN;
  const form = gatewayForm(positionals[0]!, values.from ?? demoSender(), values.to);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', [twilio.signatureHeader]: await twilioSignature(url, form, token) },
      body: form,
    });
  } catch {
    throw new CommandError(`No server answers at ${base}: start it with \`npm start\` (or name another with --url).`, 1);
  }
  const body = await response.text();
  const reply = response.ok ? replyInTwiml(body) : undefined;
  if (reply === undefined) {
    io.err(`${response.status} ${response.statusText}: ${body.slice(0, 500)}`);
    return 1;
  }
  const count = segmentCount(reply);
  io.out(reply);
  io.out(
    `— ${count.units} ${count.encoding === 'GSM-7' ? 'GSM-7 characters' : 'UCS-2 characters'}, ${count.segments} ${count.segments === 1 ? 'segment' : 'segments'}`,
  );
  return 0;
}

await main(import.meta.url, smsCommand);
