/** Remembers ticked checklist items on this device, per page, so a reader can come back. */
export function rememberChecklists(): void {
  const key = `checklist:${location.pathname}`;
  let saved: string[] = [];
  try {
    saved = JSON.parse(localStorage.getItem(key) ?? '[]') as string[];
  } catch {
    saved = [];
  }
  const boxes = document.querySelectorAll<HTMLInputElement>('.task-list-item input[type=checkbox][data-index]');
  for (const box of boxes) {
    box.checked = saved.includes(box.dataset.index!);
    box.addEventListener('change', () => {
      const ticked = [...boxes].filter((b) => b.checked).map((b) => b.dataset.index!);
      try {
        localStorage.setItem(key, JSON.stringify(ticked));
      } catch {
        // private mode or full storage: ticking still works for this visit
      }
    });
  }
}
