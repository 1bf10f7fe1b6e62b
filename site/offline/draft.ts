/**
 * The mobile-ballot-box draft: what was typed into the form, kept in this browser tab until it is
 * sent (site/scripts/mobile-box.ts). It holds personal data, so it is kept as little as the
 * reader needs: only the fields that were filled in, in the tab's sessionStorage (never
 * localStorage: on a shared phone or computer the next person must not find it), deleted when
 * the application is sent, on "Clear what I typed", when the tab closes, and at the latest
 * DRAFT_HOURS after the last change (long enough to wait for a connection the same day, short
 * enough that a tab left open does not keep it).
 */
export const DRAFT_KEY = 'voter-desk:mobile-box-draft';
/**
 * Never in a draft, whatever the form sends: the personal numbers (the voter's and the
 * representative's). They are the key to everything else about a person, so a tab left open on a
 * shared device must not hold them; the voter types them again after a reload.
 */
export const NEVER_IN_DRAFT: ReadonlySet<string> = new Set(['idNumber', 'representative.idNumber']);
const kept = (fields: DraftFields): DraftFields => fields.filter(([name]) => !NEVER_IN_DRAFT.has(name));
export const DRAFT_HOURS = 12;
const MAX_AGE_MS = DRAFT_HOURS * 60 * 60 * 1000;

/** The filled-in fields, as [name, value] pairs (a checkbox group gives one pair per ticked box). */
export type DraftFields = [name: string, value: string][];

export interface Draft {
  /** When it was last changed (milliseconds since the epoch). */
  savedAt: number;
  fields: DraftFields;
}

const isFields = (value: unknown): value is DraftFields =>
  Array.isArray(value) && value.every((entry) => Array.isArray(entry) && entry.length === 2 && entry.every((part) => typeof part === 'string'));

/**
 * The draft in storage, or undefined when there is none, it is malformed, or it has expired.
 * @example readDraft(writeDraft([['fullName', 'Мария']], 0), 60_000) // { savedAt: 0, fields: [['fullName', 'Мария']] }
 */
export function readDraft(stored: string | null, now: number): Draft | undefined {
  try {
    const parsed = JSON.parse(stored ?? 'null') as Partial<Draft> | null;
    if (!parsed || typeof parsed.savedAt !== 'number' || !isFields(parsed.fields)) return undefined;
    return draftTimeLeft(parsed.savedAt, now) > 0 && parsed.savedAt <= now ? { savedAt: parsed.savedAt, fields: kept(parsed.fields) } : undefined;
  } catch {
    return undefined;
  }
}

/** The text to store for these fields, saved now: without the personal numbers (NEVER_IN_DRAFT). */
export function writeDraft(fields: DraftFields, now: number): string {
  return JSON.stringify({ savedAt: now, fields: kept(fields) } satisfies Draft);
}

/** How long until a draft saved at `savedAt` expires (0 once it has). */
export function draftTimeLeft(savedAt: number, now: number): number {
  return Math.max(0, savedAt + MAX_AGE_MS - now);
}
