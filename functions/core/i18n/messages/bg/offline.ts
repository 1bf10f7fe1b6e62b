import type { Translation } from '#core/i18n/types';

/** Bulgarian strings for pages opened without a connection (the service worker's copies). */
export const offline = {
  notice:
    'Нямате връзка с интернет или връзката не отговаря. Това е копието на страницата, запазено на това устройство при последното ѝ отваряне, затова може да е остаряло.',
  'form.cannotSend':
    'Нямате връзка с интернет, затова заявлението още не може да бъде изпратено. Написаното остава в този раздел на браузъра: изпратете го, когато връзката се възстанови.',
  'form.draftLimit': {
    one: 'Изтрива се и {count} час след последната ви промяна.',
    other: 'Изтрива се и {count} часа след последната ви промяна.',
  },
  'lookup.needsConnection': 'Нямате връзка с интернет. За да намерите избирателната си секция, е нужна връзка: опитайте отново, когато тя се възстанови.',
} as const satisfies Translation<'offline', 'bg'>;
