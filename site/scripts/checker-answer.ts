/**
 * A checker's answer (loaded by ./checkers.ts after the page has loaded, or on the first use of a
 * checker if that comes first): the rules of #core/elections/checkers for the visitor's choices,
 * at the reader's "now", from the instants the form carries (no time-zone code in the browser).
 */
import {
  carriedMoment,
  decideAbsentee,
  decideCurrentAddress,
  decideMobileBox,
  type Answer,
  type CarriedElection,
  type ElectionMoment,
} from '#core/elections/checkers';

type Decide = (at: ElectionMoment, values: Record<string, string>) => string;

const yes = (value: string | undefined) => value === 'yes';
const DECIDERS: Record<string, Decide> = {
  'current-address': (at, v) => decideCurrentAddress(at, { differentSettlements: yes(v.differentSettlements) }),
  'mobile-box': (at, v) =>
    decideMobileBox(at, { cannotReachPollingRoom: yes(v.cannotReachPollingRoom), mobileCommission: (v.mobileCommission ?? 'unknown') as Answer }),
  absentee: (at, v) => decideAbsentee(at, { lostCertificate: yes(v.lostCertificate), sameSettlement: yes(v.sameSettlement) }),
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
  const key = decide(carriedMoment(JSON.parse(form.dataset.instants!) as CarriedElection, new Date()), values);
  const template = form.querySelector<HTMLTemplateElement>(`template[data-answer="${key}"]`);
  output.replaceChildren(template ? template.content.cloneNode(true) : '');
  output.dataset.answer = key;
}
