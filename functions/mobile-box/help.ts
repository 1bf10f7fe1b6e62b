import type { Election } from '#core/elections/schema';
import { atTime, t, type Locale } from '#core/i18n';
import type { HelpLink } from '#core/errors';

/**
 * The election's channels for mobile-box questions, as links: the phone with its hours (from
 * the data file), then the sites and addresses.
 */
export function mobileBoxHelp(election: Election, locale: Locale): HelpLink[] {
  return election.help
    .filter((channel) => channel.for.includes('mobile-box'))
    .map((channel) => ({
      label:
        channel.kind === 'phone' && channel.hours
          ? t(locale, 'mobileBox.help.call', { phone: channel.value, opens: atTime(channel.hours.opens), closes: atTime(channel.hours.closes) })
          : channel.value,
      href: channel.href,
    }));
}

/** The phone line and its hours, for the page's sentence; undefined when the election has none. */
export function mobileBoxPhone(election: Election) {
  const phone = election.help.find((channel) => channel.kind === 'phone' && channel.for.includes('mobile-box') && channel.hours);
  return phone?.hours ? { phone: phone.value, href: phone.href, opens: phone.hours.opens, closes: phone.hours.closes } : undefined;
}
