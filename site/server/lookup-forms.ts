import type { Locale } from '#core/i18n';
import { lookupByAddress, lookupByPersonalNumber, type AddressResult } from '#functions/lookup/lookup';
import { recordLookupOutcome } from '#functions/lookup/outcomes';
import { clock } from '#functions/platform/clock';
import { onReplicas } from '#functions/platform/d1-sessions';
import { addressQuery, lookupRequest } from '#functions/lookup/schemas';
import type { PersonalStationView } from '#functions/lookup/station-view';
import { addressFormFieldId, idFormFieldId } from '#site/components/lookup/field-ids';
import type { FormOptions } from './form';

/**
 * The two lookup forms as `handleForm()` runs them, for the lookup's answer pages and the
 * embeddable lookup's alike: the same schema, limit, challenge and feature function as the API.
 * The lookups read through a D1 session that may use a replica (one per page); the outcome
 * counter writes to the primary.
 *
 * @example const outcome = await handleForm(Astro, numberLookupForm(locale));
 */
export const numberLookupForm = (locale: Locale): FormOptions<typeof lookupRequest, PersonalStationView> => ({
  locale,
  schema: lookupRequest,
  fieldId: idFormFieldId,
  limit: 'LOOKUP',
  challenge: 'lookup',
  extra: { lang: locale },
  action: (input, env) => lookupByPersonalNumber(onReplicas(env).env, input, clock(env)),
  answered: (status, env) => recordLookupOutcome(env, status, clock(env)),
});

/** The address form: posted, so that no house number reaches a URL. */
export const addressLookupForm = (locale: Locale): FormOptions<typeof addressQuery, AddressResult> => ({
  locale,
  schema: addressQuery,
  fieldId: addressFormFieldId,
  limit: 'STATIONS',
  extra: { lang: locale },
  action: (input, env) => lookupByAddress(onReplicas(env).env, input, clock(env)),
});
