import type { Translation } from '../../types';

/** Bulgarian strings for the mobile sections and their route lists. */
export const sections = {
  'field.requestIds': "Заявления",
  'field.stopIds': "Ред на спирките",
  'error.stopIds': "Посочете всяка спирка от маршрута точно веднъж.",
  'field.number': "Номер на секцията",
  'field.baseAddress': "Базов адрес",
  'field.lat': "Географска ширина",
  'field.lon': "Географска дължина",
  'csv.order': "№",
  'csv.references': "Номер на заявление",
  'csv.forms': "Заявления по образец",
  'csv.fullName': "Име, презиме, фамилия",
  'csv.address': "Адрес",
  'csv.district': "Район",
  'csv.section': "Подвижна секция",
  'csv.phone': "Телефон",
  'csv.notes': "Бележки",
  'note.from': "изпратен от район {district}",
  'note.late': "заявление след 25 май",
  'note.representative': "упълномощено лице: {name}, {phone}",
} as const satisfies Translation<'sections', 'bg'>;
