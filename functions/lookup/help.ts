import type { Election, HelpChannel, HelpTopic } from '#core/elections/schema';
import { t, type Locale } from '#core/i18n';
import type { HelpLink } from '#core/errors';

/** A channel from the election data as a link, labelled for the reader. */
export function helpLink(channel: HelpChannel, locale: Locale): HelpLink {
  const label =
    channel.kind === 'phone'
      ? t(locale, 'lookup.help.call', { number: channel.value })
      : channel.kind === 'sms'
        ? t(locale, 'lookup.help.sms', { number: channel.value })
        : channel.value;
  return { label, href: channel.href };
}

export function helpFor(election: Election, topic: HelpTopic, locale: Locale): HelpLink[] {
  return election.help.filter((channel) => channel.for.includes(topic)).map((channel) => helpLink(channel, locale));
}

/**
 * What a voter can do when their number is not in our data: the official channels of the
 * election's source document, then the guide that explains corrections.
 */
export function notFoundHelp(election: Election, locale: Locale): HelpLink[] {
  return [...helpFor(election, 'lookup-not-found', locale), { label: t(locale, 'lookup.help.guide'), href: `/${locale}/guides/${election.guide}/` }];
}
