import { beforeAll, describe, expect, it, vi } from 'vitest';
import { api, countingDatabase, startOfSteadyWindow } from '#test/api/helpers';
import { IDS, postJson, seedFixtures } from '#test/api/fixtures';

interface ErrorJson {
  error: { code: string; message: string; field?: string; problem?: string; help?: { label: string; href: string }[] };
}

let ids: Awaited<ReturnType<typeof seedFixtures>>;
beforeAll(async () => {
  ids = await seedFixtures();
});

describe('POST /api/lookup', () => {
  it('200: finds the station of a registered ЕГН with hours from the election data', async () => {
    const response = await api('/api/lookup', postJson({ country: 'BG', idNumber: IDS.bgRegistered }, '10.0.0.1'));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { station: Record<string, unknown> };
    expect(body.station).toMatchObject({
      id: ids.sofia2,
      country: 'BG',
      electionId: 'bg-2024-06-09',
      number: '231502002',
      address: 'бул. Витоша 24',
      stepFree: false,
      hours: { opens: '07:00', closes: '20:00' },
      timeZone: 'Europe/Sofia',
    });
  });

  it('200: accepts an ЛНЧ, spaces in the number, a ПИН and an ИИН', async () => {
    const cases = [
      [{ country: 'BG', idNumber: IDS.bgLnchRegistered }, '231502001'],
      [{ country: 'BG', idNumber: `${IDS.bgRegistered.slice(0, 4)} ${IDS.bgRegistered.slice(4)}` }, '231502002'],
      [{ country: 'KG', idNumber: IDS.kgRegistered }, '1001'],
      [{ country: 'KZ', idNumber: IDS.kzRegistered, election: 'kz-2026-referendum' }, '101'],
    ] as const;
    for (const [body, number] of cases) {
      const response = await api('/api/lookup', postJson(body, '10.0.0.2'));
      expect(response.status, JSON.stringify(body.country)).toBe(200);
      expect(((await response.json()) as { station: { number: string } }).station.number).toBe(number);
    }
  });

  it('422: a wrong number says what is wrong, in the reader’s language, never "not found"', async () => {
    const cases = [
      ['BG', '750102001', 'length', 'en', 'A ЕГН / ЛНЧ has 10 digits. Check that no digit is missing or extra.'],
      ['BG', '7501020019', 'check-digit', 'en', 'The last digit of this ЕГН / ЛНЧ does not match the others: a digit is probably mistyped.'],
      ['BG', '7513020018', 'date', 'bg', 'Датата на раждане в това ЕГН / ЛНЧ не е истинска дата. Проверете първите цифри.'],
      ['KZ', '900101300018', 'check-digit', 'kk', 'Бұл ЖСН (ИИН) соңғы саны қалғандарымен сәйкес келмейді: бір сан қате терілген сияқты.'],
      ['KZ', '900101700017', 'century-digit', 'ru', 'Седьмая цифра ИИН — от 1 до 6. Проверьте её.'],
      ['KG', '31503198512345', 'sex-digit', 'ky', 'ПИН 1 же 2 менен башталат. Биринчи санды текшериңиз.'],
      ['KG', '21513198512345', 'date', 'en', 'The date of birth inside this ПИН is not a real date. Check the first digits.'],
      ['KG', '2150319851234a', 'not-digits', 'en', 'Your ПИН has digits only. Remove letters and other signs.'],
    ] as const;
    for (const [country, idNumber, problem, lang, message] of cases) {
      const response = await api('/api/lookup', postJson({ country, idNumber, lang }, `10.0.1.${problem.length}${lang.length}`));
      expect(response.status, `${country} ${problem}`).toBe(422);
      expect(await response.json()).toEqual({ error: { code: 'invalid_id', field: 'idNumber', problem, message } });
    }
  });

  it('404: a valid number that is not registered gets next steps from the source documents', async () => {
    const response = await api('/api/lookup', postJson({ country: 'BG', idNumber: IDS.bgNotRegistered }, '10.0.0.4', { 'accept-language': 'ru-RU' }));
    expect(response.status).toBe(404);
    const body = (await response.json()) as ErrorJson;
    expect(body.error.code).toBe('not_found');
    expect(body.error.message).toMatch(/^Для этого номера в наших данных нет избирательной секции/);
    expect(body.error.help).toEqual([{ label: 'Читать руководство', href: '/ru/guides/bulgaria-2024-elections/' }]);

    const kg = (await (await api('/api/lookup', postJson({ country: 'KG', idNumber: '11501199000001', lang: 'ky' }, '10.0.0.4'))).json()) as ErrorJson;
    expect(kg.error.help?.map((h) => h.href)).toEqual([
      'tel:1255',
      'tel:119',
      'sms:119?body=PIN',
      'https://tizme.gov.kg/',
      '/ky/guides/kyrgyzstan-2024-voter-list/',
    ]);
  });

  it('422: an empty body lists both required fields at once, with stable codes', async () => {
    const response = await api('/api/lookup', postJson({}, '10.0.0.5'));
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: {
        code: 'validation',
        message: 'Some answers need to be corrected.',
        fields: [
          { field: 'country', code: 'required', message: 'Fill in “Country”.' },
          { field: 'idNumber', code: 'required', message: 'Fill in “Personal number”.' },
        ],
      },
    });
  });

  it('422: every wrong field at once, worded in the body’s language', async () => {
    const response = await api('/api/lookup', postJson({ country: 'XX', idNumber: 'x'.repeat(41), lang: 'ru' }, '10.0.0.5'));
    expect(await response.json()).toEqual({
      error: {
        code: 'validation',
        message: 'Некоторые ответы нужно исправить.',
        fields: [
          { field: 'country', code: 'invalid_choice', message: 'Выберите один из вариантов в поле «Страна».' },
          { field: 'idNumber', code: 'too_long', message: 'В поле «Персональный номер» может быть не больше 40 знаков.' },
        ],
      },
    });
  });

  it('422: an election of another country is refused on the election field', async () => {
    const response = await api('/api/lookup', postJson({ country: 'BG', idNumber: IDS.bgRegistered, election: 'kz-2026-referendum', lang: 'bg' }, '10.0.0.5'));
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: {
        code: 'validation',
        message: 'Някои отговори трябва да бъдат поправени.',
        fields: [{ field: 'election', code: 'invalid_choice', message: 'Изберете една от възможностите за „Избори“.' }],
      },
    });
  });

  it('400: malformed JSON gets the JSON envelope', async () => {
    const response = await api('/api/lookup', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': '10.0.0.6' },
      body: '{"country":',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorJson).error.code).toBe('bad_request');
  });

  it('counts malformed and invalid requests against the limit too (counted before parsing)', async () => {
    await startOfSteadyWindow();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const body = i % 2 === 0 ? '{"country":' : JSON.stringify({ country: 'BG' });
      statuses.push(
        (await api('/api/lookup', { method: 'POST', headers: { 'content-type': 'application/json', 'cf-connecting-ip': '10.0.0.66' }, body })).status,
      );
    }
    expect(statuses.slice(0, 10)).toEqual([400, 422, 400, 422, 400, 422, 400, 422, 400, 422]);
    expect(statuses[10]).toBe(429);
  });

  it('counts the limit before the body is read: past the limit, a request is refused without its body being read, in the header’s language', async () => {
    await startOfSteadyWindow();
    const client = '10.0.0.67';
    for (let i = 0; i < 10; i++) expect((await api('/api/lookup', postJson({ country: 'BG', idNumber: IDS.bgNotRegistered }, client))).status).toBe(404);
    const text = new TextEncoder().encode(JSON.stringify({ country: 'BG', idNumber: IDS.bgRegistered, lang: 'ru' }));
    let read = false;
    // highWaterMark 0: nothing is pulled until someone reads the body.
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          read = true;
          controller.enqueue(text);
          controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    const response = await api('/api/lookup', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(text.length), 'cf-connecting-ip': client, 'accept-language': 'bg' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(429);
    expect(read).toBe(false);
    const refused = (await response.json()) as ErrorJson;
    expect(refused.error.code).toBe('rate_limited');
    expect(refused.error.message).toMatch(/[а-я]/);
  });

  it('429 with Retry-After once a client passes 10 lookups a minute; other clients are unaffected', async () => {
    await startOfSteadyWindow();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const response = await api('/api/lookup', postJson({ country: 'BG', idNumber: IDS.bgNotRegistered }, '10.9.9.9'));
      statuses.push(response.status);
      if (response.status === 429) {
        expect(response.headers.get('retry-after')).toBe('60');
        expect(((await response.json()) as ErrorJson).error.code).toBe('rate_limited');
      }
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404));
    expect(statuses.slice(10)).toEqual([429, 429]);
    const other = await api('/api/lookup', postJson({ country: 'BG', idNumber: IDS.bgRegistered }, '10.9.9.10'));
    expect(other.status).toBe(200);
  });

  it('never puts the personal number in a response header or a log line', async () => {
    const lines: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' '))),
    );
    try {
      const bodies = [
        { country: 'BG', idNumber: IDS.bgRegistered },
        { country: 'BG', idNumber: IDS.bgNotRegistered },
        { country: 'BG', idNumber: '7501020019' },
        { country: 'KZ', idNumber: IDS.kzRegistered },
      ];
      for (const body of bodies) {
        const response = await api('/api/lookup', postJson(body, '10.0.0.7'));
        const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
        expect(headers).not.toContain(body.idNumber);
        expect(await response.text()).not.toContain(body.idNumber);
      }
      expect(lines.join('\n')).not.toMatch(new RegExp(Object.values(IDS).join('|')));
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('does not accept the number in the URL: GET is 405 and the answer holds no station', async () => {
    const response = await api(`/api/lookup?country=BG&idNumber=${IDS.bgRegistered}`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('OPTIONS, POST');
    expect(((await response.json()) as ErrorJson).error.code).toBe('method_not_allowed');
  });
});

