import type { Translation } from '#core/i18n/types';

/** Kazakh strings for "report a problem with this answer". */
export const reports = {
  'field.kind': 'Не дұрыс емес',
  title: 'Осы жауап бойынша мәселе туралы хабарлау',
  description: 'Дауыс беру орны туралы жауап қате сияқты көрінсе, бізге хабарлаңыз: біз оны ресми тізімдермен салыстырып тексереміз.',
  'kind.wrong_address': 'Мекенжай қате',
  'kind.closed_or_moved': 'Учаске жабылған немесе көшкен',
  'kind.access': 'Қолжетімділік туралы ақпарат қате',
  'kind.wrong_station': 'Мен басқа учаскеге бекітілгенмін',
  'kind.other': 'Басқа',
  details: 'Не дұрыс емес?',
  noPersonalNumber: 'Мұнда жеке нөміріңізді жазбаңыз. Жазғаныңыз шифрланады және 90 күннен кейін жойылады.',
  contact: 'Сізбен қалай байланысамыз? (міндетті емес)',
  contactHint: 'Жауап алғыңыз келсе ғана. Ол шифрланады және 90 күннен кейін жойылады.',
  submit: 'Хабарды жіберу',
  thanks: 'Рақмет. Хабарыңыз (нөмірі {id}) учаскелер тізімін жүргізетін қызметкерлерге жетті.',
} as const satisfies Translation<'reports', 'kk'>;
