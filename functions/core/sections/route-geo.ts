import { hasCoordinates, type Located } from './route-order';
import { escapeXml } from './xml';

/**
 * A route for navigation apps, as GeoJSON or GPX. Only what a driver needs: the base, then
 * each stop's number and address (never a name or phone). Stops without coordinates are left
 * out and counted, so the caller can say so.
 */

export interface RouteSection {
  number: string;
  /** The base address: where the route starts and ends. */
  address: string;
  lat?: number;
  lon?: number;
}

/** A stop in visiting order; its position (from 1) is the number on every list. */
export interface RouteGeoStop {
  address: string;
  lat?: number;
  lon?: number;
}

type Position = [lon: number, lat: number];
interface Feature<G, P> {
  type: 'Feature';
  geometry: G;
  properties: P;
}
type PointFeature<P> = Feature<{ type: 'Point'; coordinates: Position }, P>;

export type RouteFeature =
  | PointFeature<{ kind: 'base'; section: string; address: string }>
  | PointFeature<{ order: number; address: string }>
  | Feature<{ type: 'LineString'; coordinates: Position[] }, { kind: 'route'; section: string }>;

export interface RouteGeoJson {
  type: 'FeatureCollection';
  features: RouteFeature[];
}

interface LocatedStop extends Located {
  order: number;
  address: string;
}

function locate(section: RouteSection, stops: readonly RouteGeoStop[]) {
  const located: LocatedStop[] = [];
  stops.forEach((stop, i) => {
    if (hasCoordinates(stop)) located.push({ order: i + 1, address: stop.address, lat: stop.lat, lon: stop.lon });
  });
  return { base: hasCoordinates(section) ? section : undefined, stops: located, skipped: stops.length - located.length };
}

const position = (point: Located): Position => [point.lon, point.lat];

/**
 * A FeatureCollection: the base as a Point, each located stop as a Point, and a LineString
 * base → stops → base (without the base when it has no coordinates).
 */
export function routeGeoJson(section: RouteSection, stops: readonly RouteGeoStop[]): { geoJson: RouteGeoJson; skipped: number } {
  const { base, stops: located, skipped } = locate(section, stops);
  const point = <P>(at: Located, properties: P): PointFeature<P> => ({ type: 'Feature', geometry: { type: 'Point', coordinates: position(at) }, properties });
  const features: RouteFeature[] = [];
  if (base) features.push(point(base, { kind: 'base' as const, section: section.number, address: section.address }));
  for (const stop of located) features.push(point(stop, { order: stop.order, address: stop.address }));
  const line = base ? [base, ...located, base] : located;
  // A LineString needs two positions (RFC 7946 §3.1.4).
  if (line.length >= 2) {
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: line.map(position) },
      properties: { kind: 'route', section: section.number },
    });
  }
  return { geoJson: { type: 'FeatureCollection', features }, skipped };
}

// GPX coordinates are xsd:decimal, which has no exponent form (String(1e-7) would give one).
const decimal = (value: number) => value.toFixed(7);
const routePoint = (at: Located, name: string, description?: string) =>
  `<rtept lat="${decimal(at.lat)}" lon="${decimal(at.lon)}"><name>${escapeXml(name)}</name>${description ? `<desc>${escapeXml(description)}</desc>` : ''}</rtept>`;

/** GPX 1.1 with one `<rte>`: the base, the located stops (named by their number), the base again. */
export function routeGpx(section: RouteSection, stops: readonly RouteGeoStop[]): { gpx: string; skipped: number } {
  const { base, stops: located, skipped } = locate(section, stops);
  const points = located.map((stop) => routePoint(stop, String(stop.order), stop.address));
  if (base) {
    points.unshift(routePoint(base, section.address));
    points.push(routePoint(base, section.address));
  }
  const gpx = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gpx version="1.1" creator="Voter Desk" xmlns="http://www.topografix.com/GPX/1/1">',
    `<rte><name>${escapeXml(section.number)}</name>`,
    ...points,
    '</rte>',
    '</gpx>',
    '',
  ].join('\n');
  return { gpx, skipped };
}
