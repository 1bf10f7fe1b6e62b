/**
 * Offline copies of public pages (site/offline/sw.ts decides what is kept):
 * - registers the service worker once the page has loaded;
 * - a copy the worker served from the device (`<html data-offline-copy>`) shows its notice
 *   that it may be out of date;
 * - on the first visit the worker did not see the page load, so the page names itself and the
 *   files it loaded; the worker keeps those its rules allow, and nothing else.
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
    const keep: KeepMessage = { type: 'keep', paths: loadedPaths() };
    if (firstVisit) void workers.ready.then((registration) => registration.active?.postMessage(keep));
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
