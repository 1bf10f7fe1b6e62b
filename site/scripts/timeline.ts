import { deadlineStatus, type DeadlineStatus } from '#core/elections/deadlines';
import type { DeadlineTiming } from '#core/elections/schema';

/** Re-marks the timeline for the reader's "now": a page built last week still tells the truth. */
export function refreshTimelines(now = new Date()): void {
  for (const timeline of document.querySelectorAll<HTMLElement>('.timeline[data-time-zone]')) {
    const timeZone = timeline.dataset.timeZone!;
    const labels = JSON.parse(timeline.dataset.labels ?? '{}') as Record<DeadlineStatus, string>;
    for (const item of timeline.querySelectorAll<HTMLElement>('.timeline-item[data-timing]')) {
      const status = deadlineStatus(JSON.parse(item.dataset.timing!) as DeadlineTiming, timeZone, now);
      item.dataset.status = status;
      const label = item.querySelector('.timeline-status');
      if (label) label.textContent = labels[status];
    }
  }
  for (const notice of document.querySelectorAll<HTMLElement>('[data-over-after]')) {
    notice.hidden = now < new Date(notice.dataset.overAfter!);
  }
}
