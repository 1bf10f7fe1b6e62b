/**
 * A checker's answer (loaded by ./checkers.ts after the page has loaded, or on the first use of a
 * checker if that comes first): the rules of #core/elections/checkers for the visitor's choices.
 */
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

/** Shows the answer to the form's choices, or asks for the first question left unanswered. */
export function answer(form: HTMLFormElement): void {
  const decide = DECIDERS[form.dataset.checker!];
  if (!decide) return;
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
  const key = decide(JSON.parse(form.dataset.timing!) as ElectionTiming, values, new Date());
  const template = form.querySelector<HTMLTemplateElement>(`template[data-answer="${key}"]`);
  output.replaceChildren(template ? template.content.cloneNode(true) : '');
  output.dataset.answer = key;
}
