import { describe, expect, it } from 'vitest';
import { checkPersonalNumber } from '#core/lookup/personal-numbers';
import { readNumber } from '#functions/sms/message';
import { prng, syntheticEgn, syntheticIin, syntheticPin } from '#scripts/seed/synthetic-ids';

// The README's demo numbers, one per country, and an ЛНЧ of an EU citizen.
const EGN = '3603065804';
const LNCH = '1234567893';
const PIN = '21203198701310';
const IIN = '821216365528';

const fullWidth = (digits: string) => [...digits].map((digit) => String.fromCharCode(0xff10 + Number(digit))).join('');
const arabicIndic = (digits: string) => [...digits].map((digit) => String.fromCharCode(0x0660 + Number(digit))).join('');

describe('reading the personal number out of a text message', () => {
  it('«отправив СМС на номер 119 с указанием своего ПИН»: a ПИН alone, in groups, with dashes, full-width or after a word', () => {
    for (const text of [
      PIN,
      `ПИН ${PIN}`,
      `ПИН:${PIN}`,
      'ПИН 212 031 98701310',
      '2-120319-87-01310',
      `пин ${fullWidth(PIN)}`,
      `Саламатсызбы! Менин ПИНим ${PIN}. Рахмат`,
      `  ${PIN}\n`,
      `PIN: ${PIN.slice(0, 7)} ${PIN.slice(7)}`,
      arabicIndic(PIN),
    ]) {
      expect(readNumber(text), text).toEqual({ kind: 'number', country: 'KG', digits: PIN });
    }
  });

  it('tells ЕГН and ЛНЧ (10 digits), ИИН (12) and ПИН (14) apart by length and checks, as the web lookup does', () => {
    const cases = [
      [`ЕГН ${EGN}`, 'BG', EGN],
      [`ЕГН${EGN}`, 'BG', EGN],
      ['my EGN is 3603-065-804', 'BG', EGN],
      [`ЛНЧ ${LNCH}`, 'BG', LNCH],
      [`ИИН ${IIN}`, 'KZ', IIN],
      [`ЖСН: ${IIN.slice(0, 6)} ${IIN.slice(6)}`, 'KZ', IIN],
      [`Сәлеметсіз бе, ${fullWidth(IIN)}`, 'KZ', IIN],
      [`${PIN}`, 'KG', PIN],
    ] as const;
    for (const [text, country, digits] of cases) expect(readNumber(text), text).toEqual({ kind: 'number', country, digits });
  });

  it('reads every synthetic number of each country with noise around it', () => {
    const random = prng(27);
    for (let i = 0; i < 200; i++) {
      for (const [country, make] of [
        ['BG', syntheticEgn],
        ['KG', syntheticPin],
        ['KZ', syntheticIin],
      ] as const) {
        const digits = make(random);
        expect(checkPersonalNumber(country, digits).ok).toBe(true);
        const spaced = digits.replace(/(\d{3})(?=\d)/g, '$1 ');
        expect(readNumber(`номер: ${spaced}, благодаря`), spaced).toEqual({ kind: 'number', country, digits });
      }
    }
  });

  it('keeps two numbers sent side by side apart, and takes the one that passes its checks', () => {
    expect(readNumber(`${EGN} 0888123456`)).toEqual({ kind: 'number', country: 'BG', digits: EGN });
    expect(readNumber(`тел. 0888 123 456, ЕГН ${EGN}`)).toEqual({ kind: 'number', country: 'BG', digits: EGN });
  });

  it('a mistyped number says which country it looks like and which rule it breaks', () => {
    expect(readNumber('7501020019')).toEqual({ kind: 'mistyped', country: 'BG', problem: 'check-digit' });
    expect(readNumber('ИИН 900101300018')).toEqual({ kind: 'mistyped', country: 'KZ', problem: 'check-digit' });
    expect(readNumber('ПИН 31503198512345')).toEqual({ kind: 'mistyped', country: 'KG', problem: 'sex-digit' });
    expect(readNumber('ПИН 21513198512345')).toEqual({ kind: 'mistyped', country: 'KG', problem: 'date' });
    // A digit too few or too many: no country has that length.
    expect(readNumber(`ПИН ${PIN.slice(0, 13)}`)).toEqual({ kind: 'mistyped', problem: 'length' });
    expect(readNumber(`${EGN}1`)).toEqual({ kind: 'mistyped', problem: 'length' });
  });

  it('a text without a personal number holds none: words, a short number, a date', () => {
    for (const text of ['', '   ', 'Где мой участок?', 'ПИН', 'секция 1001', '119', 'на 9 юни 2024', '🗳️', '\u0000\u202e']) {
      expect(readNumber(text), JSON.stringify(text)).toEqual({ kind: 'none' });
    }
  });
});
