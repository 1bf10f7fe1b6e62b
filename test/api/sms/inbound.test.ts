import { env } from 'cloudflare:workers';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { database } from '#db/client';
import { lookupOutcomes, registerEntries, stations } from '#db/schema';
import { flushOutcomes } from '#functions/lookup/outcomes';
import { personalNumberHash } from '#functions/platform/crypto';
import { segmentCount } from '#functions/sms/segments';
import { twilioSignature } from '#functions/sms/twilio';
import { api, countingDatabase, startOfSteadyWindow, tableRowCounts } from '#test/api/helpers';
import { DEMO, freshSender, INBOUND, INBOUND_URL, inboundFields, NOT_REGISTERED, replyOf, seedDemoStations, sms } from './fixtures';

let demo: Awaited<ReturnType<typeof seedDemoStations>>;
beforeAll(async () => {
  demo = await seedDemoStations();
});

const TOKEN = '0123456789abcdef0123456789abcdef';
const PRODUCTION = { ENVIRONMENT: 'production', SMS_AUTH_TOKEN: TOKEN } as const;

async function expectReply(response: Response): Promise<string> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8');
  expect(response.headers.get('cache-control')).toBe('no-store');
  const text = await replyOf(response);
  expect(segmentCount(text).segments, text).toBeLessThanOrEqual(2);
  return text;
}

describe('POST /api/sms/inbound: the gateway’s signature', () => {
  it('a request signed with the auth token is answered in the same HTTP answer, as TwiML', async () => {
    const text = await expectReply(await sms(DEMO.KG.idNumber, { token: TOKEN, bindings: PRODUCTION }));
    expect(text).toContain('№1001');
  });

  it('a missing or wrong signature is 403 `forbidden`, and nothing is looked up or counted', async () => {
    const counting = countingDatabase();
    const fields = inboundFields(DEMO.KG.idNumber);
    const right = await twilioSignature(INBOUND_URL, fields, TOKEN);
    const otherToken = await twilioSignature(INBOUND_URL, fields, 'fedcba9876543210fedcba9876543210');
    const otherUrl = await twilioSignature('https://elsewhere.example/api/sms/inbound', fields, TOKEN);
    await flushOutcomes(database(env.DB));
    const before = await tableRowCounts();
    for (const signature of [undefined, '', 'x', `${right.slice(0, -3)}AA=`, otherToken, otherUrl]) {
      counting.reset();
      const headers = new Headers({ 'content-type': 'application/x-www-form-urlencoded' });
      if (signature !== undefined) headers.set('x-twilio-signature', signature);
      const response = await api(INBOUND, { method: 'POST', headers, body: fields.toString() }, { ...PRODUCTION, DB: counting.db });
      expect(response.status, String(signature)).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('forbidden');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(counting.prepared, 'D1 statements prepared').toBe(0);
    }
    // A field changed after signing (another number slipped in) is refused too.
    const tampered = new URLSearchParams(fields);
    tampered.set('Body', DEMO.BG.idNumber);
    const response = await api(
      INBOUND,
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': right }, body: tampered.toString() },
      PRODUCTION,
    );
    expect(response.status).toBe(403);
    await flushOutcomes(database(env.DB));
    expect(await tableRowCounts()).toEqual(before);
  });

  it('without SMS_AUTH_TOKEN outside local development: 503 `misconfigured`, whatever the signature', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
    try {
      for (const bindings of [{ ENVIRONMENT: 'production' }, { ENVIRONMENT: 'production', SMS_AUTH_TOKEN: '' }]) {
        const response = await sms(DEMO.KG.idNumber, { bindings });
        expect(response.status).toBe(503);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('misconfigured');
      }
    } finally {
      spy.mockRestore();
    }
    expect(lines.join('\n')).toMatch(/configuration: SMS_AUTH_TOKEN is missing/);
  });

  it('takes a form only: JSON is 415 before a byte is read', async () => {
    const response = await api(INBOUND, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(Object.fromEntries(inboundFields(DEMO.KG.idNumber))),
    });
    expect(response.status).toBe(415);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unsupported_media_type');
  });

  it('a signed form that is not the gateway’s (no MessageSid) is 422 with the field named', async () => {
    const response = await sms(DEMO.KG.idNumber, { fields: { MessageSid: 'nope' } });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { code: string; fields: { field: string; code: string }[] } };
    expect(body.error.fields).toEqual([expect.objectContaining({ field: 'MessageSid', code: 'invalid_format' })]);
  });
});

