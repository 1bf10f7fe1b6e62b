/**
 * Enhances the mobile-ballot-box pages (they all work without it):
 * - the draft of the application survives a reload and an offline copy of the form opened in
 *   the same tab: it is kept in this tab's sessionStorage, not localStorage, so that it does not
 *   outlive the visit on a shared computer (a care home, a library), and for DRAFT_HOURS after
 *   the last change at most (site/offline/draft.ts); it is deleted when the application is sent
 *   or on "Clear what I typed";
 * - without a connection the form says that it cannot be sent yet and does not try;
 * - the representative's fields show only when a representative applies;
 * - the settlement is asked only for a district the data places other settlements in (towns,
 *   villages): elsewhere it stays the main one, the city, as without JavaScript by default;
 * - "Change" on the check step lands with the focus in the field to change;
 * - the print buttons print.
 */
import { DRAFT_KEY, draftTimeLeft, readDraft, writeDraft, type DraftFields } from '#site/offline/draft';

const storage = (): Storage | undefined => {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
};

let expiry: ReturnType<typeof setTimeout> | undefined;

/** Deletes the draft once it is too old, also while the page stays open. */
function expireAt(savedAt: number): void {
  clearTimeout(expiry);
  expiry = setTimeout(() => storage()?.removeItem(DRAFT_KEY), draftTimeLeft(savedAt, Date.now()));
}

/** The draft in this tab; one that is malformed or too old is deleted on every mobile-box page. */
function currentDraft() {
  const stored = storage()?.getItem(DRAFT_KEY) ?? null;
  const draft = readDraft(stored, Date.now());
  if (stored !== null && !draft) storage()?.removeItem(DRAFT_KEY);
  if (draft) expireAt(draft.savedAt);
  return draft;
}

const draftFields = (form: HTMLFormElement) =>
  [...form.elements].filter(
    (element): element is HTMLInputElement | HTMLSelectElement =>
      (element instanceof HTMLInputElement && element.type !== 'hidden') || element instanceof HTMLSelectElement,
  );

function saveDraft(form: HTMLFormElement): void {
  const draft: DraftFields = [];
  for (const element of draftFields(form)) {
    if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) {
      if (element.checked) draft.push([element.name, element.value]);
    } else if (element.value !== '') draft.push([element.name, element.value]);
  }
  const now = Date.now();
  storage()?.setItem(DRAFT_KEY, writeDraft(draft, now));
  expireAt(now);
}

/** True when nothing was typed yet: the server did not put answers back (GET, not "Change" or errors). */
const isUntouched = (form: HTMLFormElement) =>
  draftFields(form).every((element) => {
    if (element instanceof HTMLInputElement && element.type === 'radio') return true;
    if (element instanceof HTMLInputElement && element.type === 'checkbox') return !element.checked;
    // A choice with a default (the settlement: the city) is untouched while the default is chosen.
    if (element instanceof HTMLSelectElement)
      return (
        element.selectedIndex ===
        Math.max(
          0,
          [...element.options].findIndex((option) => option.defaultSelected),
        )
      );
    return element.value === '';
  });

function restoreDraft(form: HTMLFormElement, draft: DraftFields): void {
  const names = new Set(draft.map(([name]) => name));
  for (const element of draftFields(form)) {
    if (!names.has(element.name)) continue;
    const values = draft.filter(([name]) => name === element.name).map(([, value]) => value);
    if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) element.checked = values.includes(element.value);
    else element.value = values[0] ?? '';
  }
  // Checkboxes absent from the draft were unticked.
  for (const element of draftFields(form))
    if (element instanceof HTMLInputElement && element.type === 'checkbox' && !names.has(element.name)) element.checked = false;
}

function showRepresentative(form: HTMLFormElement): void {
  const fieldset = form.querySelector<HTMLFieldSetElement>('[data-representative]');
  if (!fieldset) return;
  const representative = form.querySelector<HTMLInputElement>('input[name="submittedBy"][value="representative"]');
  fieldset.hidden = !representative?.checked;
}

/**
 * Offers the settlements of the chosen district (an option's `data-districts`; none: the main
 * settlement, which spans the districts) and hides the question where the main one is the only
 * answer, keeping it chosen.
 */
function showSettlements(form: HTMLFormElement): void {
  const field = form.querySelector<HTMLElement>('[data-settlement-field]');
  const select = field?.querySelector<HTMLSelectElement>('select');
  const district = form.querySelector<HTMLSelectElement>('select[name="address.district"]');
  if (!field || !select || !district) return;
  let others = 0;
  for (const option of select.options) {
    const districts = option.dataset.districts?.split(' ');
    const fits = !districts || districts.includes(district.value);
    option.hidden = !fits;
    option.disabled = !fits;
    if (districts && fits) others += 1;
  }
  if (others === 0 || select.selectedIndex < 0 || select.options[select.selectedIndex]!.disabled) select.selectedIndex = 0;
  field.hidden = others === 0;
}

/** Without a connection the form says it cannot be sent yet, and a press of the button only moves the focus there. */
function holdWhileOffline(form: HTMLFormElement): void {
  const message = form.querySelector<HTMLElement>('[data-offline-send]');
  if (!message) return;
  const update = () => {
    message.hidden = navigator.onLine;
  };
  update();
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  form.addEventListener('submit', (event) => {
    if (navigator.onLine) return;
    event.preventDefault();
    saveDraft(form);
    message.hidden = false;
    message.focus();
  });
}

function enhanceForm(form: HTMLFormElement): void {
  const note = form.querySelector<HTMLElement>('[data-draft-note]');
  const draft = currentDraft();
  if (draft && draft.fields.length > 0 && isUntouched(form)) restoreDraft(form, draft.fields);
  if (note) note.hidden = false;
  holdWhileOffline(form);
  showRepresentative(form);
  showSettlements(form);
  const changed = () => {
    showRepresentative(form);
    showSettlements(form);
    saveDraft(form);
  };
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.querySelector('[data-draft-clear]')?.addEventListener('click', () => {
    storage()?.removeItem(DRAFT_KEY);
    clearTimeout(expiry);
    for (const element of draftFields(form)) {
      if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) element.checked = element.defaultChecked;
      else element.value = '';
    }
    showRepresentative(form);
    showSettlements(form);
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

const forms = document.querySelectorAll<HTMLFormElement>('[data-mobile-box-form]');
for (const form of forms) enhanceForm(form);
if (forms.length === 0) currentDraft();
if (document.querySelector('[data-mobile-box-sent]')) {
  storage()?.removeItem(DRAFT_KEY);
  clearTimeout(expiry);
}
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-print]')) button.addEventListener('click', () => window.print());
focusChangedField();
// The error summary's links: the field they name takes the focus, not just the scroll.
window.addEventListener('hashchange', focusChangedField);
// A page that answers with errors: the summary takes the focus, so it is read first.
document.querySelector<HTMLElement>('[data-error-summary]')?.focus();
