// The forms of a mobile polling station's page. Each posts to the page with `?do=<intent>` (a
// code, nothing personal) and goes through handleForm with a page-level schema built from the
// API's own field schemas (functions/sections/schemas.ts): the same labels and limits, with the
// strings of a form turned into numbers and empty coordinates into "none". Success answers 303
// back to the page with `?done=<code>` (PRG).
import type { AstroGlobal } from 'astro';
import { z } from 'zod';
import type { Locale } from '#core/i18n';
import { clock } from '#functions/platform/clock';
import { field, metaOf } from '#core/validation';
import { handOver, locateStop, setOrder, updateSection } from '#functions/sections/changes';
import { moveStop, type MoveDirection } from '#core/sections/route-order';
import { locationRequest, orderRequest, registerRequest, sectionUpdate, stopIdParam } from '#functions/sections/schemas';
import { registerStops, removeStop } from '#functions/sections/stops';
import { setConstituency } from '#functions/sections/constituencies';
import { constituencyRequest, districtParam } from '#functions/sections/schemas';
import type { StaffRole } from '#functions/staff/guard';
import { handleForm, type FormOutcome } from './form';
import { adminPath, type StaffPage } from './staff-page';

/** What a POST to a section's page asks for (`?do=`). */
export const SECTION_INTENTS = ['register', 'move', 'automatic', 'remove', 'locate', 'handover', 'section'] as const;
export type SectionIntent = (typeof SECTION_INTENTS)[number];

/**
 * Who may post each form, as the API allows it: the districts (and the city for them) register
 * voters, take stops off and hand the list over; the police prepare the route (order, coordinates);
 * the city enters the station's details. Anyone else gets the 404.
 */
export const INTENT_ROLES: Record<SectionIntent, readonly StaffRole[]> = {
  register: ['district', 'city'],
  remove: ['district', 'city'],
  handover: ['district', 'city'],
  move: ['police'],
  automatic: ['police'],
  locate: ['police'],
  section: ['city'],
};

/** What the page says after a change (`?done=`). */
export const DONE_CODES = ['registered', 'moved', 'automatic', 'removed', 'located', 'sent', 'saved'] as const;
export type DoneCode = (typeof DONE_CODES)[number];

/** `/<locale>/admin/sections/<id>/<rest>` */
export const sectionPath = (locale: Locale, id: number, rest = '') => adminPath(locale, `sections/${id}/${rest}`);

export const intentOf = (value: string | null): SectionIntent | undefined => SECTION_INTENTS.find((intent) => intent === value);
export const doneOf = (value: string | null): DoneCode | undefined => DONE_CODES.find((code) => code === value);

const isBlank = (value: unknown) => value === undefined || (typeof value === 'string' && value.trim() === '');
// People type a decimal comma as often as a point.
const toNumber = (value: unknown) => (typeof value === 'string' ? (value.trim() === '' ? undefined : Number(value.trim().replace(',', '.'))) : value);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const coordinates = locationRequest.shape.location.unwrap();
/** Latitude and longitude as typed; both left empty mean "no coordinates" (null), one of them empty is missing. */
const typedCoordinates = z.preprocess(
  (value) => (value === undefined || (isRecord(value) && isBlank(value.lat) && isBlank(value.lon)) ? null : value),
  z.object({ lat: z.preprocess(toNumber, coordinates.shape.lat), lon: z.preprocess(toNumber, coordinates.shape.lon) }).nullable(),
);

const requestIds = registerRequest.shape.requestIds;
/** The register form: checkboxes `requestIds` (none ticked says so in a checkbox's words). */
export const registerForm = z.object({ requestIds: field(requestIds.clone(), { ...metaOf(requestIds)!, messages: { required: 'sections.register.none' } }) });

/** A move button: the route's order as the page showed it (`stopIds`) and `<stopId>:up|down`. */
export const moveForm = z.object({
  stopIds: orderRequest.shape.stopIds.unwrap(),
  move: z.string().regex(/^\d+:(?:up|down)$/),
});

export const stopForm = z.object({ stopId: stopIdParam.shape.stopId });

/** A stop's coordinates (`location.lat`, `location.lon`). */
export const locateForm = stopForm.extend({ location: typedCoordinates });

/** The city's form: the number the commission gave (empty: none yet), the base address and its coordinates. */
export const sectionForm = z.object({
  number: z.preprocess((value) => (isBlank(value) ? null : value), sectionUpdate.shape.number.unwrap()),
  baseAddress: sectionUpdate.shape.baseAddress.unwrap(),
  location: typedCoordinates,
});

