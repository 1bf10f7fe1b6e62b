/**
 * Reveals each checker form; without JS the guide text says the same. The rules that answer
 * (./checker-answer.ts) are a separate file the page does not need to show itself: it is fetched
 * once the page has loaded (so an offline copy of the guide answers too), or on the first use of a
 * checker if that comes first.
 */
let rules: Promise<typeof import('./checker-answer')> | undefined;
const loadRules = () => (rules ??= import('./checker-answer'));

export function enhanceCheckers(): void {
  const forms = document.querySelectorAll<HTMLFormElement>('form.checker[data-checker]');
  if (forms.length === 0) return;
  for (const form of forms) {
    form.hidden = false;
    form.addEventListener('change', loadRules, { once: true });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void loadRules().then(({ answer }) => answer(form));
    });
  }
  if (document.readyState === 'complete') void loadRules();
  else addEventListener('load', () => void loadRules(), { once: true });
}
