import type { Translation } from '../../types';

/** Kazakh strings for error messages and form error summaries. */
export const errors = {
  'not_found': 'Бұл мекенжайда ештеңе жоқ.',
  'internal': 'Бізде қате шықты. Бір минуттан кейін қайталап көріңіз.',
  'busy': 'Қазір өте көп адам іздеп жатыр. Бір минуттан кейін қайталап көріңіз.',
  'misconfigured': 'Қызмет қазір дұрыс бапталмаған. Біз бұл туралы білеміз; кейінірек қайталап көріңіз.',
  'key_mismatch': 'Учаскелер туралы деректерді қазір оқу мүмкін емес. Біз бұл туралы білеміз; кейінірек қайталап көріңіз.',
  'challenge_failed': 'Сұрауды адам жібергенін растай алмадық. Бетті жаңартып, қайталап көріңіз.',
  'challenge_unavailable': 'Қазір сұрауларды тексере алмаймыз, сондықтан оларға жауап бермейміз. Бір минуттан кейін қайталап көріңіз.',
  'db_unavailable': 'Дерекқор қазір жауап бермей тұр. Бір минуттан кейін қайталап көріңіз.',
  'prefix': 'Қате:',
  'rate_limited': 'Байланысыңыздан әрекет тым көп болды. Бір минут күтіп, қайталап көріңіз.',
  'payload_too_large': 'Сұрау тым үлкен.',
  'field.required': '«{fieldName}» өрісін толтырыңыз.',
  'field.invalid': '«{fieldName}» өрісін тексеріңіз: мәні жарамсыз.',
  'summaryTitle': 'Мәселе бар',
  'validation': 'Кейбір жауаптарды түзету керек.',
  'bad_request': 'Сұрауды оқу мүмкін болмады. Дұрыс JSON жіберіңіз.',
  'method_not_allowed': 'Бұл мекенжай мұндай сұрауды қабылдамайды.',
  'unsupported_media_type': 'Сұрау бұл мекенжай қабылдамайтын пішімде жіберілді.',
  'forbidden': 'Бұл сұрауға рұқсат жоқ.',
  'unauthorized': 'Алдымен жүйеге кіріңіз.',
  'field.too_long': {
    one: '«{fieldName}» өрісінде ең көбі {count} таңба болуы мүмкін.',
    other: '«{fieldName}» өрісінде ең көбі {count} таңба болуы мүмкін.',
  },
  'field.too_short': {
    one: '«{fieldName}» өрісінде кемінде {count} таңба болуы керек.',
    other: '«{fieldName}» өрісінде кемінде {count} таңба болуы керек.',
  },
  'field.invalid_format': '«{fieldName}» өрісін тексеріңіз: ол күтілгендей жазылмаған.',
  'field.invalid_choice': '«{fieldName}» үшін нұсқалардың бірін таңдаңыз.',
  'field.invalid_date': '«{fieldName}» өрісін тексеріңіз: мұндай күн жоқ.',
  'field.not_a_number': '«{fieldName}» сан болуы керек.',
  'field.too_small': '«{fieldName}» кемінде {min} болуы керек.',
  'field.too_big': '«{fieldName}» ең көбі {max} болуы керек.',
} as const satisfies Translation<'errors', 'kk'>;
