import { env } from 'cloudflare:workers';
import { database } from '#db/client';
import { importGenerations, registerEntries, stations } from '#db/schema';
import { placeKey } from '#core/lookup/normalize';
import { searchKey } from '#core/lookup/search-key';
import { personalNumberHash } from '#functions/platform/crypto';
import { DEVELOPMENT_SMS_AUTH_TOKEN } from '#functions/sms/auth-token';
import { twilioSignature } from '#functions/sms/twilio';
import { api } from '#test/api/helpers';
import { demoData } from '#scripts/seed/demo-data';

/** The README's demo numbers, one per country, with the station each is registered at in the demo data. */
export const DEMO = {
  BG: { idNumber: '3603065804', station: '244601001' },
  KG: { idNumber: '21203198701310', station: '1001' },
  KZ: { idNumber: '821216365528', station: '101' },
} as const;
/** Valid and registered nowhere (README: "a valid number that is not registered"). */
export const NOT_REGISTERED = { BG: '7501020018', KG: '11501199000001', KZ: '900101300017' } as const;

export const INBOUND = '/api/sms/inbound';
/** The URL `app.request` gives the Worker, which the gateway signs. */
export const INBOUND_URL = `http://localhost${INBOUND}`;

/**
 * The demo data's stations of all three countries in the test D1, and the register entries of the
 * README's demo numbers (the whole register is not needed). Returns each station's id by number.
 */
export async function seedDemoStations(): Promise<Map<string, { id: number; address: string; settlement: string }>> {
  const db = database(env.DB);
  const now = new Date().toISOString();
  const byNumber = new Map<string, { id: number; address: string; settlement: string }>();
  for (const data of demoData()) {
    const rows = data.stations.map(([number, name, address, settlement, district, constituency, lat, lon, stepFree, mobile]) => ({
      country: data.country,
      electionId: data.electionId,
      number: number!,
      name: name!,
      address: address!,
      settlement: settlement!,
      settlementKey: placeKey(settlement!),
      settlementSearchKey: searchKey(settlement!, data.country),
      district: district!,
      constituency: constituency!,
      lat: lat ? Number(lat) : null,
      lon: lon ? Number(lon) : null,
      stepFree: stepFree === 'yes' ? true : stepFree === 'no' ? false : null,
      mobile: mobile === 'yes',
      source: 'demo.csv',
      updatedAt: now,
    }));
    // D1 takes at most 100 bound parameters a statement: a few rows at a time.
    for (let i = 0; i < rows.length; i += 5) {
      const inserted = await db
        .insert(stations)
        .values(rows.slice(i, i + 5))
        .returning({ id: stations.id, number: stations.number });
      for (const row of inserted) {
        const source = rows.find((r) => r.number === row.number)!;
        byNumber.set(row.number, { id: row.id, address: source.address, settlement: source.settlement });
      }
    }
    const demo = DEMO[data.country];
    const station = data.register.find(([id]) => id === demo.idNumber)![1]!;
    await db.insert(registerEntries).values({
      electionId: data.electionId,
      idHash: await personalNumberHash(env.LOOKUP_KEY, data.country, demo.idNumber),
      stationId: byNumber.get(station)!.id,
    });
    await db
      .insert(importGenerations)
      .values(['register', 'ranges'].map((dataset) => ({ electionId: data.electionId, dataset: dataset as 'register', active: 0, updatedAt: now })));
  }
  return byNumber;
}

let messages = 0;
/** A MessageSid of Twilio's form: SM and 32 hex digits. */
export const messageSid = () => `SM${(++messages).toString(16).padStart(32, '0')}`;

export interface SmsOptions {
  from?: string;
  to?: string;
  /** Form fields to add or replace. */
  fields?: Record<string, string>;
  /** The signature to send instead of the right one (null: none). */
  signature?: string | null;
  /** The token to sign with (the development token the test pool's Worker falls back to). */
  token?: string;
  bindings?: Partial<Cloudflare.Env>;
}

let senders = 0;
/** A sender of their own per call unless one is given, so the per-sender limit does not mix tests. */
export const freshSender = () => `+99670${String(++senders).padStart(7, '0')}`;

/** The form Twilio posts for a message. */
export function inboundFields(body: string, options: SmsOptions = {}): URLSearchParams {
  return new URLSearchParams({
    MessageSid: messageSid(),
    AccountSid: 'AC0123456789abcdef0123456789abcdef',
    From: options.from ?? freshSender(),
    To: options.to ?? '119',
    Body: body,
    NumMedia: '0',
    ...options.fields,
  });
}

/** Posts a message to the webhook as Twilio does: a form, signed. */
export async function sms(body: string, options: SmsOptions = {}): Promise<Response> {
  const fields = inboundFields(body, options);
  const headers = new Headers({ 'content-type': 'application/x-www-form-urlencoded' });
  const signature =
    options.signature === undefined ? await twilioSignature(INBOUND_URL, fields, options.token ?? DEVELOPMENT_SMS_AUTH_TOKEN) : options.signature;
  if (signature !== null) headers.set('x-twilio-signature', signature);
  return api(INBOUND, { method: 'POST', headers, body: fields.toString() }, options.bindings);
}

/** The reply text inside a TwiML answer. */
export async function replyOf(response: Response): Promise<string> {
  const xml = await response.text();
  const match = /^<\?xml version="1\.0" encoding="UTF-8"\?><Response><Message>([\s\S]*)<\/Message><\/Response>$/.exec(xml);
  if (!match) throw new Error(`not a TwiML message: ${xml.slice(0, 200)}`);
  return match[1]!
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * Signs a form for `path` as the gateway does and sets the headers it sends: for the suites
 * generated from the OpenAPI document (the route table, the fuzz run). Returns the body.
 */
export async function signedForm(path: string, fields: URLSearchParams, headers: Headers, token = DEVELOPMENT_SMS_AUTH_TOKEN): Promise<string> {
  headers.set('content-type', 'application/x-www-form-urlencoded');
  headers.set('x-twilio-signature', await twilioSignature(`http://localhost${path}`, fields, token));
  return fields.toString();
}
