import type { Translation } from '../../types';

/** Kyrgyz strings for error messages and form error summaries. */
export const errors = {
  'not_found': 'Бул даректе эч нерсе жок.',
  'internal': 'Биз тарапта ката кетти. Бир мүнөттөн кийин кайра аракет кылыңыз.',
  'busy': 'Азыр өтө көп адам издеп жатат. Бир мүнөттөн кийин кайра аракет кылыңыз.',
  'misconfigured': 'Кызмат азыр туура жөндөлгөн эмес. Биз бул тууралуу билебиз; кийинчерээк кайра аракет кылыңыз.',
  'key_mismatch': 'Участоктор тууралуу маалыматты азыр окуу мүмкүн эмес. Биз бул тууралуу билебиз; кийинчерээк кайра аракет кылыңыз.',
  'challenge_failed': 'Сурамды адам жөнөткөнүн ырастай алган жокпуз. Баракты жаңыртып, кайра аракет кылыңыз.',
  'challenge_unavailable': 'Азыр сурамдарды текшере албайбыз, ошондуктан аларга жооп бербейбиз. Бир мүнөттөн кийин кайра аракет кылыңыз.',
  'db_unavailable': 'Маалымат базасы азыр жооп бербей жатат. Бир мүнөттөн кийин кайра аракет кылыңыз.',
  'prefix': 'Ката:',
  'rate_limited': 'Сиздин байланыштан аракет өтө көп болду. Бир мүнөт күтүп, кайра аракет кылыңыз.',
  'payload_too_large': 'Сурам өтө чоң.',
  'field.required': '«{fieldName}» талаасын толтуруңуз.',
  'field.invalid': '«{fieldName}» талаасын текшериңиз: маани туура эмес.',
  'summaryTitle': 'Көйгөй бар',
  'validation': 'Айрым жоопторду оңдоо керек.',
  'bad_request': 'Сурамды окуу мүмкүн болгон жок. Туура JSON жөнөтүңүз.',
  'method_not_allowed': 'Бул дарек мындай сурамды кабыл албайт.',
  'unsupported_media_type': 'Сурам бул дарек кабыл албаган форматта жөнөтүлдү.',
  'forbidden': 'Бул сурамга уруксат жок.',
  'unauthorized': 'Адегенде кириңиз.',
  'field.too_long': {
    one: '«{fieldName}» талаасында эң көп {count} белги болушу мүмкүн.',
    other: '«{fieldName}» талаасында эң көп {count} белги болушу мүмкүн.',
  },
  'field.too_short': {
    one: '«{fieldName}» талаасында жок дегенде {count} белги болушу керек.',
    other: '«{fieldName}» талаасында жок дегенде {count} белги болушу керек.',
  },
  'field.invalid_format': '«{fieldName}» талаасын текшериңиз: ал күтүлгөндөй жазылган эмес.',
  'field.invalid_choice': '«{fieldName}» үчүн варианттардын бирин тандаңыз.',
  'field.invalid_date': '«{fieldName}» талаасын текшериңиз: мындай дата жок.',
  'field.not_a_number': '«{fieldName}» сан болушу керек.',
  'field.too_small': '«{fieldName}» жок дегенде {min} болушу керек.',
  'field.too_big': '«{fieldName}» эң көп {max} болушу керек.',
} as const satisfies Translation<'errors', 'ky'>;
