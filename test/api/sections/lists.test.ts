import { env } from 'cloudflare:workers';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ErrorJson } from '#test/api/mobile-box/fixtures';
import { accept, apply, as, routeOf, sectionOf, staffAccounts, textWithBom, type Applicant, type SectionJson } from './fixtures';

let vitosha: SectionJson;
let first: Applicant, second: Applicant, third: Applicant;
const BOM = '\uFEFF';

beforeAll(async () => {
  await staffAccounts();
  vitosha = await sectionOf('vitosha');
  // Registered in this order; by address (Bulgarian alphabetical order) the route visits „Бели брези“, „Витошки извор“, „Симеоновско шосе“.
  first = await apply({
    fullName: 'Елена Стоянова Пенева',
    phone: '+359 888 111 222',
    address: { district: 'vitosha', street: 'ул. Симеоновско шосе', number: '10' },
  });
  second = await apply({
    ballots: ['ep'],
    fullName: '=HYPERLINK("http://x")',
    phone: '0887 000 111',
    address: { district: 'vitosha', street: 'ул. Бели брези', number: '3', block: '2', entrance: 'Б', floor: '4', apartment: '12' },
  });
  third = await apply({
    ballots: ['ns'],
    fullName: 'Петър Илиев',
    phone: '0888 999 000',
    address: { district: 'vitosha', street: 'ул. Витошки извор', number: '7' },
    submittedBy: 'representative',
    representative: { fullName: 'Иван Илиев', idNumber: '7501020018', phone: '0899 555 444', powerOfAttorney: true },
  });
  for (const applicant of [first, second, third]) await accept('city', applicant);
  const response = await as('city', `/sections/${vitosha.id}/stops`, { json: { requestIds: [...first.ids, ...second.ids, ...third.ids] } });
  if (response.status !== 200) throw new Error(`register: ${response.status} ${await response.text()}`);
  // The district hands the addresses over to the police, who then prepare the route.
  const handover = await as('vitosha', `/sections/${vitosha.id}/handover`, { json: {} });
  if (handover.status !== 200) throw new Error(`handover: ${handover.status}`);
});

describe('route lists', () => {
  it('the district’s CSV, exactly: BOM, CRLF, stops by address, both forms on one stop, formulas neutralised', async () => {
    const response = await as('city', `/sections/${vitosha.id}/route.csv`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="route-23-vitosha.csv"');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const lines = [
      '"№","Номер на заявление","Заявления по образец","Име, презиме, фамилия","Адрес","Район","Телефон","Бележки"',
      `"1","${second.references[0]}","30-ЕП","'=HYPERLINK(""http://x"")","ул. Бели брези № 3, бл. 2, вх. Б, ет. 4, ап. 12","Витоша","0887 000 111",""`,
      `"2","${third.references[0]}","31-НС","Петър Илиев","ул. Витошки извор № 7","Витоша","0888 999 000","упълномощено лице: Иван Илиев, 0899 555 444"`,
      `"3","${first.references.join('; ')}","30-ЕП; 31-НС","Елена Стоянова Пенева","ул. Симеоновско шосе № 10","Витоша","'+359 888 111 222",""`,
    ];
    expect(await textWithBom(response)).toBe(`${BOM + lines.join('\r\n')}\r\n`);
  });

  it('the police CSV, exactly: order, address, district and section only', async () => {
    const text = await textWithBom(await as('police', `/sections/${vitosha.id}/route.csv`));
    expect(text).toBe(
      BOM +
        [
          '"№","Адрес","Район","Подвижна секция"',
          '"1","ул. Бели брези № 3, бл. 2, вх. Б, ет. 4, ап. 12","Витоша","Витоша (МИР 23)"',
          '"2","ул. Витошки извор № 7","Витоша","Витоша (МИР 23)"',
          '"3","ул. Симеоновско шосе № 10","Витоша","Витоша (МИР 23)"',
        ].join('\r\n') +
        '\r\n',
    );
    const route = JSON.stringify(await routeOf('police', vitosha.id));
    for (const secret of ['Елена', '+359', first.references[0]!, first.idNumber]) expect(route).not.toContain(secret);
  });

  it('no list holds a personal number', async () => {
    const csv = await (await as('city', `/sections/${vitosha.id}/route.csv`)).text();
    for (const number of [first.idNumber, second.idNumber, third.idNumber, '7501020018']) expect(csv).not.toContain(number);
  });
});

