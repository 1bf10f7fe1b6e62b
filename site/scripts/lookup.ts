/**
 * Enhances the lookup page: the forms fetch the same server-rendered answer they would
 * navigate to and show it in place; suggestions for settlements and streets; "near me"
 * asks for the location only when the button is pressed.
 */
import { fill, pluralForm, type PluralForms } from '#core/i18n/plural';
import { latin } from '#core/lookup/transliterate';
import { COUNTRIES, type Country } from '#core/countries';

async function showAnswer(form: HTMLFormElement, kind: string): Promise<void> {
  const target = document.querySelector<HTMLElement>(`[data-lookup-answer="${kind}"]`);
  if (!target) return form.submit();
  if (!navigator.onLine && target.dataset.offlineMessage) {
    // An offline copy of the page: posting would only reach the browser's error page.
    const message = Object.assign(document.createElement('p'), { className: 'notice', textContent: target.dataset.offlineMessage });
    target.replaceChildren(message);
    target.focus();
    return;
  }
  const method = form.method.toUpperCase();
  const data = new FormData(form);
  const url = new URL(form.action);
  if (method === 'GET') for (const [name, value] of data) url.searchParams.set(name, String(value));
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]');
  button?.setAttribute('aria-disabled', 'true');
  try {
    const response = await fetch(url, method === 'GET' ? {} : { method, body: new URLSearchParams(data as unknown as Record<string, string>) });
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const answer = page.querySelector(`[data-lookup-answer="${kind}"]`);
    if (!answer) throw new Error('no answer in the response');
    target.replaceChildren(...[...answer.childNodes].map((node) => document.importNode(node, true)));
    // Field errors come back next to the fields of the server's form: copy them onto ours.
    markFieldErrors(form, page);
    enhanceReports(target);
    const focus = target.querySelector<HTMLElement>('[data-error-summary]') ?? target;
    focus.focus();
  } catch {
    form.submit();
  } finally {
    button?.removeAttribute('aria-disabled');
    // A Turnstile token works once: the widget gives a fresh one for the next search.
    (window as { turnstile?: { reset(): void } }).turnstile?.reset();
  }
}

function markFieldErrors(form: HTMLFormElement, page: Document): void {
  for (const input of form.querySelectorAll<HTMLInputElement>('input[id]')) {
    const error = page.getElementById(`${input.id}-error`);
    form.querySelector(`#${input.id}-error`)?.remove();
    const field = input.closest('.field');
    field?.classList.toggle('field-error', Boolean(error));
    const hint = form.querySelector(`#${input.id}-hint`) ? `${input.id}-hint` : '';
    if (error) {
      input.before(document.importNode(error, true));
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', `${hint} ${input.id}-error`.trim());
    } else {
      input.removeAttribute('aria-invalid');
      if (hint) input.setAttribute('aria-describedby', hint);
      else input.removeAttribute('aria-describedby');
    }
  }
}

