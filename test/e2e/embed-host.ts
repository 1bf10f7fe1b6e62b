import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Where the browser tests' municipality page listens when the suite runs against your own server (E2E_BASE_URL). */
export const FIXED_HOST_PORT = 4319;

const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * A municipality's page, on its own 127.0.0.1 origin: `/?frame=<url>[&script=<url>][&width=320]`
 * shows the snippet of docs/api.md (Embedding the lookup), an <iframe> of that url and, when given, our sizing script.
 * The iframe's `data-loaded` says when its load event fired (also for a frame the browser refused).
 *
 * @example const host = await startEmbedHost(); // host.origin: 'http://127.0.0.1:40123'
 */
export async function startEmbedHost(port = 0): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const frame = url.searchParams.get('frame');
    if (url.pathname !== '/' || !frame) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const script = url.searchParams.get('script');
    const width = url.searchParams.get('width') ?? '100%';
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A municipality</title></head>
<body style="margin:0">
<h1>A municipality's elections page</h1>
<iframe src="${attribute(frame)}" title="Find your polling station" width="${attribute(width)}" height="300" style="border:0;max-width:100%;display:block"></iframe>
<script>document.querySelector('iframe').addEventListener('load', (event) => { event.target.dataset.loaded = String(Number(event.target.dataset.loaded ?? 0) + 1); });</script>
${script ? `<script src="${attribute(script)}" async></script>` : ''}
<p>The municipality's own footer.</p>
</body></html>`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: listening } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Chromium keeps connections alive; without this the teardown would wait for them.
      server.closeAllConnections();
    });
  return { origin: `http://127.0.0.1:${listening}`, close };
}
