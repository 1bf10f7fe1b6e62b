import type { Translation } from '../../types';

/** Russian strings for the mobile sections and their route lists. */
export const sections = {
  'field.requestIds': "Заявления",
  'field.stopIds': "Порядок остановок",
  'error.stopIds': "Укажите каждую остановку маршрута ровно один раз.",
  'field.number': "Номер секции",
  'field.baseAddress': "Начальный адрес",
  'field.lat': "Широта",
  'field.lon': "Долгота",
  'csv.order': "№",
  'csv.references': "Номер заявления",
  'csv.forms': "Формы",
  'csv.fullName': "ФИО",
  'csv.address': "Адрес",
  'csv.district': "Район",
  'csv.section': "Передвижная секция",
  'csv.phone': "Телефон",
  'csv.notes': "Примечания",
  'note.from': "направлен районом {district}",
  'note.late': "позднее заявление",
  'note.representative': "представитель: {name}, {phone}",
} as const satisfies Translation<'sections', 'ru'>;
