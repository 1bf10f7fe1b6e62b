import type { Translation } from '../../types';

/** Kyrgyz strings for the mobile sections and their route lists. */
export const sections = {
  'field.requestIds': "Арыздар",
  'field.stopIds': "Аялдамалардын тартиби",
  'error.stopIds': "Маршруттун ар бир аялдамасын бир жолу гана көрсөтүңүз.",
  'field.number': "Секциянын номери",
  'field.baseAddress': "Башталыш дареги",
  'field.lat': "Кеңдик",
  'field.lon': "Узундук",
  'csv.order': "№",
  'csv.references': "Арыздын номери",
  'csv.forms': "Формалар",
  'csv.fullName': "Аты-жөнү",
  'csv.address': "Дареги",
  'csv.district': "Район",
  'csv.section': "Көчмө секция",
  'csv.phone': "Телефон",
  'csv.notes': "Эскертүүлөр",
  'note.from': "{district} району жиберген",
  'note.late': "кечиккен арыз",
  'note.representative': "ишенимдүү өкүл: {name}, {phone}",
} as const satisfies Translation<'sections', 'ky'>;