describe('POST /api/sms/inbound: the replies', () => {
  it('«вы получите номер и адрес Вашего избирательного участка»: each country’s demo number gets its station’s number and address', async () => {
    const kg = await expectReply(await sms(DEMO.KG.idNumber));
    expect(kg).toBe(`Сиздин шайлоо участогуңуз:\nВаш избирательный участок:\n№1001, ${demo.get('1001')!.address}`);
    const kz = await expectReply(await sms(`ИИН ${DEMO.KZ.idNumber}`));
    expect(kz).toBe(`Сіздің сайлау учаскеңіз:\nВаш избирательный участок:\n№101, ${demo.get('101')!.address}`);
    const bg = await expectReply(await sms(`ЕГН ${DEMO.BG.idNumber}`));
    expect(bg).toBe(`Вашата избирателна секция:\n№244601001, София, ${demo.get('244601001')!.address}`);
  });

  it('reads the number through spaces, dashes, full-width digits and words, and answers in the sender’s language', async () => {
    expect(await expectReply(await sms('Здравствуйте! Мой ПИН: 212-031-987-01310'))).toBe(`Ваш избирательный участок:\n№1001, ${demo.get('1001')!.address}`);
    expect(await expectReply(await sms('Where do I vote? ３６０３０６５８０４'))).toBe(
      `Your polling station:\n№244601001, София, ${demo.get('244601001')!.address}`,
    );
  });

  it('a valid number that is not registered: "not found", with the official channels of the election data for Kyrgyzstan', async () => {
    expect(await expectReply(await sms(NOT_REGISTERED.KG))).toBe(
      'Бул ПИН биздин маалыматтарда жок. Тизмеден текшерүү:\nЭтого ПИН нет в наших данных. Проверка по списку:\n1255, 119, tizme.gov.kg',
    );
    expect(await expectReply(await sms(`EGN ${NOT_REGISTERED.BG}, please`))).toBe(
      'This number is not in our data for this election. If it is right, check the voter list at your municipality.',
    );
    expect(await expectReply(await sms(NOT_REGISTERED.KZ))).toMatch(/^Бұл ЖСН \(ИИН\) деректерімізде жоқ\..*\nЭтого ИИН нет в наших данных\./);
  });

  it('a mistyped number, or a text without one, says what to send in one short message', async () => {
    expect(await expectReply(await sms('ЕГН 7501020019'))).toBe('Изглежда ЕГН / ЛНЧ е въведен грешно. Изпратете отново всички 10 цифри.');
    expect(await expectReply(await sms('ПИН 2120319870131'))).toBe(
      'ПИН ката терилген окшойт. 14 санды кайра жөнөтүңүз.\nПохоже, ПИН набран с ошибкой. Отправьте все 14 цифр ещё раз.',
    );
    // No number: the sender's country code tells which number to ask for.
    expect(await expectReply(await sms('', { from: '+77011234567' }))).toBe(
      'Учаскеңізді білу үшін 12 саннан тұратын ЖСН (ИИН) жіберіңіз.\nЧтобы узнать свой участок, отправьте ИИН из 12 цифр.',
    );
    expect(await expectReply(await sms('hello', { from: '+15005550006' }))).toBe(
      'To find your polling station, send your personal number: ЕГН or ЛНЧ (10 digits), ПИН (14) or ИИН (12).',
    );
    for (const text of [await expectReply(await sms('', { from: '+15005550006' })), await expectReply(await sms('?', { from: '+15005550006' }))]) {
      expect(segmentCount(text).segments).toBe(2);
    }
  });

  it('the answer to a mobile-section voter’s number says nothing about it: the same reply as any station', async () => {
    // The importer refuses register rows that point at a mobile section; written straight into D1 here.
    const db = database(env.DB);
    const [mobile] = await db
      .select()
      .from(stations)
      .where(and(eq(stations.mobile, true), eq(stations.district, 'район Младост')));
    expect(mobile?.number).toBe('234615900');
    const idNumber = '8912315676';
    await db
      .insert(registerEntries)
      .values({ electionId: 'bg-2024-06-09', idHash: await personalNumberHash(env.LOOKUP_KEY, 'BG', idNumber), stationId: mobile!.id });
    for (const locales of ['', 'where is my station ', 'Где мой участок ']) {
      const text = await expectReply(await sms(`${locales}${idNumber}`));
      expect(text).toMatch(/^(Вашата избирателна секция|Your polling station|Ваш избирательный участок):\n№234615900, София, Районна администрация Младост$/);
      expect(text).not.toMatch(/подвиж|передвиж|mobile|көчмө|жылжымалы|кутия|урн|box/i);
    }
  });

  it('when the database cannot answer: "try again later", and the log names the kind of failure only', async () => {
    const lines: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' '))),
    );
    try {
      const text = await expectReply(await sms(`ПИН ${DEMO.KG.idNumber}`, { from: '+996555000111', bindings: { DB: env.EMPTY_DB } }));
      expect(text).toBe('Кызмат азыр жооп бере албайт. Кийинчерээк кайра жазыңыз.\nСервис сейчас не может ответить. Напишите позже.');
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(lines.join('\n')).toMatch(/sms inbound: the lookup could not answer/);
    expect(lines.join('\n')).not.toMatch(/21203198701310|555000111|ПИН/);
  });
});

