import { describe, expect, it } from 'vitest';
import { rangesFormat, stationsFormat } from '#scripts/import/formats';
import { queryKeys, searchKey, searchKeys } from '#core/lookup/search-key';
import type { Country } from '#core/countries';

/** True when what a visitor typed finds the name stored from the official list. */
const finds = (typed: string, stored: string, country: Country = 'BG') => searchKeys(typed, country).includes(searchKey(stored, country));

// Real names from the demo data (Sofia's streets, Bishkek, Almaty), each with the ways people write
// them in Latin: the official transliteration, older systems, English, and Kazakh 2021 Latin.
describe('Sofia streets typed in Latin', () => {
  it.each([
    ['бул. Витоша', ['Vitosha', 'bul. Vitosha', 'Vitosha blvd', 'Bulevard Vitosha', 'Vitosha Boulevard', 'Witosha', 'VITOSHA']],
    ['ул. Цар Симеон', ['Tsar Simeon', 'ul. Tsar Simeon', 'Tzar Simeon', 'Car Simeon', 'Tsar Simeon Str.', 'Tsar Simeon street', 'ulitsa Tsar Simeon']],
    ['бул. Шипченски проход', ['Shipchenski prohod', 'Shipchenski prokhod', 'blvd. Shipchenski prohod', 'Šipčenski prohod']],
    ['ж.к. Младост 1', ['Zhk Mladost 1', 'j.k. Mladost 1', 'jk Mladost 1', 'zh.k. Mladost 1', 'Mladost 1']],
    ['ул. Алабин', ['Alabin', 'ul. Alabin', 'Alabin St']],
    ['бул. Христо Ботев', ['Hristo Botev', 'Khristo Botev', 'bul. Hristo Botev']],
    ['ул. Юрий Гагарин', ['Yuri Gagarin', 'Iurii Gagarin', 'Yuriy Gagarin', 'Jurij Gagarin', 'Yurii Gagarin']],
    ['ул. Оборище', ['Oborishte', 'Oboriste', 'Oborishche']],
    ['бул. Черни връх', ['Cherni vrah', 'Tcherni vrah', 'Cherni vrakh', 'Černi vrăh']],
    ['бул. Цариградско шосе', ['Tsarigradsko shose', 'Tzarigradsko shose']],
    ['бул. Княгиня Мария Луиза', ['Knyaginya Maria Luiza', 'Kniaginia Mariya Luiza', 'Knjaginja Marija Luiza']],
    ['ул. Г. С. Раковски', ['G. S. Rakovski', 'Rakovski', 'Rakovski Str.']],
    ['ул. Фритьоф Нансен', ['Frityof Nansen', 'Fritjof Nansen', 'Fritiof Nansen']],
    ['ул. Джавахарлал Неру', ['Dzhavaharlal Neru', 'Djavaharlal Neru', 'Javaharlal Neru']],
    ['бул. Царица Йоанна', ['Tsaritsa Yoanna', 'Tsaritsa Ioanna', 'Caritsa Joanna']],
    ['бул. Патриарх Евтимий', ['Patriarh Evtimiy', 'Patriarkh Evtimii', 'Patriarh Yevtimiy']],
    ['пл. Славейков', ['pl. Slaveykov', 'Slaveikov', 'Slavejkov square']],
  ])('%s', (stored, typed) => {
    for (const variant of typed) expect(finds(variant, stored), variant).toBe(true);
  });

  it('still finds the Cyrillic spelling, with or without the street type, in any case', () => {
    expect(finds('бул. Витоша', 'бул. Витоша')).toBe(true);
    expect(finds('ВИТОША', 'бул. Витоша')).toBe(true);
    expect(finds('ул. „Граф Игнатиев“', 'ул. Граф Игнатиев')).toBe(true);
    expect(finds('Витoша', 'бул. Витоша')).toBe(true); // a Latin "o" inside the Cyrillic word
  });

  it('finds settlements: Sofia, Sofiya, Sofija, grad Sofia', () => {
    for (const typed of ['Sofia', 'Sofiya', 'Sofija', 'SOFIA', 'gr. Sofia', 'Sofia city', 'София', 'гр. София'])
      expect(finds(typed, 'София'), typed).toBe(true);
  });

  it('keeps different streets apart', () => {
    const keys = ['бул. Витоша', 'ул. Шипка', 'ул. Цар Симеон', 'ул. Цар Иван Шишман', 'ж.к. Младост 1', 'ж.к. Младост 2', 'ул. Оборище', 'ул. Опълченска'].map(
      (s) => searchKey(s, 'BG'),
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect(finds('Mladost 2', 'ж.к. Младост 1')).toBe(false);
    expect(finds('Vitosha', 'ул. Шипка')).toBe(false);
  });
});

describe('Bishkek and Almaty in Latin', () => {
  it.each([
    ['KG', 'Бишкек', ['Bishkek', 'Bişkek']],
    ['KG', 'Чүй проспекти', ['Chui', 'Chuy', 'Chüy', 'Chuy prospekti', 'Chui avenue', 'Chuj']],
    ['KG', 'Жибек Жолу проспекти', ['Zhibek Zholu', 'Jibek Jolu', 'Zhibek Zholu avenue']],
    ['KG', 'Ахунбаев көчөсү', ['Akhunbaev', 'Ahunbaev', 'Akhunbayev street', 'Ahunbaev kochosu']],
    ['KG', 'Токтогул көчөсү', ['Toktogul', 'Toktogul street', 'Toktogul köçösü']],
    ['KZ', 'Алматы', ['Almaty', 'Almati', 'Almaty qalasy']],
    ['KZ', 'Абай даңғылы', ['Abai', 'Abay', 'Abai dañğyly', 'Abay avenue', 'Abay dangyly', 'Abai prospekt']],
    ['KZ', 'Сәтбаев көшесі', ['Satbaev', 'Sätbaev', 'Satbayev', 'Satbayev street', 'Sätbaev köşesi']],
    ['KZ', 'Достық даңғылы', ['Dostyk', 'Dostyq', 'Dostyq dañğyly', 'Dostyk avenue']],
    ['KZ', 'Төле би көшесі', ['Tole bi', 'Töle bi', 'Tolebi', 'Tole bi street']],
    ['KZ', 'Әл-Фараби даңғылы', ['Al-Farabi', 'Äl-Farabi', 'Al Farabi', 'Alfarabi avenue']],
    ['KZ', 'Жандосов көшесі', ['Zhandosov', 'Jandosov', 'Jandosov köşesi']],
    ['KZ', 'Райымбек даңғылы', ['Raiymbek', 'Rayymbek', 'Raimbek']],
    ['KZ', 'Әуезов ауданы', ['Auezov', 'Äuezov', 'Auyezov']],
    ['KZ', 'Бостандық ауданы', ['Bostandyk', 'Bostandyq']],
    ['KZ', 'Гоголь көшесі', ['Gogol', 'Gogol street']],
  ] as const)('%s %s', (country, stored, typed) => {
    for (const variant of typed) expect(finds(variant, stored, country), variant).toBe(true);
  });

  it('finds the Cyrillic and the Russian spellings too', () => {
    expect(finds('Чуй проспект', 'Чүй проспекти', 'KG')).toBe(true);
    expect(finds('проспект Абая', 'Абай даңғылы', 'KZ')).toBe(false); // a Russian case ending is another word
    expect(finds('Достык', 'Достық даңғылы', 'KZ')).toBe(true);
  });
});

describe('searchKeys', () => {
  it('gives one key for Cyrillic and both readings of a "j" or a lone "c"', () => {
    expect(searchKeys('бул. Витоша', 'BG')).toHaveLength(1);
    expect(searchKeys('Jandosov', 'KZ')).toHaveLength(2);
    expect(searchKeys('Car Jordan', 'BG')).toHaveLength(4);
  });

  it('is empty when only a street type or punctuation was typed, so nothing is matched by accident', () => {
    expect(searchKeys('ул.', 'BG')).toEqual([]);
    expect(searchKeys('bul. ', 'BG')).toEqual([]);
    expect(searchKeys(' „“ ', 'BG')).toEqual([]);
  });

  it('lets a half-typed name find the street (suggestions match on part of the key)', () => {
    const stored = searchKey('бул. Шипченски проход', 'BG');
    for (const part of ['Ship', 'shipch', 'Shipchenski pro'])
      expect(
        searchKeys(part, 'BG').some((key) => stored.includes(key)),
        part,
      ).toBe(true);
    expect(searchKeys('Satbay', 'KZ').some((key) => searchKey('Сәтбаев көшесі', 'KZ').includes(key))).toBe(true);
  });
});

describe('stored and queried keys', () => {
  it('the importer stores the Latin key next to the Cyrillic one', () => {
    const range = { settlement: 'гр. София', street: 'ж.к. Младост 1', from: '1', to: '99', parity: 'odd', station_number: '234601001' };
    expect(rangesFormat.parse(range, { country: 'BG' })).toMatchObject({
      ok: true,
      value: { settlementKey: 'софия', settlementSearchKey: 'sofia', streetKey: 'младост 1', streetSearchKey: 'mladost1' },
    });
    const station = {
      number: '1001',
      name: '№1001',
      address: 'Бишкек, Чүй проспекти, 20',
      settlement: 'Бишкек',
      district: 'Ленин району',
      constituency: 'Ленин району',
      lat: '',
      lon: '',
      step_free: '',
      mobile: '',
    };
    expect(stationsFormat.parse(station, { country: 'KG' })).toMatchObject({ ok: true, value: { settlementKey: 'бишкек', settlementSearchKey: 'bishkek' } });
  });

  it('a query also sends the old Cyrillic key, which rows loaded before migration 0007 hold', () => {
    expect(queryKeys('бул. Витоша', 'BG')).toEqual(['vitosha', 'витоша']);
    expect(queryKeys('Vitosha', 'BG')).toEqual(['vitosha']);
    expect(queryKeys(undefined, 'BG')).toEqual([]);
    expect(queryKeys('ул.', 'BG')).toEqual([]);
  });
});
