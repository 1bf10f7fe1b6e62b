import type { Country } from '#core/countries';
import { prng, syntheticEgn, syntheticIin, syntheticPin } from './synthetic-ids';

/**
 * The synthetic demo dataset `npm start` loads: Sofia's 24 districts with sections and
 * streets, Bishkek and Almaty. Real district and street names, invented stations, ranges and
 * personal numbers (valid checksums, nobody's real number). Deterministic: same data on
 * every machine, so the README can list numbers and addresses to try.
 */

export interface DemoCountry {
  country: Country;
  electionId: string;
  stations: string[][];
  ranges: string[][];
  register: string[][];
}

const STATION_HEADER = ['number', 'name', 'address', 'settlement', 'district', 'constituency', 'lat', 'lon', 'step_free', 'mobile'];
const RANGE_HEADER = ['settlement', 'street', 'from', 'to', 'parity', 'station_number'];
const REGISTER_HEADER = ['id_number', 'station_number'];

/** Sofia's districts in the order of their two-digit codes, with a constituency each. */
const SOFIA_DISTRICTS: [string, 23 | 24 | 25][] = [
  ['Средец', 24],
  ['Красно село', 23],
  ['Възраждане', 25],
  ['Оборище', 24],
  ['Сердика', 24],
  ['Подуяне', 24],
  ['Слатина', 24],
  ['Изгрев', 23],
  ['Лозенец', 23],
  ['Триадица', 23],
  ['Красна поляна', 25],
  ['Илинден', 25],
  ['Надежда', 25],
  ['Искър', 24],
  ['Младост', 23],
  ['Студентски', 23],
  ['Витоша', 23],
  ['Овча купел', 25],
  ['Люлин', 25],
  ['Връбница', 25],
  ['Нови Искър', 24],
  ['Кремиковци', 24],
  ['Панчарево', 23],
  ['Банкя', 25],
];

/** Districts with one of the 14 mobile sections (from the 2024 source document). */
const SOFIA_MOBILE = new Set([
  'Красно село',
  'Изгрев',
  'Триадица',
  'Младост',
  'Витоша',
  'Средец',
  'Оборище',
  'Подуяне',
  'Слатина',
  'Искър',
  'Красна поляна',
  'Надежда',
  'Овча купел',
  'Люлин',
]);

const SOFIA_STREETS = [
  'бул. Витоша',
  'ул. Граф Игнатиев',
  'ул. Шипка',
  'ул. Оборище',
  'ул. Г. С. Раковски',
  'ул. Цар Симеон',
  'ул. Пиротска',
  'ул. Алабин',
  'бул. Христо Ботев',
  'бул. Васил Левски',
  'ул. Ген. Гурко',
  'ул. Цар Иван Шишман',
  'бул. Патриарх Евтимий',
  'ул. Неофит Рилски',
  'ул. Славянска',
  'ул. Московска',
  'ул. Солунска',
  'бул. Дондуков',
  'бул. Черни връх',
  'бул. Джеймс Баучер',
  'бул. Арсеналски',
  'ул. Фритьоф Нансен',
  'бул. Гоце Делчев',
  'бул. Никола Вапцаров',
  'бул. Симеоновско шосе',
  'бул. Акад. Стефан Младенов',
  'бул. Александър Малинов',
  'бул. Цариградско шосе',
  'ул. Ситняково',
  'бул. Мадрид',
  'бул. Ботевградско шосе',
  'бул. Владимир Вазов',
  'бул. Сливница',
  'бул. Тодор Александров',
  'бул. Константин Величков',
  'бул. Царица Йоанна',
  'бул. Европа',
  'ул. Джавахарлал Неру',
  'бул. Овча купел',
  'ул. Монтевидео',
  'бул. Президент Линкълн',
  'бул. Княгиня Мария Луиза',
  'ул. Скопие',
  'бул. Ломско шосе',
  'ул. Рожен',
  'бул. Стефан Стамболов',
  'ул. Опълченска',
  'ул. Позитано',
  'ул. Сердика',
  'ул. Екзарх Йосиф',
  'бул. Искърско шосе',
  'бул. Асен Йорданов',
  'бул. Бъкстон',
  'ул. Тинтява',
  'бул. Драган Цанков',
  'бул. Шипченски проход',
  'ул. Гео Милев',
  'бул. Христо Смирненски',
  'ул. Крум Попов',
  'ул. Кирил Пейчинович',
  'ул. Луи Пастьор',
  'ул. Пенчо Славейков',
  'ул. Добруджа',
  'ул. Васил Кънчов',
  'бул. Панчаревско шосе',
  'ул. Ботунец',
  'ул. Кубратово',
  'ул. Свобода',
  'ул. Михайло Михайлов',
  'ул. Цар Борис III',
  'ул. Софийско поле',
  'ул. Банкенско шосе',
];

const BISHKEK_DISTRICTS = ['Ленин району', 'Октябрь району', 'Биринчи Май району', 'Свердлов району'];
const BISHKEK_STREETS = [
  'Чүй проспекти',
  'Манас проспекти',
  'Жибек Жолу проспекти',
  'Токтогул көчөсү',
  'Киев көчөсү',
  'Москва көчөсү',
  'Ахунбаев көчөсү',
  'Исанов көчөсү',
];
const ALMATY_DISTRICTS = ['Алмалы ауданы', 'Бостандық ауданы', 'Медеу ауданы', 'Әуезов ауданы'];
const ALMATY_STREETS = [
  'Абай даңғылы',
  'Төле би көшесі',
  'Сәтбаев көшесі',
  'Жандосов көшесі',
  'Достық даңғылы',
  'Әл-Фараби даңғылы',
  'Райымбек даңғылы',
  'Гоголь көшесі',
];

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const coordinate = (value: number) => value.toFixed(6);