describe('order', () => {
  it('seed 004, line 137 ("Директорът на СДВР ще изготви специализирани маршрути"): the police move a stop and their order is kept; a stop the district adds joins at the end; the suggested order comes back on request', async () => {
    const stops = await routeOf('police', vitosha.id);
    const reversed = stops.map((stop) => stop.id).reverse();
    const wrong = await as('police', `/sections/${vitosha.id}/order`, { method: 'PUT', json: { stopIds: reversed.slice(1) } });
    expect(wrong.status).toBe(422);
    expect(((await wrong.json()) as ErrorJson).error.fields?.[0]?.field).toBe('stopIds');
    expect((await as('police', `/sections/${vitosha.id}/order`, { method: 'PUT', json: { stopIds: reversed } })).status).toBe(200);
    // The district sees the police's order, and cannot change it.
    expect((await routeOf('vitosha', vitosha.id)).map((stop) => stop.id)).toEqual(reversed);
    expect((await as('vitosha', `/sections/${vitosha.id}/order`, { method: 'PUT', json: { automatic: true } })).status).toBe(404);
    // The police's own changes do not ask the district to hand the list over again.
    expect((await sectionOf('vitosha')).changedAfterHandover).toBe(false);
    const fourth = await apply({ ballots: ['ep'], address: { district: 'vitosha', street: 'ул. Алеко', number: '1' } });
    await accept('vitosha', fourth);
    await as('vitosha', `/sections/${vitosha.id}/stops`, { json: { requestIds: fourth.ids } });
    const kept = await routeOf('police', vitosha.id);
    expect(kept.slice(0, 3).map((stop) => stop.id)).toEqual(reversed);
    expect(kept[3]!.address.street).toBe('ул. Алеко');
    expect((await as('police', `/sections/${vitosha.id}/order`, { method: 'PUT', json: { automatic: true } })).status).toBe(200);
    expect((await routeOf('vitosha', vitosha.id)).map((stop) => stop.address.street)).toEqual([
      'ул. Алеко',
      'ул. Бели брези',
      'ул. Витошки извор',
      'ул. Симеоновско шосе',
    ]);
    await as('vitosha', `/sections/${vitosha.id}/stops/${(await routeOf('vitosha', vitosha.id))[0]!.id}`, { method: 'DELETE' });
  });
});

describe('coordinates and map files', () => {
  it('without coordinates there is no map file', async () => {
    const response = await as('city', `/sections/${vitosha.id}/route.geojson`);
    expect(response.status).toBe(409);
    expect(((await response.json()) as ErrorJson).error.code).toBe('no_coordinates');
  });

  it('with coordinates: the route is ordered by distance, GeoJSON and GPX follow it, the coordinates are sealed at rest', async () => {
    expect(
      (
        await as('city', `/sections/${vitosha.id}`, {
          method: 'PATCH',
          json: { number: '234600114', baseAddress: 'бул. Черни връх 1', location: { lat: 42.64, lon: 23.3 } },
        })
      ).status,
    ).toBe(200);
    const stops = await routeOf('city', vitosha.id);
    // Three corners of a square whose fourth corner is the base: the shortest loop goes round it.
    const places: Record<string, [number, number]> = {
      'ул. Симеоновско шосе': [42.65, 23.3],
      'ул. Витошки извор': [42.65, 23.32],
      'ул. Бели брези': [42.64, 23.32],
    };
    for (const stop of stops) {
      const [lat, lon] = places[stop.address.street]!;
      // The police set the coordinates; the district and the city do not.
      expect((await as('city', `/sections/${vitosha.id}/stops/${stop.id}/location`, { method: 'PUT', json: { location: { lat, lon } } })).status).toBe(404);
      expect((await as('police', `/sections/${vitosha.id}/stops/${stop.id}/location`, { method: 'PUT', json: { location: { lat, lon } } })).status).toBe(200);
    }
    // Round the square from the base, one way or the other.
    const north = ['ул. Симеоновско шосе', 'ул. Витошки извор', 'ул. Бели брези'];
    expect([north, [...north].reverse()]).toContainEqual((await routeOf('city', vitosha.id)).map((stop) => stop.address.street));
    const geo = (await (await as('police', `/sections/${vitosha.id}/route.geojson`)).json()) as {
      features: { geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }[];
    };
    expect(geo.features.map((feature) => feature.properties.order ?? feature.properties.kind)).toEqual(['base', 1, 2, 3, 'route']);
    expect(JSON.stringify(geo)).not.toContain('Елена');
    const gpx = await (await as('police', `/sections/${vitosha.id}/route.gpx`)).text();
    expect(gpx).toContain('<rte><name>234600114</name>');
    expect(gpx.match(/<rtept /g)).toHaveLength(5);
    const sealed = await env.DB.prepare('SELECT location_sealed FROM route_stops').all<{ location_sealed: string }>();
    expect(JSON.stringify(sealed.results)).not.toMatch(/42\.6|23\.3/);
    expect(sealed.results.filter((row) => row.location_sealed)).toHaveLength(3);
    // The applicant's status page now names the section by its number.
    const row = await env.DB.prepare('SELECT DISTINCT section FROM mobile_box_requests WHERE stop_id IS NOT NULL').all<{ section: string }>();
    expect(row.results.map((r) => r.section)).toEqual(['234600114']);
  });
});

