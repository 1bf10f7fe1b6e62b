import { t } from '../../site/i18n';
import type { Country } from '../platform/countries';
import type { HelpLink } from '../platform/errors';
import type { Locale } from '../platform/locale';

const GUIDES: Record<Country, string> = {
  BG: 'bulgaria-2024-elections',
  KG: 'kyrgyzstan-2024-voter-list',
  KZ: 'kazakhstan-2026-absentee-certificates',
};

/**
 * What a voter can do when their number is not in our data: the official channels from the
 * source documents, and the guide that explains corrections.
 */
export function notFoundHelp(country: Country, locale: Locale): HelpLink[] {
  const guide = { label: t(locale, 'lookup.help.guide'), href: `/${locale}/guides/${GUIDES[country]}/` };
  switch (country) {
    case 'KG':
      return [
        { label: t(locale, 'lookup.help.call', { number: '1255' }), href: 'tel:1255' },
        { label: t(locale, 'lookup.help.call', { number: '119' }), href: 'tel:119' },
        { label: t(locale, 'lookup.help.sms119'), href: 'sms:119?body=PIN' },
        { label: 'tizme.gov.kg', href: 'https://tizme.gov.kg/' },
        guide,
      ];
    case 'BG':
      return [guide];
    case 'KZ':
      return [guide];
  }
}
