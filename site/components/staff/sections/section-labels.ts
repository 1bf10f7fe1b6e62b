// How the staff pages word a mobile polling station: its title (the number once the commission
// gives one, else its district), its constituency (МИР), where it starts, and whether its list
// was handed over to the police.
import { t, type Locale } from '#core/i18n';
import type { Campaign } from '#functions/mobile-box/campaign';
import type { SectionSummary } from '#functions/sections/lists';
import { districtLabel, momentOf, recipientOf } from '#site/components/staff/labels';

type Named = Pick<SectionSummary, 'number' | 'district'>;

/** The section's number, or "Mobile polling station for <district>" until it has one. */
export const sectionTitle = (locale: Locale, campaign: Campaign, section: Named) =>
  section.number
    ? t(locale, 'sections.section.number', { number: section.number })
    : t(locale, 'sections.section.district', { district: districtLabel(locale, campaign, section.district) });

/** @example constituencyLabel('en', '23') // 'Constituency MIR 23' */
export const constituencyLabel = (locale: Locale, constituency: string) => t(locale, 'sections.constituency', { number: constituency });

/** Coordinates as written on the page: `42.65050, 23.37920`. */
export const coordinatesText = (location: { lat: number; lon: number }) => `${location.lat.toFixed(5)}, ${location.lon.toFixed(5)}`;

/** Whether and when the district handed the list over to the police (the area's recipient), and who marked it. */
export function handoverText(locale: Locale, campaign: Campaign, section: Pick<SectionSummary, 'handedOverAt' | 'handedOverBy'>, timeZone: string): string {
  const recipient = recipientOf(locale, campaign);
  if (!section.handedOverAt) return t(locale, 'sections.handover.notYet', { recipient });
  return t(locale, 'sections.handover.sent', {
    recipient,
    date: momentOf(section.handedOverAt, timeZone),
    email: section.handedOverBy ?? t(locale, 'sections.handover.unknownUser'),
  });
}

/** For the police: whether the district has handed the list over to them yet, and when. */
export function receivedText(locale: Locale, section: Pick<SectionSummary, 'handedOverAt'>, timeZone: string): string {
  return section.handedOverAt
    ? t(locale, 'sections.handover.received', { date: momentOf(section.handedOverAt, timeZone) })
    : t(locale, 'sections.handover.notReceived');
}
