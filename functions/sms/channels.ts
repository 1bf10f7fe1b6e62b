import type { Election } from '#core/elections/schema';

/**
 * What a reply names when a number is not found: the official channels of the election's data
 * for that case (Kyrgyzstan: the 1255 and 119 phones and tizme.gov.kg), as they are written
 * there, without the SMS channel the sender is already using.
 */
export function notFoundChannels(election: Election): string[] {
  return election.help.filter((channel) => channel.for.includes('lookup-not-found') && channel.kind !== 'sms').map((channel) => channel.value);
}