describe('POST /api/sms/inbound: limits', () => {
  it('per sender: 5 messages a minute, the sixth gets "too many messages"; another sender is still answered', async () => {
    await startOfSteadyWindow();
    const from = freshSender();
    const texts: string[] = [];
    for (let i = 0; i < 6; i++) texts.push(await expectReply(await sms(DEMO.KG.idNumber, { from })));
    expect(texts.slice(0, 5).every((text) => text.includes('№1001'))).toBe(true);
    expect(texts[5]).toBe('Билдирүүлөр өтө көп. Бир мүнөттөн кийин кайра жазыңыз.\nСлишком много сообщений. Напишите снова через минуту.');
    // Every message counts, with a number or without.
    const wordy = freshSender();
    for (let i = 0; i < 5; i++) await sms('hello', { from: wordy });
    expect(await expectReply(await sms(DEMO.BG.idNumber, { from: wordy }))).toBe('Твърде много съобщения. Пишете отново след минута.');
    expect(await expectReply(await sms(DEMO.KG.idNumber))).toContain('№1001');
  });

  it('for everyone together: over the ceiling every sender gets "try again in a few minutes"', async () => {
    await startOfSteadyWindow();
    const ceiling = { RATE_LIMIT_MODE: 'memory', SMS_GLOBAL_RATE_LIMIT: '3' };
    const texts: string[] = [];
    for (let i = 0; i < 4; i++) texts.push(await expectReply(await sms(`My EGN is ${DEMO.BG.idNumber}`, { bindings: ceiling })));
    expect(texts.slice(0, 3).every((text) => text.startsWith('Your polling station:'))).toBe(true);
    expect(texts[3]).toBe('Very many people are writing right now. Please try again in a few minutes.');
  });
});

describe('POST /api/sms/inbound: privacy', () => {
  it('counts outcomes in lookup_outcomes with the channel `sms`, next to the web’s, with nothing about the person', async () => {
    const db = database(env.DB);
    await flushOutcomes(db);
    await db.delete(lookupOutcomes);
    await sms(DEMO.BG.idNumber);
    await sms(NOT_REGISTERED.BG);
    await sms('7501020019');
    await sms('nothing to see');
    await api('/api/lookup', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': '10.70.0.1' },
      body: JSON.stringify({ country: 'BG', idNumber: DEMO.BG.idNumber }),
    });
    await flushOutcomes(db);
    const rows = await db.select().from(lookupOutcomes);
    const counted = Object.fromEntries(rows.map((row) => [`${row.channel} ${row.outcome}`, row.count]));
    expect(counted).toEqual({ 'sms found': 1, 'sms not_found': 1, 'sms invalid': 2, 'web found': 1 });
  });

  it('neither the phone number nor the text is in any table or any log line', async () => {
    const from = '+996555987654';
    const body = 'Саламатсызбы, менин ПИН 21203198701310 кызгылт';
    const lines: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' '))),
    );
    try {
      await expectReply(await sms(body, { from }));
      await expectReply(await sms('кызгылт 2120319870131', { from }));
      await expectReply(await sms(body, { from, bindings: { DB: env.EMPTY_DB } }));
      await flushOutcomes(database(env.DB));
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const secrets = /555987654|21203198701310|2120319870131|кызгылт|Саламатсызбы/;
    expect(lines.join('\n')).not.toMatch(secrets);
    const tables = await env.DB.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations'",
    ).all<{ name: string }>();
    for (const { name } of tables.results) {
      const rows = await env.DB.prepare(`SELECT * FROM "${name}"`).all();
      expect(JSON.stringify(rows.results), name).not.toMatch(secrets);
    }
  });
});
