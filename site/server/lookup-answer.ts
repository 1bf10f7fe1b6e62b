import type { AstroGlobal } from 'astro';
import type { z } from 'zod';
import { translator, type Locale } from '#core/i18n';
import { countryField } from '#functions/lookup/schemas';
import { DEFAULT_COUNTRY } from '#site/components/lookup/default-country';
import { handleForm, pageLocale, type FormOptions } from './form';

/**
 * What the four pages that answer a lookup form share (by number and by address, on the lookup
 * page and in the embeddable lookup): a 404 outside the locales, a 303 back to the form for
 * anything but a post, then `handleForm()` and the country to preselect in the form again.
 * Returns the Response to send as it is, or what the page renders.
 *
 * @example const answer = await lookupAnswer(Astro, numberLookupForm, (locale) => `/${locale}/lookup/`);
 *          if (answer instanceof Response) return answer;
 */
export async function lookupAnswer<S extends z.ZodType, T>(
  astro: AstroGlobal,
  form: (locale: Locale) => FormOptions<S, T>,
  formPath: (locale: Locale) => string,
) {
  const locale = pageLocale(astro.params);
  if (!locale) return new Response(null, { status: 404 });
  if (astro.request.method !== 'POST') return astro.redirect(formPath(locale), 303);
  const outcome = await handleForm(astro, form(locale));
  const country = countryField.safeParse(outcome.values.country).data ?? DEFAULT_COUNTRY[locale];
  return { locale, t: translator(locale), outcome, country };
}
