/**
 * Offline copies of public pages (site/offline/sw.ts decides what is kept):
 * - registers the service worker once the page has loaded;
 * - a copy the worker served from the device (`<html data-offline-copy>`) shows its notice
 *   that it may be out of date;
 * - on the first visit the worker did not see the page load, so once it is ready the page names
 *   itself and the files it loaded by then (a guide's checker rules, fetched after the load
 *   event, included); the worker keeps those its rules allow, and nothing else.
 */
import type { KeepMessage } from '#site/offline/policy';

const notice = document.querySelector<HTMLElement>('[data-offline]');

/** This page's address and the same-origin files it loaded, as paths. */
function loadedPaths(): string[] {
  const files = performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name, location.href))
    .filter((url) => url.origin === location.origin)
    .map((url) => url.pathname + url.search);
  return [location.pathname + location.search, ...files];
}

if (notice && 'serviceWorker' in navigator) {
  const workers = navigator.serviceWorker;
  notice.hidden = !document.documentElement.hasAttribute('data-offline-copy');
  const firstVisit = !workers.controller;
  const register = () => {
    workers.register(notice.dataset.sw ?? '/sw.js', { scope: '/' }).catch(() => undefined);
    if (firstVisit) void workers.ready.then((registration) => registration.active?.postMessage({ type: 'keep', paths: loadedPaths() } satisfies KeepMessage));
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
