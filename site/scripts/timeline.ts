import { localDate } from '../../functions/platform/zoned-time';
import type { DeadlineStatus } from '../../functions/elections/deadlines';

/** Same rule as deadlineStatus(), from the instants the page carries. */
function statusAt(item: HTMLElement, timeZone: string, now: Date): DeadlineStatus {
  const closes = new Date(item.dataset.closes!);
  if (now >= closes) return 'past';
  if (localDate(now, timeZone) === item.dataset.day) return 'today';
  if (item.dataset.opens && now >= new Date(item.dataset.opens)) return 'open';
  return 'upcoming';
}

/** Re-marks the timeline for the reader's "now": a page built last week still tells the truth. */
export function refreshTimelines(now = new Date()): void {
  for (const timeline of document.querySelectorAll<HTMLElement>('.timeline[data-time-zone]')) {
    const timeZone = timeline.dataset.timeZone!;
    const labels = JSON.parse(timeline.dataset.labels ?? '{}') as Record<DeadlineStatus, string>;
    for (const item of timeline.querySelectorAll<HTMLElement>('.timeline-item')) {
      const status = statusAt(item, timeZone, now);
      item.dataset.status = status;
      const label = item.querySelector('.timeline-status');
      if (label) label.textContent = labels[status];
    }
  }
  for (const notice of document.querySelectorAll<HTMLElement>('[data-over-after]')) {
    notice.hidden = now < new Date(notice.dataset.overAfter!);
  }
}
