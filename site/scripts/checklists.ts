/**
 * Remembers ticked checklist items on this device, per page, so a reader can come back. An item
 * is known by its position among the page's checklist boxes (kept as a string, as before).
 */
export function rememberChecklists(): void {
  const boxes = [...document.querySelectorAll<HTMLInputElement>('.task-list-item input[type=checkbox]')];
  if (boxes.length === 0) return;
  const key = `checklist:${location.pathname}`;
  let saved: string[] = [];
  try {
    saved = JSON.parse(localStorage.getItem(key) ?? '[]') as string[];
  } catch {
    saved = [];
  }
  boxes.forEach((box, index) => {
    box.checked = saved.includes(String(index));
    box.addEventListener('change', () => {
      const ticked = boxes.flatMap((b, i) => (b.checked ? [String(i)] : []));
      try {
        localStorage.setItem(key, JSON.stringify(ticked));
      } catch {
        // private mode or full storage: ticking still works for this visit
      }
    });
  });
}
