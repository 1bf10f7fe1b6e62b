import type { HelpChannel } from '#core/elections/schema';
import type { HelpLink } from '#core/errors';
import { atTime, t, type Locale } from '#core/i18n';
import type { Campaign } from './campaign';

/** The channels for mobile-box questions: the area's own (phone, e-mail, portal), then the election's (national ones). */
export function mobileBoxChannels(campaign: Campaign): HelpChannel[] {
  return [...campaign.area.help, ...campaign.election.help].filter((channel) => channel.for.includes('mobile-box'));
}

/** The channels for mobile-box questions, as links: the phone with its hours, then the sites and addresses. */
export function mobileBoxHelp(campaign: Campaign, locale: Locale): HelpLink[] {
  return mobileBoxChannels(campaign).map((channel) => ({
    label:
      channel.kind === 'phone' && channel.hours
        ? t(locale, 'mobileBox.help.call', { phone: channel.value, opens: atTime(channel.hours.opens), closes: atTime(channel.hours.closes) })
        : channel.value,
    href: channel.href,
  }));
}

/** The phone line and its hours, for the page's sentence; undefined when the area has none. */
export function mobileBoxPhone(campaign: Campaign) {
  const phone = mobileBoxChannels(campaign).find((channel) => channel.kind === 'phone' && channel.hours);
  return phone?.hours ? { phone: phone.value, href: phone.href, opens: phone.hours.opens, closes: phone.hours.closes } : undefined;
}
