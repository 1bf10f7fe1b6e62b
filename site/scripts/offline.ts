/**
 * Offline copies of public pages (site/offline/sw.ts decides what is kept):
 * - registers the service worker once the page has loaded;
 * - a copy the worker served from the device (`<html data-offline-copy>`) shows its notice
 *   that it may be out of date;
 * - on the first visit the worker did not see the page load, so once it is ready the page names
 *   itself and the files it loaded, and then each file it loads later (a guide's checker rules,
 *   fetched after the load event); the worker keeps those its rules allow, and nothing else.
 */
import type { KeepMessage } from '#site/offline/policy';

const notice = document.querySelector<HTMLElement>('[data-offline]');

/** The same-origin files among these performance entries, as paths. */
function paths(entries: PerformanceEntryList): string[] {
  return entries
    .map((entry) => new URL(entry.name, location.href))
    .filter((url) => url.origin === location.origin)
    .map((url) => url.pathname + url.search);
}

if (notice && 'serviceWorker' in navigator) {
  const workers = navigator.serviceWorker;
  notice.hidden = !document.documentElement.hasAttribute('data-offline-copy');
  const firstVisit = !workers.controller;
  const register = () => {
    workers.register(notice.dataset.sw ?? '/sw.js', { scope: '/' }).catch(() => undefined);
    if (firstVisit)
      void workers.ready.then(({ active }) => {
        const keep = (files: string[]) => active?.postMessage({ type: 'keep', paths: files } satisfies KeepMessage);
        keep([location.pathname + location.search, ...paths(performance.getEntriesByType('resource'))]);
        // What arrives later (a guide's checker rules, still on their way on a slow network).
        new PerformanceObserver((list) => keep(paths(list.getEntries()))).observe({ type: 'resource' });
      });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
