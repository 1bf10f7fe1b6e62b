import type { AstroGlobal } from 'astro';
import { env } from 'cloudflare:workers';
import { MOBILE_BOX_LISTS, mobileBoxFieldId } from '#site/components/mobile-box/field-ids';
import { currentElection } from '#functions/elections/choose';
import type { Election } from '#core/elections/schema';
import type { Bindings } from '#functions/env';
import { translator, type Locale } from '#core/i18n';
import { clock } from '#functions/platform/clock';
import type { LimitedAction } from '#functions/http/rate-limit';
import type { z } from 'zod';
import { mobileBoxRequest } from '#functions/mobile-box/schemas';
import { handleForm, pageLocale, type FormOutcome, type Typed } from './form';

export interface MobileBoxContext {
  election: Election;
  now: Date;
}

/** The election the mobile-box pages are about today, and the time its rules are judged at. */
export function mobileBoxContext(): MobileBoxContext | undefined {
  const now = clock(env);
  const election = currentElection('BG', now);
  return election.mobileBox ? { election, now } : undefined;
}

/**
 * One step after the form (check, print, send): only reached by POST (a GET goes back to the
 * form, 303), it reads the whole application with the shared schema and runs `action` on it.
 * A Response means the page answers with it as it is (404 outside a mobile-box election).
 */
export async function mobileBoxStep<T>(
  astro: AstroGlobal,
  action: (input: z.output<typeof mobileBoxRequest>, context: MobileBoxContext & { locale: Locale }, bindings: Bindings, typed: Typed) => Promise<T>,
  options: { limit?: LimitedAction; challenge?: string } = {},
): Promise<Response | { locale: Locale; t: ReturnType<typeof translator>; context: MobileBoxContext; outcome: FormOutcome<T> }> {
  const locale = pageLocale(astro.params);
  const context = mobileBoxContext();
  if (!locale || !context) return new Response(null, { status: 404 });
  if (astro.request.method !== 'POST') return astro.redirect(`/${locale}/mobile-ballot-box/`, 303);
  const outcome = await handleForm(astro, {
    locale,
    schema: mobileBoxRequest,
    lists: MOBILE_BOX_LISTS,
    fieldId: mobileBoxFieldId,
    extra: { lang: locale },
    ...options,
    action: (input, bindings, typed) => action(input, { ...context, locale }, bindings, typed),
  });
  return { locale, t: translator(locale), context, outcome };
}
