import type { Translation } from '../../types';

/** Kazakh strings for the mobile sections and their route lists. */
export const sections = {
  'field.requestIds': "Өтініштер",
  'field.stopIds': "Аялдамалардың реті",
  'error.stopIds': "Маршруттың әр аялдамасын бір реттен ғана көрсетіңіз.",
  'field.number': "Секция нөмірі",
  'field.baseAddress': "Бастапқы мекенжай",
  'field.lat': "Ендік",
  'field.lon': "Бойлық",
  'csv.order': "№",
  'csv.references': "Өтініш нөмірі",
  'csv.forms': "Нысандар",
  'csv.fullName': "Аты-жөні",
  'csv.address': "Мекенжай",
  'csv.district': "Аудан",
  'csv.section': "Жылжымалы секция",
  'csv.phone': "Телефон",
  'csv.notes': "Ескертпелер",
  'note.from': "{district} ауданы жіберген",
  'note.late': "кеш берілген өтініш",
  'note.representative': "өкіл: {name}, {phone}",
} as const satisfies Translation<'sections', 'kk'>;