describe('cost of a lookup', () => {
  it('is one D1 query, found or not', async () => {
    const counter = countingDatabase();
    const counting = counter.db;
    // The key check (at most once a minute per isolate) and the outcome counts (at most every
    // 30 s) are not per lookup: one warm-up lookup pays for them, then each lookup is one query.
    await api('/api/lookup', postJson({ country: 'BG', idNumber: IDS.bgRegistered }, '10.0.0.18'), { DB: counting });
    const sequences: number[] = [];
    for (const [idNumber, status] of [
      [IDS.bgRegistered, 200],
      [IDS.bgNotRegistered, 404],
    ] as const) {
      counter.reset();
      const response = await api('/api/lookup', postJson({ country: 'BG', idNumber }, '10.0.0.8'), { DB: counting });
      expect(response.status).toBe(status);
      sequences.push(counter.prepared);
    }
    expect(sequences).toEqual([1, 1]);
  });
});

describe('the in-memory limiter used under wrangler dev', () => {
  it('also answers 429 after 10 lookups a minute', async () => {
    await startOfSteadyWindow();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const response = await api('/api/lookup', postJson({ country: 'BG', idNumber: IDS.bgNotRegistered }, '10.8.8.8'), { RATE_LIMIT_MODE: 'memory' });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([...Array(10).fill(404), 429]);
  });
});