function enhanceReports(root: ParentNode): void {
  for (const form of root.querySelectorAll<HTMLFormElement>('form[data-report]')) {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const outcome = form.querySelector<HTMLElement>('[data-report-outcome]')!;
      const data = new FormData(form);
      const lang = document.documentElement.lang;
      const response = await fetch(`/api/stations/${form.dataset.report}/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: data.get('kind'), details: data.get('details'), contact: data.get('contact') ?? '', lang }),
      }).catch(() => undefined);
      if (!response) return form.submit();
      const body = (await response.json()) as { report?: { id: number }; error?: { message: string; fields?: { message: string }[] } };
      const problems = body.error?.fields?.map((problem) => problem.message).join(' ');
      outcome.textContent = body.report ? fill(form.dataset.thanks ?? '', { id: body.report.id }) : problems || body.error?.message || '';
      outcome.classList.toggle('error-message', !body.report);
      if (body.report) form.querySelector<HTMLTextAreaElement>('textarea')!.value = '';
    });
  }
}

function suggest(form: HTMLFormElement): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const field = (name: string) => form.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  const country = () => form.querySelector<HTMLInputElement>('input[name=country]:checked')?.value ?? '';
  const load = async (input: HTMLInputElement, list: string, url: string, key: 'settlements' | 'streets') => {
    const response = await fetch(url).catch(() => undefined);
    if (!response?.ok) return;
    const values = ((await response.json()) as Record<string, string[]>)[key] ?? [];
    const datalist = document.getElementById(list)!;
    // The browser shows only options that match what was typed: someone typing in Latin gets
    // the names in Latin (which the search finds just the same), with the official name as label.
    const place = COUNTRIES.find((code) => code === country()) ?? ('BG' satisfies Country);
    const typedInLatin = /\p{Script=Latin}/u.test(input.value) && !/\p{Script=Cyrillic}/u.test(input.value);
    datalist.replaceChildren(
      ...values.map((value) => Object.assign(document.createElement('option'), typedInLatin ? { value: latin(value, place), label: value } : { value })),
    );
  };
  form.addEventListener('input', (event) => {
    const input = event.target as HTMLInputElement;
    if (input.name !== 'settlement' && input.name !== 'street') return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const q = encodeURIComponent(input.value);
      if (input.name === 'settlement') void load(input, 'settlement-options', `/api/stations/settlements?country=${country()}&q=${q}`, 'settlements');
      else
        void load(
          input,
          'street-options',
          `/api/stations/streets?country=${country()}&settlement=${encodeURIComponent(field('settlement').value)}&q=${q}`,
          'streets',
        );
    }, 250);
  });
}

interface NearStation {
  station: { id: number; number: string; name: string; address: string; settlement: string };
  distance: number;
}

function nearMe(section: HTMLElement): void {
  const messages = JSON.parse(section.dataset.messages!) as Record<
    'locating' | 'denied' | 'none' | 'distance' | 'metres' | 'kilometres' | 'decimal' | 'failed',
    string
  > & { found: PluralForms };
  const status = section.querySelector<HTMLElement>('[data-near-status]')!;
  const list = section.querySelector<HTMLOListElement>('[data-near-results]')!;
  const exact = section.querySelector<HTMLElement>('[data-near-exact]')!;
  const locale = section.dataset.locale ?? 'en';
  // Units from the page's dictionary, not Intl: Chromium's trimmed ICU writes them in English for ky and kk.
  const metres = (distance: number) =>
    distance < 1000
      ? fill(messages.metres, { value: Math.round(distance / 10) * 10 })
      : fill(messages.kilometres, { value: (distance / 1000).toFixed(1).replace('.', messages.decimal) });
  section.querySelector<HTMLElement>('[data-near-nojs]')!.hidden = true;
  section.querySelector<HTMLElement>('[data-near-action]')!.hidden = false;
  section.querySelector('[data-near-button]')!.addEventListener('click', () => {
    if (!('geolocation' in navigator)) {
      status.textContent = messages.denied;
      return;
    }
    status.textContent = messages.locating;
    navigator.geolocation.getCurrentPosition(
      async ({ coords }) => {
        // About 100 m is enough to list the nearest stations; nothing more precise leaves the device.
        const round = (value: number) => Math.round(value * 1000) / 1000;
        const response = await fetch('/api/stations/near', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ lat: round(coords.latitude), lon: round(coords.longitude), limit: 5 }),
        }).catch(() => undefined);
        if (!response?.ok) {
          status.textContent = messages.failed;
          return;
        }
        const { stations } = (await response.json()) as { stations: NearStation[] };
        list.replaceChildren(
          ...stations.map(({ station, distance }) => {
            const item = document.createElement('li');
            const name = document.createElement('strong');
            name.textContent = `${station.name} (№ ${station.number})`;
            const where = document.createElement('span');
            where.textContent = `${station.address}, ${station.settlement} · ${fill(messages.distance, { distance: metres(distance) })}`;
            item.append(name, document.createElement('br'), where);
            return item;
          }),
        );
        status.textContent = stations.length === 0 ? messages.none : fill(pluralForm(locale, messages.found, stations.length), { count: stations.length });
        exact.hidden = false;
      },
      () => {
        status.textContent = messages.denied;
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  });
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-lookup-form]')) {
  const kind = form.dataset.lookupForm!;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void showAnswer(form, kind);
  });
  if (kind === 'address') suggest(form);
}
const near = document.querySelector<HTMLElement>('[data-near]');
if (near) nearMe(near);
