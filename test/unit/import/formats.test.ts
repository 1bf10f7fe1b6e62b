import { describe, expect, it } from 'vitest';
import { rangesFormat, registerFormat, stationsFormat } from '#scripts/import/formats';
import { houseNumber, inRange, placeKey } from '#core/lookup/normalize';

const station = (over: Record<string, string> = {}) => ({
  number: '234601001',
  name: 'Секция 001',
  address: 'бул. Витоша 17',
  settlement: 'София',
  district: 'Средец',
  constituency: '23 МИР',
  lat: '42.69',
  lon: '23.32',
  step_free: 'yes',
  mobile: '',
  ...over,
});

describe('import formats', () => {
  it('parses a station row', () => {
    expect(stationsFormat.parse(station(), { country: 'BG' })).toMatchObject({
      ok: true,
      value: { number: '234601001', settlementKey: 'софия', lat: 42.69, stepFree: true, mobile: false },
    });
  });

  it.each([
    [{ number: '12345' }, 'not a 9-digit section code'],
    [{ lat: '95' }, 'not a latitude'],
    [{ lon: '' }, 'both be given'],
    [{ step_free: 'maybe' }, 'step_free'],
    [{ name: ' ' }, 'name is empty'],
  ])('refuses a station row with %j', (over, reason) => {
    const result = stationsFormat.parse(station(over), { country: 'BG' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('parses ranges and refuses reversed or unknown parity', () => {
    const row = { settlement: 'София', street: 'ул. Граф Игнатиев', from: '1', to: '51', parity: 'odd', station_number: '234601001' };
    expect(rangesFormat.parse(row, { country: 'BG' })).toMatchObject({ ok: true, value: { streetKey: 'граф игнатиев', from: 1, to: 51, parity: 'odd' } });
    expect(rangesFormat.parse({ ...row, from: '60' }, { country: 'BG' })).toMatchObject({ ok: false });
    expect(rangesFormat.parse({ ...row, parity: 'both' }, { country: 'BG' })).toMatchObject({ ok: false });
  });

  it('checks register numbers without putting the number in the reason', () => {
    expect(registerFormat.parse({ id_number: '7501020018', station_number: '1' }, { country: 'BG' })).toMatchObject({ ok: true });
    const bad = registerFormat.parse({ id_number: '7501020019', station_number: '1' }, { country: 'BG' });
    expect(bad).toEqual({ ok: false, reason: 'id_number is not a valid EGN (check-digit)' });
  });
});

describe('address matching', () => {
  it('ignores case, punctuation and street-type words', () => {
    expect(placeKey('бул. Витоша')).toBe('витоша');
    expect(placeKey('Бул Витоша')).toBe('витоша');
    expect(placeKey('ул. „Граф Игнатиев“')).toBe(placeKey('граф игнатиев'));
    expect(placeKey('Абай даңғылы')).toBe('абай');
  });

  it('reads house numbers with letters and fractions and respects parity', () => {
    expect(houseNumber('12А')).toBe(12);
    expect(houseNumber(' 14/2')).toBe(14);
    expect(houseNumber('бл. 5')).toBeUndefined();
    expect(inRange(15, 1, 99, 'odd')).toBe(true);
    expect(inRange(16, 1, 99, 'odd')).toBe(false);
    expect(inRange(100, 2, 100, 'even')).toBe(true);
    expect(inRange(101, 1, 100, 'all')).toBe(false);
  });
});
