import { hasCoordinates, type Located, type RouteBase } from './route-order';
import { escapeXml } from './xml';

/**
 * A drawn sketch of a route for the printed list: the stops' coordinates projected onto the
 * page, no map tiles and no outside requests, so it prints the same offline.
 */

export interface RouteSketchOptions {
  width: number;
  height: number;
  /** The accessible name and `<title>`, in the page's language. */
  label: string;
  /** Space kept free at each edge, in px; defaults to 18 (a stop's circle and a little air). */
  padding?: number;
}

const STOP_RADIUS = 9;
const BASE_SIZE = 14;
const px = (value: number) => Number(value.toFixed(1)).toString();

// Equirectangular about the middle latitude: at a district's scale it keeps shapes true enough to recognise.
function projector(points: readonly Located[], { width, height, padding = 18 }: RouteSketchOptions) {
  const lats = points.map((p) => p.lat);
  const cos = Math.cos((((Math.min(...lats) + Math.max(...lats)) / 2) * Math.PI) / 180);
  const xs = points.map((p) => p.lon * cos);
  const minX = Math.min(...xs),
    minY = Math.min(...lats);
  const spanX = Math.max(...xs) - minX,
    spanY = Math.max(...lats) - minY;
  const innerW = Math.max(0, width - 2 * padding),
    innerH = Math.max(0, height - 2 * padding);
  const scale = Math.min(spanX > 0 ? innerW / spanX : Infinity, spanY > 0 ? innerH / spanY : Infinity);
  const k = Number.isFinite(scale) ? scale : 0;
  // Centre the drawing in whichever direction it does not fill; north is up.
  const offsetX = padding + (innerW - spanX * k) / 2,
    offsetY = padding + (innerH - spanY * k) / 2;
  return (p: Located) => ({ x: offsetX + (p.lon * cos - minX) * k, y: height - offsetY - (p.lat - minY) * k });
}

/**
 * An inline SVG of base → stops → base: a line through the route, a square for the base and a
 * numbered circle per stop (numbered by position in `stops`, as on the list). Stops without
 * coordinates are not drawn.
 *
 * @example routeSketchSvg(base, stops, { width: 600, height: 400, label: 'Маршрут на СИК 234600001' })
 */
export function routeSketchSvg(base: RouteBase, stops: readonly RouteBase[], options: RouteSketchOptions): string {
  const { width, height, label } = options;
  const numbered = stops.flatMap((stop, i) => (hasCoordinates(stop) ? [{ order: i + 1, at: stop }] : []));
  const start = hasCoordinates(base) ? base : undefined;
  const all = [...(start ? [start] : []), ...numbered.map((stop) => stop.at)];
  const parts = [`<title>${escapeXml(label)}</title>`];
  if (all.length > 0) {
    const project = projector(all, options);
    const route = start ? [start, ...numbered.map((s) => s.at), start] : all;
    if (route.length >= 2) {
      const points = route
        .map((p) => project(p))
        .map(({ x, y }) => `${px(x)},${px(y)}`)
        .join(' ');
      parts.push(`<polyline points="${points}" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>`);
    }
    if (start) {
      const { x, y } = project(start);
      parts.push(
        `<rect class="route-base" x="${px(x - BASE_SIZE / 2)}" y="${px(y - BASE_SIZE / 2)}" width="${BASE_SIZE}" height="${BASE_SIZE}" fill="currentColor"/>`,
      );
    }
    for (const stop of numbered) {
      const { x, y } = project(stop.at);
      parts.push(
        `<g class="route-stop"><circle cx="${px(x)}" cy="${px(y)}" r="${STOP_RADIUS}" fill="white" stroke="currentColor" stroke-width="1.5"/>` +
          `<text x="${px(x)}" y="${px(y)}" font-size="10" text-anchor="middle" dominant-baseline="central">${stop.order}</text></g>`,
      );
    }
  }
  // No xmlns: the sketch is inline in HTML, where it is implied, and the page stays free of URLs.
  return `<svg class="route-sketch" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(label)}">${parts.join('')}</svg>`;
}
