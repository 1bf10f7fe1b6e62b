import { env } from 'cloudflare:workers';
import { checkDigits } from '#core/lookup/personal-numbers';
import { api } from '#test/api/helpers';
import { CAMPAIGN, submit, VOTER, type Created } from '#test/api/mobile-box/fixtures';
import { account, signIn } from '#test/api/staff/fixtures';

export type Who = 'anonymous' | 'mladost' | 'vitosha' | 'lozenets' | 'lyulin' | 'city' | 'police';
const sessions: Partial<Record<Who, { cookie: string; csrf: string }>> = {};

/** Signs in one account per role: Младост, Витоша and Люлин have a mobile section, Лозенец has none. */
export async function staffAccounts() {
  await account('mladost@example.org', { district: 'mladost', iterations: 1_000 });
  await account('vitosha@example.org', { district: 'vitosha', iterations: 1_000 });
  await account('lozenets@example.org', { district: 'lozenets', iterations: 1_000 });
  await account('lyulin@example.org', { district: 'lyulin', iterations: 1_000 });
  await account('city@example.org', { role: 'city', iterations: 1_000 });
  await account('police@example.org', { role: 'police', iterations: 1_000 });
  for (const who of ['mladost', 'vitosha', 'lozenets', 'lyulin', 'city', 'police'] as const) sessions[who] = await signIn(`${who}@example.org`);
}

/** A staff API call as `who` (with the session's CSRF token unless `csrf` is false), at `now`. */
export function as(who: Who, path: string, init: RequestInit & { json?: unknown; csrf?: boolean; now?: string } = {}) {
  const headers = new Headers(init.headers);
  const session = sessions[who];
  if (session) {
    headers.set('cookie', session.cookie);
    if (init.csrf !== false) headers.set('x-csrf-token', session.csrf);
  }
  if (init.json !== undefined) headers.set('content-type', 'application/json');
  const body = init.json !== undefined ? JSON.stringify(init.json) : init.body;
  return api(
    `/api/admin${path}`,
    { method: init.method ?? (init.json !== undefined ? 'POST' : 'GET'), headers, ...(body ? { body } : {}) },
    { NOW: init.now ?? CAMPAIGN },
  );
}

/** A response body with its byte-order mark kept (`Response.text()` drops it). */
export const textWithBom = async (response: Response) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());

let serial = 100;
/** A valid ЕГН nobody else in the file uses. */
export function freshEgn(): string {
  const first9 = `800101${String(serial++).padStart(3, '0')}`;
  return first9 + checkDigits.egn(first9);
}

export interface Applicant {
  idNumber: string;
  references: string[];
  ids: number[];
}

/** Applies online (through the public API) and returns the requests' ids. */
export async function apply(overrides: Record<string, unknown> = {}): Promise<Applicant> {
  const idNumber = freshEgn();
  const response = await submit({ ...VOTER, idNumber, ...overrides });
  if (response.status !== 201) throw new Error(`apply: ${response.status} ${await response.text()}`);
  const created = (await response.json()) as Created;
  const references = created.requests.map((request) => request.reference);
  const ids = await Promise.all(
    references.map(
      async (reference) => (await env.DB.prepare('SELECT id FROM mobile_box_requests WHERE reference = ?').bind(reference).first<{ id: number }>())!.id,
    ),
  );
  return { idNumber, references, ids };
}

/** Accepts every request of an applicant as `who`. */
export async function accept(who: Who, applicant: Applicant) {
  for (const id of applicant.ids) {
    const response = await as(who, `/requests/${id}/decision`, { json: { decision: 'accept' } });
    if (response.status !== 200) throw new Error(`accept ${id}: ${response.status}`);
  }
}

export interface SectionJson {
  id: number;
  label: string;
  district: string;
  constituency: string;
  reach: string;
  stops: number;
  handedOverAt: string | null;
  handedOverBy: string | null;
  changedAfterHandover: boolean;
  orderKept: boolean;
}

export async function sectionOf(district: string): Promise<SectionJson> {
  const list = (await (await as('city', '/sections')).json()) as { sections: SectionJson[] };
  return list.sections.find((section) => section.district === district)!;
}

export type StopJson = {
  id: number;
  position: number;
  district: string;
  fullName?: string;
  requests?: { id: number; reference: string; form: string }[];
  address: { street: string };
};
export async function routeOf(who: Who, sectionId: number): Promise<StopJson[]> {
  const response = await as(who, `/sections/${sectionId}`);
  if (response.status !== 200) throw new Error(`route ${sectionId} as ${who}: ${response.status}`);
  return ((await response.json()) as { stops: StopJson[] }).stops;
}
