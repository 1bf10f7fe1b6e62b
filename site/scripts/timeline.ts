import { fromCarried, statusAt, type CarriedInstants, type DeadlineStatus } from '#core/elections/deadline-status';

/**
 * Re-marks the timeline for the reader's "now": a page built last week still tells the truth.
 * Each item carries the instants its status changes at, worked out in the election's time zone
 * when the page was built, so the browser only compares them with its clock.
 */
export function refreshTimelines(now = new Date()): void {
  for (const timeline of document.querySelectorAll<HTMLElement>('.timeline[data-labels]')) {
    const labels = JSON.parse(timeline.dataset.labels!) as Record<DeadlineStatus, string>;
    for (const item of timeline.querySelectorAll<HTMLElement>('.timeline-item[data-closes]')) {
      // data-opens, data-last-day and data-closes: the dataset's opens, lastDay and closes.
      const status = statusAt(fromCarried(item.dataset as unknown as CarriedInstants), now);
      item.dataset.status = status;
      const label = item.querySelector('.timeline-status');
      if (label) label.textContent = labels[status];
    }
  }
  for (const notice of document.querySelectorAll<HTMLElement>('[data-over-after]')) {
    notice.hidden = now < new Date(notice.dataset.overAfter!);
  }
}