/** Splits one street between stations the way real lists do: by side, then by number. */
function streetRanges(settlement: string, street: string, stationNumbers: string[], offset: number): string[][] {
  const at = (i: number) => stationNumbers[(offset + i) % stationNumbers.length]!;
  const [a, b, c] = [at(0), at(1), at(2)];
  return [
    [settlement, street, '1', '59', 'odd', a],
    [settlement, street, '61', '199', 'odd', b],
    [settlement, street, '2', '200', 'even', c],
  ];
}

function sofia(random: () => number): DemoCountry {
  const stations: string[][] = [];
  const ranges: string[][] = [];
  const regular: string[] = [];
  SOFIA_DISTRICTS.forEach(([district, mir], index) => {
    const code = pad(index + 1, 2);
    const row = Math.floor(index / 5);
    const column = index % 5;
    const lat = 42.66 + row * 0.018;
    const lon = 23.24 + column * 0.035;
    const numbers: string[] = [];
    for (let s = 1; s <= 4; s++) {
      const number = `${mir}46${code}${pad(s, 3)}`;
      const street = SOFIA_STREETS[(index * 3 + s - 1) % SOFIA_STREETS.length]!;
      numbers.push(number);
      stations.push([
        number,
        `Секция ${pad(s, 3)}, ${s * 10 + index} СУ`,
        `${street} ${10 + s * 7}`,
        'София',
        `район ${district}`,
        `${mir} МИР`,
        coordinate(lat + (random() - 0.5) * 0.01),
        coordinate(lon + (random() - 0.5) * 0.012),
        random() < 0.6 ? 'yes' : random() < 0.5 ? 'no' : '',
        'no',
      ]);
    }
    regular.push(...numbers);
    if (SOFIA_MOBILE.has(district)) {
      stations.push([
        `${mir}46${code}900`,
        `Подвижна секция, район ${district}`,
        `Районна администрация ${district}`,
        'София',
        `район ${district}`,
        `${mir} МИР`,
        '',
        '',
        '',
        'yes',
      ]);
    }
    for (let k = 0; k < 3; k++) ranges.push(...streetRanges('София', SOFIA_STREETS[index * 3 + k]!, numbers, k));
  });
  const ids = distinct(3000, () => syntheticEgn(random));
  const register = ids.map((id, i) => [id, regular[i % regular.length]!]);
  return { country: 'BG', electionId: 'bg-2024-06-09', stations, ranges, register };
}

/**
 * `count` different personal numbers: each person once in a register (the importer refuses a
 * number listed twice with two stations). A number drawn again is drawn anew.
 */
function distinct(count: number, draw: () => string): string[] {
  const ids = new Set<string>();
  while (ids.size < count) ids.add(draw());
  return [...ids];
}

function city(
  random: () => number,
  options: {
    country: Country;
    electionId: string;
    settlement: string;
    districts: string[];
    streets: string[];
    firstNumber: number;
    center: [number, number];
    name: (n: string) => string;
    newId: (r: () => number) => string;
  },
): DemoCountry {
  const stations: string[][] = [];
  const ranges: string[][] = [];
  const numbers: string[] = [];
  options.districts.forEach((district, d) => {
    for (let s = 0; s < 5; s++) {
      const number = String(options.firstNumber + d * 5 + s);
      const street = options.streets[(d * 2 + s) % options.streets.length]!;
      numbers.push(number);
      stations.push([
        number,
        options.name(number),
        `${options.settlement}, ${street}, ${20 + s * 11}`,
        options.settlement,
        district,
        district,
        coordinate(options.center[0] + (d - 1.5) * 0.02 + (random() - 0.5) * 0.01),
        coordinate(options.center[1] + (s - 2) * 0.015 + (random() - 0.5) * 0.01),
        random() < 0.5 ? 'yes' : 'no',
        'no',
      ]);
    }
  });
  for (const [i, street] of options.streets.entries()) ranges.push(...streetRanges(options.settlement, street, numbers, i * 2));
  const ids = distinct(1500, () => options.newId(random));
  const register = ids.map((id, i) => [id, numbers[i % numbers.length]!]);
  return { country: options.country, electionId: options.electionId, stations, ranges, register };
}

export function demoData(): DemoCountry[] {
  return [
    sofia(prng(2024)),
    city(prng(996), {
      country: 'KG',
      electionId: 'kg-2024-voter-list',
      settlement: 'Бишкек',
      districts: BISHKEK_DISTRICTS,
      streets: BISHKEK_STREETS,
      firstNumber: 1001,
      center: [42.8746, 74.5698],
      name: (n) => `№${n} шайлоо участогу`,
      newId: syntheticPin,
    }),
    city(prng(7), {
      country: 'KZ',
      electionId: 'kz-2026-referendum',
      settlement: 'Алматы',
      districts: ALMATY_DISTRICTS,
      streets: ALMATY_STREETS,
      firstNumber: 101,
      center: [43.2389, 76.8897],
      name: (n) => `№${n} референдум учаскесі`,
      newId: syntheticIin,
    }),
  ];
}

export const DEMO_HEADERS = { stations: STATION_HEADER, ranges: RANGE_HEADER, register: REGISTER_HEADER };