export const emptyForm = z.object({});

/** What a successful form did: the notice's code, how many requests, the stop to come back to. */
export interface SectionDone {
  code: DoneCode;
  count?: number;
  stopId?: number;
}

/** The id of a form field on the page, for the error summary's links. */
export function sectionFieldId(intent: SectionIntent, name: string, values: Record<string, string>): string {
  if (intent === 'register') return 'register-requests';
  if (intent === 'locate') return `stop-${values.stopId ?? ''}-${name.replace('location.', '')}`;
  if (intent === 'section') return `section-${name.replace('location.', '')}`;
  return 'route-stops';
}

const parseMove = (move: string) => {
  const [stopId, direction] = move.split(':') as [string, MoveDirection];
  return { stopId, direction };
};

/**
 * Runs the form a POST names (`intent`) through handleForm with its schema and the domain
 * function, for this section and user.
 */
export async function runSectionForm(astro: AstroGlobal, page: StaffPage, sectionId: number, intent: SectionIntent): Promise<FormOutcome<SectionDone>> {
  const { locale, user } = page;
  const fieldId = (name: string, values: Record<string, string>) => sectionFieldId(intent, name, values);
  const common = { locale, fieldId };
  switch (intent) {
    case 'register':
      return handleForm(astro, {
        ...common,
        schema: registerForm,
        lists: ['requestIds'],
        action: async (input, env): Promise<SectionDone> => ({
          code: 'registered',
          count: (await registerStops(env, user, sectionId, input.requestIds, clock(env))).registered.length,
        }),
      });
    case 'move':
      return handleForm(astro, {
        ...common,
        schema: moveForm,
        lists: ['stopIds'],
        action: async (input, env): Promise<SectionDone> => {
          const { stopId, direction } = parseMove(input.move);
          const order = moveStop(input.stopIds.map(String), stopId, direction).map(Number);
          await setOrder(env, user, sectionId, { stopIds: order }, clock(env));
          return { code: 'moved', stopId: Number(stopId) };
        },
      });
    case 'automatic':
      return handleForm(astro, {
        ...common,
        schema: emptyForm,
        action: async (_input, env): Promise<SectionDone> => {
          await setOrder(env, user, sectionId, { automatic: true }, clock(env));
          return { code: 'automatic' };
        },
      });
    case 'remove':
      return handleForm(astro, {
        ...common,
        schema: stopForm,
        action: async (input, env): Promise<SectionDone> => {
          await removeStop(env, user, sectionId, input.stopId, clock(env));
          return { code: 'removed' };
        },
      });
    case 'locate':
      return handleForm(astro, {
        ...common,
        schema: locateForm,
        action: async (input, env): Promise<SectionDone> => {
          await locateStop(env, user, sectionId, input.stopId, input.location, clock(env));
          return { code: 'located', stopId: input.stopId };
        },
      });
    case 'handover':
      return handleForm(astro, {
        ...common,
        schema: emptyForm,
        action: async (_input, env): Promise<SectionDone> => {
          await handOver(env, user, sectionId, clock(env));
          return { code: 'sent' };
        },
      });
    case 'section':
      return handleForm(astro, {
        ...common,
        schema: sectionForm,
        action: async (input, env): Promise<SectionDone> => {
          await updateSection(env, user, sectionId, input, clock(env));
          return { code: 'saved' };
        },
      });
  }
}

/** The city's form on the stations' list: a district's constituency (МИР). */
export const constituencyForm = z.object({ district: districtParam.shape.district, constituency: constituencyRequest.shape.constituency });

/** Sets a district's МИР from the list page's form (as PUT /api/admin/constituencies/:district). */
export function runConstituencyForm(astro: AstroGlobal, page: StaffPage): Promise<FormOutcome<{ district: string }>> {
  return handleForm(astro, {
    locale: page.locale,
    schema: constituencyForm,
    fieldId: (_name, values) => `constituency-${values.district ?? ''}`,
    action: async (input, env) => setConstituency(env, page.user, page.campaign, input.district, input.constituency, clock(env)),
  });
}

/** Where the browser goes after a change: the page, with the notice's code (and the stop it concerns). */
export function doneLocation(locale: Locale, sectionId: number, done: SectionDone): string {
  const query = new URLSearchParams({ done: done.code, ...(done.count !== undefined ? { count: String(done.count) } : {}) });
  return `${sectionPath(locale, sectionId)}?${query}${done.code === 'moved' && done.stopId ? `#stop-${done.stopId}` : ''}`;
}