describe('hand-over to the police', () => {
  it('records time and user; a later change flags the list and the audit log', async () => {
    const sent = await as('vitosha', `/sections/${vitosha.id}/handover`, { json: {} });
    expect(sent.status).toBe(200);
    let section = await sectionOf('vitosha');
    expect(section).toMatchObject({ handedOverBy: 'vitosha@example.org', changedAfterHandover: false });
    expect(section.handedOverAt).toBe('2024-05-20T07:00:00.000Z');
    const stop = (await routeOf('vitosha', vitosha.id))[0]!;
    await as('vitosha', `/sections/${vitosha.id}/stops/${stop.id}`, { method: 'DELETE' });
    section = await sectionOf('vitosha');
    expect(section.changedAfterHandover).toBe(true);
    const audit = (await (await as('city', '/audit?from=2024-05-01&to=2024-06-30')).json()) as {
      entries: { action: string; user: string; records: { afterHandover?: boolean } }[];
    };
    expect(audit.entries.find((entry) => entry.action === 'section.unregister' && entry.records.afterHandover)).toBeDefined();
    await as('vitosha', `/sections/${vitosha.id}/handover`, { json: {} });
    expect((await sectionOf('vitosha')).changedAfterHandover).toBe(false);
  });
});

describe('all police lists in one zip', () => {
  it('has the police CSV of every section handed over to them, and nothing but where to go; the city’s has every section', async () => {
    const mladost = await sectionOf('mladost');
    const neighbour = await apply({
      ballots: ['ep'],
      fullName: 'Мария Колева',
      phone: '0888 123 456',
      address: { district: 'mladost', street: 'ж.к. Младост 1', number: '5' },
    });
    await accept('city', neighbour);
    expect((await as('city', `/sections/${mladost.id}/stops`, { json: { requestIds: neighbour.ids } })).status).toBe(200);
    // Not handed over yet: the police have nothing of it.
    expect((await as('police', `/sections/${mladost.id}/route.csv`)).status).toBe(409);
    expect((await as('city', `/sections/${mladost.id}/handover`, { json: {} })).status).toBe(200);
    const response = await as('police', '/routes.zip');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files)).toHaveLength(2);
    expect(Object.keys(unzipSync(new Uint8Array(await (await as('city', '/routes.zip')).arrayBuffer())))).toHaveLength(14);
    // Read in one batch for every section, each file is still exactly that section's police list.
    const { sections } = (await (await as('city', '/sections')).json()) as { sections: SectionJson[] };
    for (const section of sections.filter((candidate) => candidate.handedOverAt)) {
      const single = await as('police', `/sections/${section.id}/route.csv`);
      const name = /filename="([^"]+)"/.exec(single.headers.get('content-disposition') ?? '')?.[1];
      const inZip = new TextDecoder('utf-8', { ignoreBOM: true }).decode(files[name!]!);
      expect(inZip).toBe(await textWithBom(single));
      if (section.id === mladost.id) expect(inZip).toContain('"1","ж.к. Младост 1 № 5","Младост",');
    }
    const vitoshaList = new TextDecoder('utf-8', { ignoreBOM: true }).decode(files['route-234600114-police.csv']!);
    expect(vitoshaList.split('\r\n')[0]).toBe(`${BOM}"№","Адрес","Район","Подвижна секция"`);
    for (const secret of ['Петър', '0888', third.references[0]!]) expect(vitoshaList).not.toContain(secret);
    expect((await as('vitosha', '/routes.zip')).status).toBe(404);
  });
});

