import { describe, expect, it } from 'vitest';
import { latin, oneScript } from '#core/lookup/transliterate';

describe('latin (Bulgarian by the Transliteration Act, 2009)', () => {
  // Official Latin forms as they appear on Bulgarian road signs, in the provinces' own names and in
  // the BGN/PCGN 2013 agreement that adopted the Act's system (not computed with our table).
  it.each([
    ['Благоевград', 'Blagoevgrad'],
    ['Велико Търново', 'Veliko Tarnovo'],
    ['Търговище', 'Targovishte'],
    ['Кърджали', 'Kardzhali'],
    ['Пазарджик', 'Pazardzhik'],
    ['Хасково', 'Haskovo'],
    ['Враца', 'Vratsa'],
    ['Ловеч', 'Lovech'],
    ['Шумен', 'Shumen'],
    ['Смолян', 'Smolyan'],
    ['Ямбол', 'Yambol'],
    ['Кюстендил', 'Kyustendil'],
    ['Стара Загора', 'Stara Zagora'],
    ['Цариградско шосе', 'Tsarigradsko shose'],
    ['Юрий Гагарин', 'Yuriy Gagarin'],
  ])('%s → %s', (cyrillic, official) => {
    expect(latin(cyrillic)).toBe(official);
  });

  it('writes "ия" at the end of a word as "ia", and elsewhere letter by letter', () => {
    expect(latin('София')).toBe('Sofia');
    expect(latin('София-град')).toBe('Sofia-grad');
    expect(latin('Мария Луиза')).toBe('Maria Luiza');
    expect(latin('Софийска')).toBe('Sofiyska');
  });

  it('allows the one exception of the Act, the name of the state', () => {
    expect(latin('Република България')).toBe('Republika Bulgaria');
    expect(latin('бул. България')).toBe('bul. Bulgaria');
  });

  it('keeps capitals, words in capitals and anything that is not Cyrillic', () => {
    expect(latin('ЩАСТЛИВЕЦ')).toBe('SHTASTLIVETS');
    expect(latin('Щастливец')).toBe('Shtastlivets');
    expect(latin('ул. „Шипка“ № 6')).toBe('ul. „Shipka“ № 6');
  });

  it('romanises the letters of Kyrgyz and Kazakh, and treats ъ/ь as signs outside Bulgaria', () => {
    expect(latin('Чүй', 'KG')).toBe('Chuy');
    expect(latin('Төле би', 'KZ')).toBe('Tole bi');
    expect(latin('Гоголь', 'KZ')).toBe('Gogol');
  });
});

describe('oneScript', () => {
  it('puts look-alike letters into the script most of the word is in', () => {
    expect(oneScript('витoша')).toBe('витоша');
    expect(oneScript('сhui')).toBe('chui');
    expect(oneScript('vitosha')).toBe('vitosha');
    expect(oneScript('витоша')).toBe('витоша');
  });
});
