import { decideAbsentee, decideCurrentAddress, decideMobileBox, type Answer } from '#core/elections/checkers';
import type { ElectionTiming } from '#core/elections/schema';

type Decide = (timing: ElectionTiming, values: Record<string, string>, now: Date) => string;

const yes = (value: string | undefined) => value === 'yes';
const DECIDERS: Record<string, Decide> = {
  'current-address': (timing, v, now) => decideCurrentAddress(timing, { differentSettlements: yes(v.differentSettlements) }, now),
  'mobile-box': (timing, v, now) =>
    decideMobileBox(timing, { cannotReachPollingRoom: yes(v.cannotReachPollingRoom), mobileCommission: (v.mobileCommission ?? 'unknown') as Answer }, now),
  absentee: (timing, v, now) => decideAbsentee(timing, { lostCertificate: yes(v.lostCertificate), sameSettlement: yes(v.sameSettlement) }, now),
};

function answer(form: HTMLFormElement, decide: Decide, timing: ElectionTiming) {
  const names = [...new Set([...form.querySelectorAll<HTMLInputElement>('input[type=radio]')].map((input) => input.name))];
  const data = new FormData(form);
  const values = Object.fromEntries(names.map((name) => [name, String(data.get(name) ?? '')]));
  const error = form.querySelector<HTMLElement>('.checker-error')!;
  const output = form.querySelector<HTMLElement>('.checker-answer')!;
  const missing = names.find((name) => values[name] === '');
  if (missing) {
    error.hidden = false;
    output.replaceChildren();
    form.querySelector<HTMLInputElement>(`input[name="${missing}"]`)?.focus();
    return;
  }
  error.hidden = true;
  const key = decide(timing, values, new Date());
  const template = form.querySelector<HTMLTemplateElement>(`template[data-answer="${key}"]`);
  output.replaceChildren(template ? template.content.cloneNode(true) : '');
  output.dataset.answer = key;
}

/** Reveals each checker form and answers on submit; without JS the guide text says the same. */
export function enhanceCheckers(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form.checker[data-checker]')) {
    const decide = DECIDERS[form.dataset.checker!];
    if (!decide) continue;
    const timing = JSON.parse(form.dataset.timing!) as ElectionTiming;
    form.hidden = false;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      answer(form, decide, timing);
    });
  }
}
