/**
 * Enhances the mobile-ballot-box pages (they all work without it):
 * - the draft of the application survives a reload: it is kept in this tab's sessionStorage,
 *   not localStorage, so that it does not outlive the visit on a shared computer (a care home,
 *   a library); it is deleted when the application is sent or on "Clear what I typed";
 * - the representative's fields show only when a representative applies;
 * - "Change" on the check step lands with the focus in the field to change;
 * - the print buttons print.
 */
const DRAFT_KEY = 'voter-desk:mobile-box-draft';

type Draft = [name: string, value: string][];

const storage = (): Storage | undefined => {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
};

function readDraft(): Draft | undefined {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(DRAFT_KEY) ?? 'null');
    return Array.isArray(parsed) && parsed.every((entry) => Array.isArray(entry) && entry.length === 2 && entry.every((part) => typeof part === 'string')) ? (parsed as Draft) : undefined;
  } catch {
    return undefined;
  }
}

const draftFields = (form: HTMLFormElement) =>
  [...form.elements].filter((element): element is HTMLInputElement | HTMLSelectElement => (element instanceof HTMLInputElement && element.type !== 'hidden') || element instanceof HTMLSelectElement);

function saveDraft(form: HTMLFormElement): void {
  const draft: Draft = [];
  for (const element of draftFields(form)) {
    if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) {
      if (element.checked) draft.push([element.name, element.value]);
    } else if (element.value !== '') draft.push([element.name, element.value]);
  }
  storage()?.setItem(DRAFT_KEY, JSON.stringify(draft));
}

/** True when nothing was typed yet: the server did not put answers back (GET, not "Change" or errors). */
const isUntouched = (form: HTMLFormElement) =>
  draftFields(form).every((element) => {
    if (element instanceof HTMLInputElement && element.type === 'radio') return true;
    if (element instanceof HTMLInputElement && element.type === 'checkbox') return !element.checked;
    return element.value === '';
  });

function restoreDraft(form: HTMLFormElement, draft: Draft): void {
  const names = new Set(draft.map(([name]) => name));
  for (const element of draftFields(form)) {
    if (!names.has(element.name)) continue;
    const values = draft.filter(([name]) => name === element.name).map(([, value]) => value);
    if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) element.checked = values.includes(element.value);
    else element.value = values[0] ?? '';
  }
  // Checkboxes absent from the draft were unticked.
  for (const element of draftFields(form)) if (element instanceof HTMLInputElement && element.type === 'checkbox' && !names.has(element.name)) element.checked = false;
}

function showRepresentative(form: HTMLFormElement): void {
  const fieldset = form.querySelector<HTMLFieldSetElement>('[data-representative]');
  if (!fieldset) return;
  const representative = form.querySelector<HTMLInputElement>('input[name="submittedBy"][value="representative"]');
  fieldset.hidden = !representative?.checked;
}

function enhanceForm(form: HTMLFormElement): void {
  const note = form.querySelector<HTMLElement>('[data-draft-note]');
  const draft = readDraft();
  if (draft && draft.length > 0 && isUntouched(form)) restoreDraft(form, draft);
  if (note) note.hidden = false;
  showRepresentative(form);
  const changed = () => {
    saveDraft(form);
    showRepresentative(form);
  };
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.querySelector('[data-draft-clear]')?.addEventListener('click', () => {
    storage()?.removeItem(DRAFT_KEY);
    for (const element of draftFields(form)) {
      if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) element.checked = element.defaultChecked;
      else element.value = '';
    }
    showRepresentative(form);
    draftFields(form)[0]?.focus();
  });
}

/** After "Change": the focus goes to the field named in the address's fragment. */
function focusChangedField(): void {
  const id = decodeURIComponent(window.location.hash.slice(1));
  if (!id) return;
  const target = document.getElementById(id);
  const focusable = target?.matches('input, select, textarea') ? target : target?.querySelector<HTMLElement>('input, select, textarea');
  if (focusable instanceof HTMLElement) {
    focusable.closest<HTMLElement>('[hidden]')?.removeAttribute('hidden');
    focusable.focus();
  }
}

for (const form of document.querySelectorAll<HTMLFormElement>('[data-mobile-box-form]')) enhanceForm(form);
if (document.querySelector('[data-mobile-box-sent]')) storage()?.removeItem(DRAFT_KEY);
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-print]')) button.addEventListener('click', () => window.print());
focusChangedField();
// The error summary's links: the field they name takes the focus, not just the scroll.
window.addEventListener('hashchange', focusChangedField);
// A page that answers with errors: the summary takes the focus, so it is read first.
document.querySelector<HTMLElement>('[data-error-summary]')?.focus();
