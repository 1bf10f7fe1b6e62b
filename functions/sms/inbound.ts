import { NotFound } from '#core/errors';
import type { Locale } from '#core/i18n';
import { electionFor } from '#functions/elections/choose';
import type { Bindings } from '#functions/env';
import { lookupByPersonalNumber } from '#functions/lookup/lookup';
import type { LookupOutcome } from '#functions/lookup/outcomes';
import { requireKey } from '#functions/platform/keys';
import { onReplicas } from '#functions/platform/d1-sessions';
import { notFoundChannels } from './channels';
import type { InboundMessage } from './gateway';
import { replyLocales } from './language';
import { senderKey, smsLimit } from './limits';
import { readNumber } from './message';
import { replyText, type Reply } from './replies';

export interface SmsAnswer {
  text: string;
  locales: Locale[];
  /** Counted in `lookup_outcomes` with the channel `sms`. */
  outcome: LookupOutcome;
}

/**
 * What a text message is answered with, and how it is counted. The number is read from the text
 * and checked as the web lookup checks it; both limits count every message before anything is
 * looked up; a valid number goes to the web lookup's own function (`lookupByPersonalNumber`, one
 * query on the number's HMAC), whose answer never says whether the station is a mobile section.
 * Nothing of the message is stored or logged.
 */
export async function answerMessage(env: Bindings, message: InboundMessage, now: Date): Promise<SmsAnswer> {
  const lookupKey = requireKey(env, 'LOOKUP_KEY');
  const reading = readNumber(message.text);
  const country = (reading.kind === 'none' ? undefined : reading.country) ?? message.senderCountry ?? message.serviceCountry;
  const locales = replyLocales(message.text, country);
  const answer = (reply: Reply, outcome: LookupOutcome): SmsAnswer => ({ text: replyText(reply, locales), locales, outcome });

  const limit = await smsLimit(env, await senderKey(lookupKey, message.from));
  if (limit === 'sender') return answer({ kind: 'limited' }, 'limited');
  if (limit === 'everyone') return answer({ kind: 'busy' }, 'limited');
  if (reading.kind === 'none') return answer({ kind: 'what-to-send', country }, 'invalid');
  if (reading.kind === 'mistyped') return answer(country ? { kind: 'mistyped', country } : { kind: 'what-to-send' }, 'invalid');

  try {
    const station = await lookupByPersonalNumber(onReplicas(env).env, { country: reading.country, idNumber: reading.digits, election: undefined }, now);
    return answer({ kind: 'found', station }, 'found');
  } catch (error) {
    if (error instanceof NotFound)
      return answer({ kind: 'not-found', country: reading.country, channels: notFoundChannels(electionFor(reading.country, undefined, now)) }, 'not_found');
    // The database, a key that does not match the register…: the sender is told to try later. The log names the kind only.
    console.error(`sms inbound: the lookup could not answer (${error instanceof Error ? error.name : 'unknown'})`);
    return answer({ kind: 'unavailable' }, 'limited');
  }
}
