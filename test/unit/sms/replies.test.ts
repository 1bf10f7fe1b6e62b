import { describe, expect, it } from 'vitest';
import { COUNTRIES, type Country } from '#core/countries';
import { LOCALES, type Locale } from '#core/i18n';
import { ELECTIONS } from '#functions/elections/registry';
import { notFoundChannels } from '#functions/sms/channels';
import { COUNTRY_LANGUAGES } from '#functions/sms/language';
import { fullReply, placeOf, replyText, type Reply } from '#functions/sms/replies';
import { MAX_REPLY_SEGMENTS, segmentCount } from '#functions/sms/segments';
import { demoData } from '#scripts/seed/demo-data';

const data = demoData();
/** Every station of the demo data as a reply names it: number, settlement and address. */
const stations = data.flatMap(({ stations: rows }) =>
  rows.map(([number, , address, settlement]) => ({ number: number!, address: address!, settlement: settlement! })),
);
const longest = stations.reduce((a, b) => (`№${b.number}, ${placeOf(b)}`.length > `№${a.number}, ${placeOf(a)}`.length ? b : a));

/** The languages a reply may come in for a country: any one language the sender wrote in, or the country's own (two in KG and KZ). */
const languageChoices = (country: Country | undefined): Locale[][] => [
  ...LOCALES.map((locale) => [locale]),
  ...(country ? [[...COUNTRY_LANGUAGES[country]]] : []),
];

/** Every reply template, with the longest real station and the channels of every election's data. */
function everyReply(): { reply: Reply; country: Country | undefined }[] {
  const replies: { reply: Reply; country: Country | undefined }[] = [];
  for (const country of COUNTRIES) {
    replies.push({ reply: { kind: 'found', station: longest }, country });
    for (const election of ELECTIONS.filter((e) => e.country === country))
      replies.push({ reply: { kind: 'not-found', country, channels: notFoundChannels(election) }, country });
    replies.push({ reply: { kind: 'mistyped', country }, country }, { reply: { kind: 'what-to-send', country }, country });
    for (const kind of ['limited', 'busy', 'unavailable'] as const) replies.push({ reply: { kind }, country });
  }
  replies.push({ reply: { kind: 'what-to-send' }, country: undefined });
  for (const kind of ['limited', 'busy', 'unavailable'] as const) replies.push({ reply: { kind }, country: undefined });
  return replies;
}

describe('the replies', () => {
  it(`every template in every language, with the longest real station address of the demo data, fits in ${MAX_REPLY_SEGMENTS} segments as written`, () => {
    expect(placeOf(longest).length).toBeGreaterThan(30);
    const tooLong: string[] = [];
    let measured = 0;
    for (const { reply, country } of everyReply()) {
      for (const locales of languageChoices(country)) {
        const text = fullReply(reply, locales);
        const count = segmentCount(text);
        measured++;
        if (count.segments > MAX_REPLY_SEGMENTS)
          tooLong.push(`${reply.kind} ${country ?? ''} ${locales.join('+')}: ${count.units} ${count.encoding} units\n${text}`);
        // Nothing was shortened to fit.
        expect(replyText(reply, locales)).toBe(text);
      }
    }
    expect(tooLong).toEqual([]);
    expect(measured).toBeGreaterThanOrEqual(140);
  });

  it('«вы получите номер и адрес Вашего избирательного участка»: the station’s number and address, in Kyrgyz and Russian', () => {
    const text = replyText({ kind: 'found', station: { number: '1001', address: 'Бишкек, Чүй проспекти, 20', settlement: 'Бишкек' } }, ['ky', 'ru']);
    expect(text).toBe('Сиздин шайлоо участогуңуз:\nВаш избирательный участок:\n№1001, Бишкек, Чүй проспекти, 20');
  });

  it('names the settlement for Bulgaria, whose lists give the street only', () => {
    const text = replyText({ kind: 'found', station: { number: '244601001', address: 'бул. Витоша 17', settlement: 'София' } }, ['bg']);
    expect(text).toBe('Вашата избирателна секция:\n№244601001, София, бул. Витоша 17');
  });

  it('«позвонив по номеру 1255 или 119; на сайте «tizme.gov.kg»»: a ПИН not found names the channels of the election data', () => {
    const kg = ELECTIONS.find((election) => election.country === 'KG')!;
    expect(notFoundChannels(kg)).toEqual(['1255', '119', 'tizme.gov.kg']);
    expect(replyText({ kind: 'not-found', country: 'KG', channels: notFoundChannels(kg) }, ['ky', 'ru'])).toBe(
      'Бул ПИН биздин маалыматтарда жок. Тизмеден текшерүү:\nЭтого ПИН нет в наших данных. Проверка по списку:\n1255, 119, tizme.gov.kg',
    );
    // Without channels in the data, no dangling label.
    expect(replyText({ kind: 'not-found', country: 'BG', channels: [] }, ['en'])).not.toMatch(/:$/);
  });

  it('says what to send, with the number’s name and length in the reader’s language', () => {
    expect(replyText({ kind: 'what-to-send', country: 'KZ' }, ['kk', 'ru'])).toBe(
      'Учаскеңізді білу үшін 12 саннан тұратын ЖСН (ИИН) жіберіңіз.\nЧтобы узнать свой участок, отправьте ИИН из 12 цифр.',
    );
    expect(replyText({ kind: 'mistyped', country: 'BG' }, ['en'])).toBe('This ЕГН / ЛНЧ seems mistyped. Please send all 10 digits again.');
    expect(replyText({ kind: 'what-to-send' }, ['en'])).toMatch(/ЕГН or ЛНЧ \(10 digits\), ПИН \(14\) or ИИН \(12\)/);
  });

  it('an address far longer than any we know still gives 2 segments: the second language goes, then the end of the address', () => {
    const station = { number: '1001', address: `Бишкек, ${'очень длинная улица '.repeat(10)}1`, settlement: 'Бишкек' };
    const text = replyText({ kind: 'found', station }, ['ky', 'ru']);
    expect(segmentCount(text).segments).toBe(2);
    expect(text).toMatch(/^Сиздин шайлоо участогуңуз:\n№1001, Бишкек, очень длинная улица.*…$/s);
    expect(text).not.toContain('Ваш избирательный участок');
  });
});
