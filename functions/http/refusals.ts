import type { RefusalStatus } from '#core/errors';
import { MOBILE_BOX_REFUSALS } from '#functions/mobile-box/errors';
import { SECTIONS_REFUSALS } from '#functions/sections/errors';
import { STAFF_REFUSALS } from '#functions/staff/errors';

/** Every feature's refusal codes, merged: the one table the error envelope and the OpenAPI document read. */
export const REFUSALS = { ...MOBILE_BOX_REFUSALS, ...STAFF_REFUSALS, ...SECTIONS_REFUSALS };
export type RefusalCode = keyof typeof REFUSALS;
export const REFUSAL_CODES = Object.keys(REFUSALS) as RefusalCode[];

export const isRefusalCode = (code: string): code is RefusalCode => Object.hasOwn(REFUSALS, code);

/** The refusal codes answered with `status`, with when each is given: `` `code` (when) `` joined by semicolons. */
export function refusalsDocumented(status: RefusalStatus): string {
  return REFUSAL_CODES.filter((code) => REFUSALS[code].status === status)
    .map((code) => `\`${code}\` (${REFUSALS[code].when})`)
    .join('; ');
}