describe('the audit log', () => {
  it('holds reads, changes and downloads with who and which records, and only the city reads it', async () => {
    const { entries } = (await (await as('city', '/audit?from=2024-05-20&to=2024-05-20')).json()) as {
      entries: { action: string; user: string; records: Record<string, unknown> }[];
    };
    const actions = new Set(entries.map((entry) => entry.action));
    for (const action of [
      'section.register',
      'section.reorder',
      'section.update',
      'stop.locate',
      'section.handover',
      'route.read',
      'route.download',
      'request.decide',
    ])
      expect(actions).toContain(action);
    const download = entries.find((entry) => entry.action === 'route.download' && entry.user === 'police@example.org')!;
    expect(download.records).toMatchObject({ sections: [String(vitosha.id)] });
    expect(JSON.stringify(entries)).not.toMatch(/Елена|Петър|\d{10}/);
    for (const who of ['vitosha', 'police'] as const) expect((await as(who, '/audit')).status).toBe(404);
    expect((await as('anonymous', '/audit')).status).toBe(401);
    const bad = await as('city', '/audit?from=yesterday');
    expect(bad.status).toBe(422);
  });
});

describe('the route list as an Excel workbook, and `;` and `=` in names and streets', () => {
  /** The cells of the workbook's one sheet, row by row, as Excel reads them; and whether any cell is a formula or a number. */
  function readXlsx(bytes: Uint8Array) {
    const files = unzipSync(bytes);
    const text = (name: string) => new TextDecoder().decode(files[name]!);
    const xmlText = (value: string) =>
      value
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
    const shared = [...text('xl/sharedStrings.xml').matchAll(/<si>(.*?)<\/si>/gs)].map((match) =>
      xmlText([...match[1]!.matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join('')),
    );
    const sheet = text('xl/worksheets/sheet1.xml');
    const cells = [...sheet.matchAll(/<c ([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)];
    const rows = [...sheet.matchAll(/<row [^>]*>(.*?)<\/row>/gs)].map((row) =>
      [...row[1]!.matchAll(/<c [^>]*?t="s"[^>]*>\s*<v>(\d+)<\/v>\s*<\/c>/gs)].map((cell) => shared[Number(cell[1])]!),
    );
    return { rows, formulas: sheet.includes('<f'), notText: cells.filter((cell) => !/t="s"/.test(cell[1]!)).length };
  }

  it('the workbook has the CSV’s rows, every cell a text cell (no formula, no number), names and streets exactly as typed', async () => {
    const tricky = await apply({
      ballots: ['ep'],
      fullName: 'Иван;=HYPERLINK("http://x")',
      phone: '+359 887 000 222',
      address: { district: 'vitosha', street: 'ул. Шипка;=1+1', number: '5' },
    });
    await accept('city', tricky);
    expect((await as('city', `/sections/${vitosha.id}/stops`, { json: { requestIds: tricky.ids } })).status).toBe(200);

    const response = await as('city', `/sections/${vitosha.id}/route.xlsx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="route-[\w-]+\.xlsx"$/);
    const workbook = readXlsx(new Uint8Array(await response.arrayBuffer()));
    expect(workbook.formulas).toBe(false);
    expect(workbook.notText).toBe(0);
    expect(workbook.rows[0]).toEqual(['№', 'Номер на заявление', 'Заявления по образец', 'Име, презиме, фамилия', 'Адрес', 'Район', 'Телефон', 'Бележки']);
    const row = workbook.rows.find((cells) => cells.includes(tricky.references[0]!))!;
    expect(row[3]).toBe('Иван;=HYPERLINK("http://x")');
    expect(row[4]).toBe('ул. Шипка;=1+1 № 5');
    // A text cell needs no apostrophe: the phone is exactly as typed.
    expect(row[6]).toBe('+359 887 000 222');
    for (const number of [tricky.idNumber, first.idNumber]) expect(JSON.stringify(workbook.rows)).not.toContain(number);

    // The same row in the CSV: every field quoted, each formula start neutralised, also after the `;`.
    const csv = await textWithBom(await as('city', `/sections/${vitosha.id}/route.csv`));
    const line = csv.split('\r\n').find((candidate) => candidate.includes(tricky.references[0]!))!;
    expect(line).toContain(`"Иван;'=HYPERLINK(""http://x"")"`);
    expect(line).toContain(`"ул. Шипка;'=1+1 № 5"`);
    for (const part of line.split(';')) expect(part.replace(/^"/, '').trimStart()).not.toMatch(/^[=+\-@]/);

    // The police get the workbook of their columns only.
    const police = readXlsx(new Uint8Array(await (await as('police', `/sections/${vitosha.id}/route.xlsx`)).arrayBuffer()));
    expect(police.rows[0]).toEqual(['№', 'Адрес', 'Район', 'Подвижна секция']);
    expect(JSON.stringify(police.rows)).not.toContain('Иван');
  });
});
