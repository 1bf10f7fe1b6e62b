import { env } from 'cloudflare:workers';
import type { Bindings } from '../../functions/env';
import { isLocale, type Locale } from '../../functions/platform/locale';

/** What an on-demand page needs: its locale (or undefined for a 404) and the Worker's bindings. */
export function pageContext(params: Record<string, string | undefined>): { locale: Locale | undefined; env: Bindings } {
  return { locale: isLocale(params.lang) ? params.lang : undefined, env: env as unknown as Bindings };
}

/** Form fields as strings (files and repeated names are not expected from our forms). */
export function formValues(form: FormData | URLSearchParams): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries()) if (typeof value === 'string') values[name] = value;
  return values;
}
