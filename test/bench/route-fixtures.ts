import { REFERENCE_ALPHABET } from '#functions/mobile-box/references';
import { AREAS } from '#functions/elections/areas';
import type { RouteCsvHeaders, RouteCsvRow } from '#core/sections/route-csv';
import type { RouteBase, RouteStop } from '#core/sections/route-order';

// Synthetic but lifelike Sofia stops for the route bench: every run builds the same ones.

/**
 * A seeded PRNG (mulberry32, as in test/unit/sections/route-order.test.ts).
 *
 * @example const next = seeded(2024); next() // 0 ≤ x < 1, the same sequence on every run
 */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Next = () => number;
const pick = <T>(items: readonly T[], next: Next): T => items[Math.floor(next() * items.length)]!;
const between = (from: number, to: number, next: Next) => from + next() * (to - from);
const whole = (from: number, to: number, next: Next) => String(Math.floor(between(from, to + 1, next)));

/** The Mladost district administration (бул. Андрей Ляпчев 100), where the vehicle starts and ends. */
export const BASE: RouteBase = { lat: 42.6511, lon: 23.378 };

const STREETS = [
  'бул. Витоша',
  'ул. Шипка',
  'ул. Граф Игнатиев',
  'бул. Цар Освободител',
  'ул. Г. С. Раковски',
  'бул. Васил Левски',
  'ул. Оборище',
  'ул. Пиротска',
  'бул. Александър Стамболийски',
  'ул. 6-ти септември',
  'бул. Христо Ботев',
  'ул. Солунска',
  'бул. Черни връх',
  'ул. Тодор Каблешков',
  'бул. Джеймс Баучер',
  'ул. Жеравна',
  'бул. Мария Луиза',
  'ул. Цар Симеон',
];
const ESTATES = [
  'ж.к. Младост 1',
  'ж.к. Младост 3',
  'ж.к. Люлин 5',
  'ж.к. Надежда 2',
  'ж.к. Дружба 1',
  'ж.к. Красно село',
  'ж.к. Студентски град',
  'ж.к. Овча купел',
  'ж.к. Гоце Делчев',
];

/**
 * `count` stops, half in housing estates (by block), half on streets (by number); with
 * coordinates spread over Sofia (lat 42.62–42.76, lon 23.22–23.42) or with none.
 */
export function sofiaStops(count: number, next: Next, withCoordinates: boolean): RouteStop[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `s${String(i).padStart(4, '0')}`;
    const place =
      next() < 0.5
        ? { street: pick(ESTATES, next), block: whole(1, 300, next) }
        : { street: pick(STREETS, next), number: whole(1, 150, next) + (next() < 0.15 ? pick(['А', 'Б', 'В'], next) : '') };
    return withCoordinates ? { id, ...place, lat: between(42.62, 42.76, next), lon: between(23.22, 23.42, next) } : { id, ...place };
  });
}

const MEN = ['Иван', 'Георги', 'Димитър', 'Петър', 'Николай', 'Стоян', 'Христо', 'Тодор', 'Васил', 'Атанас'];
const WOMEN = ['Мария', 'Елена', 'Йорданка', 'Цветанка', 'Радка', 'Пенка', 'Стефка', 'Надежда', 'Анна', 'Веселина'];
const FATHERS = ['Иванов', 'Георгиев', 'Димитров', 'Петров', 'Николаев', 'Стоянов', 'Христов', 'Тодоров', 'Василев', 'Атанасов'];
const SURNAMES = ['Иванов', 'Георгиев', 'Димитров', 'Петров', 'Николов', 'Стоянов', 'Христов', 'Попов', 'Колев', 'Ангелов', 'Илиев', 'Маринов'];
const NOTES = [
  'звънец 2, куче в двора',
  'трудноподвижна, чака на партера',
  'асансьорът не работи',
  'звънецът е „Петрови“, вход "Б"',
  'първи етаж,\nвратата вдясно',
  'обадете се 10 мин. по-рано',
  '-вход откъм двора',
  '+ придружител (дъщерята)',
  '@ домоуправителя, ап. 1',
];
// What someone might type into a form to attack the spreadsheet that opens the list.
const FORMULAS = ['=HYPERLINK("http://example.invalid","Отвори")', "=cmd|' /C calc'!A0", '@SUM(1+1)', "-2+3+cmd|' /C calc'!A0", '+359 888 000 000'];

const reference = (next: Next) => {
  const chars = Array.from({ length: 10 }, () => pick([...REFERENCE_ALPHABET], next)).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
};
const phone = (next: Next) => {
  const digits = (length: number) => Array.from({ length }, () => whole(0, 9, next)).join('');
  const r = next();
  return r < 0.6 ? `+359 88${whole(7, 9, next)} ${digits(3)} ${digits(3)}` : r < 0.85 ? `088${whole(7, 9, next)} ${digits(3)} ${digits(3)}` : undefined;
};

/**
 * `count` route-list rows: names, Sofia addresses, districts, phones and notes; a formula in 1 %
 * of names, 0.5 % of streets and 5 % of notes, and most phones start with `+`.
 */
export function routeRows(count: number, next: Next): RouteCsvRow[] {
  const districts = AREAS.filter((area) => area.country === 'BG').flatMap((area) => area.districts.map((district) => district.name.bg));
  return Array.from({ length: count }, () => {
    const woman = next() < 0.55;
    const name = `${pick(woman ? WOMEN : MEN, next)} ${pick(FATHERS, next)}${woman ? 'а' : ''} ${pick(SURNAMES, next)}${woman ? 'а' : ''}`;
    const both = next() < 0.7;
    const ep = next() < 0.5;
    const address =
      next() < 0.5
        ? {
            street: pick(ESTATES, next),
            block: whole(1, 300, next),
            entrance: pick(['А', 'Б', 'В', 'Г'], next),
            floor: whole(1, 16, next),
            apartment: whole(1, 99, next),
          }
        : { street: pick(STREETS, next), number: whole(1, 150, next), floor: whole(1, 8, next), apartment: whole(1, 30, next) };
    if (next() < 0.005) address.street = pick(FORMULAS, next);
    const notes = next() < 0.05 ? pick(FORMULAS, next) : next() < 0.5 ? pick(NOTES, next) : undefined;
    return {
      references: both ? [reference(next), reference(next)] : [reference(next)],
      forms: both ? ['30-ЕП', '31-НС'] : [ep ? '30-ЕП' : '31-НС'],
      fullName: next() < 0.01 ? pick(FORMULAS, next) : name,
      address,
      district: pick(districts, next),
      section: `234600${whole(1, 14, next).padStart(3, '0')}`,
      phone: phone(next),
      notes,
    };
  });
}

/** The Bulgarian column headings. */
export const HEADERS: RouteCsvHeaders = {
  order: '№',
  references: 'Референции',
  forms: 'Бланки',
  fullName: 'Име',
  address: 'Адрес',
  district: 'Район',
  section: 'Секция',
  phone: 'Телефон',
  notes: 'Бележки',
};
