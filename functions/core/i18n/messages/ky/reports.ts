import type { Translation } from '#core/i18n/types';

/** Kyrgyz strings for "report a problem with this answer". */
export const reports = {
  'field.kind': 'Эмне туура эмес',
  title: 'Бул жооп боюнча көйгөй тууралуу кабарлоо',
  description: 'Добуш берүү жайы тууралуу жооп туура эмес көрүнсө, бизге кабарлаңыз: биз аны расмий тизмелер менен салыштырып текшеребиз.',
  'kind.wrong_address': 'Дарек туура эмес',
  'kind.closed_or_moved': 'Участок жабылган же көчкөн',
  'kind.access': 'Жеткиликтүүлүк тууралуу маалымат туура эмес',
  'kind.wrong_station': 'Мен башка участокко бекитилгем',
  'kind.other': 'Башка',
  details: 'Эмне туура эмес?',
  noPersonalNumber: 'Бул жерге жеке номериңизди жазбаңыз. Жазганыңыз шифрленет жана 90 күндөн кийин өчүрүлөт.',
  contact: 'Сиз менен кантип байланышабыз? (милдеттүү эмес)',
  contactHint: 'Жооп алгыңыз келсе гана. Ал шифрленет жана 90 күндөн кийин өчүрүлөт.',
  submit: 'Кабарды жөнөтүү',
  thanks: 'Рахмат. Кабарыңыз (номери {id}) участоктордун тизмесин жүргүзгөн кызматкерлерге жетти.',
} as const satisfies Translation<'reports', 'ky'>;
