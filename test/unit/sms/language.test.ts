import { describe, expect, it } from 'vitest';
import { COUNTRY_LANGUAGES, replyLocales } from '#functions/sms/language';

describe('the language of a reply', () => {
  it('«Урматтуу шайлоочулар! … Уважаемые избиратели!»: a bare ПИН gets Kyrgyz and Russian, as seed 000 prints its notice in both', () => {
    expect(replyLocales('21203198701310', 'KG')).toEqual(['ky', 'ru']);
    // "ПИН" is written the same in both languages: it tells nothing.
    expect(replyLocales('ПИН 21203198701310', 'KG')).toEqual(['ky', 'ru']);
    expect(replyLocales('PIN 21203198701310', 'KG')).toEqual(['ky', 'ru']);
  });

  it('a bare number gets the country’s first language, with Russian in Kazakhstan', () => {
    expect(replyLocales('3603065804', 'BG')).toEqual(['bg']);
    expect(replyLocales('ЕГН 3603065804', 'BG')).toEqual(['bg']);
    expect(replyLocales('ИИН 821216365528', 'KZ')).toEqual(['kk', 'ru']);
    expect(COUNTRY_LANGUAGES).toEqual({ BG: ['bg'], KG: ['ky', 'ru'], KZ: ['kk', 'ru'] });
  });

  it('a message with a word in one of our languages is answered in that language only', () => {
    const cases = [
      ['Менин ПИНим 21203198701310', 'KG', 'ky'],
      ['Шайлоо участогум кайда? 21203198701310', 'KG', 'ky'],
      ['Где мой участок? ПИН 21203198701310', 'KG', 'ru'],
      ['Мой ПИН 21203198701310', 'KG', 'ru'],
      ['Здравствуйте, ИИН 821216365528', 'KZ', 'ru'],
      ['Сәлеметсіз бе, ЖСН 821216365528', 'KZ', 'kk'],
      ['Менің учаскем қайда 821216365528', 'KZ', 'kk'],
      ['Здравейте, ЕГН 3603065804', 'BG', 'bg'],
      ['Къде гласувам? 3603065804', 'BG', 'bg'],
      ['where do I vote 3603065804', 'BG', 'en'],
      ['my PIN is 21203198701310', 'KG', 'en'],
      ['Где голосовать? ЕГН 3603065804', 'BG', 'ru'],
      ['Hello, 821216365528', 'KZ', 'en'],
    ] as const;
    for (const [text, country, locale] of cases) expect(replyLocales(text, country), text).toEqual([locale]);
  });

  it('letters only one language has decide too, and a word two languages share goes to the country’s', () => {
    // ң, ө, ү are Kyrgyz and Kazakh: the country decides. ә, ғ, қ, ұ, һ, і are Kazakh only.
    expect(replyLocales('Өтүнүч 21203198701310', 'KG')).toEqual(['ky']);
    expect(replyLocales('Өтініш 821216365528', 'KZ')).toEqual(['kk']);
    // "мой" is Russian and Bulgarian: Russian in Kyrgyzstan, Bulgarian in Bulgaria.
    expect(replyLocales('мой 21203198701310', 'KG')).toEqual(['ru']);
    expect(replyLocales('мой 3603065804', 'BG')).toEqual(['bg']);
  });

  it('without a number or a country: the words decide, else English', () => {
    expect(replyLocales('Где мой участок?', undefined)).toEqual(['ru']);
    expect(replyLocales('hello', undefined)).toEqual(['en']);
    expect(replyLocales('', undefined)).toEqual(['en']);
    expect(replyLocales('???', 'KG')).toEqual(['ky', 'ru']);
  });
});
