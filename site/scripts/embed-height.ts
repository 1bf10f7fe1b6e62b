/**
 * Inside the embeddable lookup: tells the framing page how tall this page is, so that the
 * optional host script (public/embed.js) can size the <iframe> without inner scrolling. The
 * message holds a fixed type and a number, nothing the visitor typed or was answered. It is
 * addressed to each allowed origin in turn (the page lists them: the same as frame-ancestors):
 * the browser delivers it only where the parent's origin matches and drops the others, so it
 * never reaches a page that is not allowed (no `*`).
 */
const HEIGHT_MESSAGE = 'voter-desk:embed-height';

const origins = (document.body.dataset.embedOrigins ?? '').split(' ').filter(Boolean);
const pageHeight = () => Math.ceil(document.documentElement.getBoundingClientRect().height);

if (window.parent !== window && origins.length > 0) {
  let sent = 0;
  // Called once at the start, then whenever the page changes height (an answer, a <details>).
  new ResizeObserver(() => {
    const height = pageHeight();
    if (height === sent) return;
    sent = height;
    for (const origin of origins) window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, origin);
  }).observe(document.documentElement);
}
