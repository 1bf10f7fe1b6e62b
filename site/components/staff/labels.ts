// How the staff pages word the values of a request: its ballot with the form's number from the
// election data, its district by name, its status and channel, and a date-time in the election's time.
import { dayAt, onDay, t, writeValue, type DayValue, type Locale } from '#core/i18n';
import type { Campaign } from '#functions/mobile-box/campaign';
import { districtById } from '#functions/mobile-box/districts';
import { localDate } from '#core/zoned-time';
import { settlementOf } from '#functions/mobile-box/settlements';
import type { SettlementSummary } from '#functions/staff/summary';

/** What the two views of the threshold (the summary's table and the flags) are given. */
export interface SettlementSummaryProps {
  locale: Locale;
  campaign: Campaign;
  rows: SettlementSummary[];
}

/** The municipality's official name, from the area's data ("Столична община"). */
export const municipalityOf = (locale: Locale, campaign: Pick<Campaign, 'area'>) => campaign.area.name[locale];
/** Who receives the route lists, as a short sentence names them ("СДВР", "the police (СДВР)"), from the area's data. */
export const recipientOf = (locale: Locale, campaign: Pick<Campaign, 'area'>) => campaign.area.handover.short[locale];
/** The place a sentence names (the city or town), from the area's data. */
export const placeOf = (locale: Locale, campaign: Pick<Campaign, 'area'>) => campaign.area.placeName[locale];
/** A settlement by name. */
export const settlementLabel = (locale: Locale, campaign: Campaign, id: string | null | undefined) => settlementOf(campaign, id).name[locale];

export type RequestStatus = 'received' | 'accepted' | 'rejected' | 'assigned';
export type Channel = 'online' | 'paper' | 'post' | 'fax' | 'email' | 'edelivery';

export const STATUSES = ['received', 'accepted', 'rejected', 'assigned'] as const satisfies readonly RequestStatus[];
/** The ways an application comes that staff enter by hand (everything but online). */
export const PAPER_CHANNELS = ['paper', 'post', 'fax', 'email', 'edelivery'] as const satisfies readonly Channel[];

/** The form's number of a ballot, from the election data. */
export const formOf = (campaign: Campaign, ballot: string) => campaign.config.ballots.find((b) => b.id === ballot)?.form ?? ballot;

/** A ballot's form and name from the election data, e.g. '30-ЕП, European Parliament'. */
export const ballotLabel = (locale: Locale, campaign: Campaign, ballot: string) =>
  t(locale, 'staff.ballot.label', { form: formOf(campaign, ballot), name: campaign.config.ballots.find((b) => b.id === ballot)?.name[locale] ?? ballot });

export const districtLabel = (locale: Locale, campaign: Campaign, id: string) => districtById(campaign, id)?.name[locale] ?? id;

export const statusLabel = (locale: Locale, status: RequestStatus) => t(locale, `staff.status.${status}`);

export const channelLabel = (locale: Locale, channel: Channel) => t(locale, `staff.channel.${channel}`);

const clockTimes = new Map<string, Intl.DateTimeFormat>();

/** An instant as the day and the hour in the election's time zone, for a message to put in its case. */
export function momentOf(iso: string, timeZone: string): DayValue {
  const instant = new Date(iso);
  let format = clockTimes.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    clockTimes.set(timeZone, format);
  }
  return dayAt(localDate(instant, timeZone), format.format(instant));
}

/** An instant standing alone (a table cell). @example dateTime('en', '2024-05-20T07:00:00.000Z', 'Europe/Sofia') // '20 May 2024, 10:00' */
export const dateTime = (locale: Locale, iso: string, timeZone: string) => writeValue(locale, momentOf(iso, timeZone));

/** A date of receipt (an ISO day) standing alone (a table cell). */
export const receiptDay = (locale: Locale, day: string) => writeValue(locale, onDay(day));
