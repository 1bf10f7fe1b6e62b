import { describe, expect, it } from 'vitest';
import { routeGeoJson, routeGpx, type RouteGeoStop, type RouteSection } from '#core/sections/route-geo';

const SECTION: RouteSection = { number: '234600001', address: 'ул. Обиколна 1', lat: 42.65, lon: 23.38 };
const STOPS: RouteGeoStop[] = [
  { address: 'ж.к. Младост 1, бл. 12', lat: 42.651, lon: 23.381 },
  { address: 'ул. Шипка № 10А' },
  { address: 'ж.к. Младост 2, бл. 4', lat: 42.652, lon: 23.383 },
];

describe('route GeoJSON', () => {
  it('has the base, each located stop with its order and address only, and the whole route as a line', () => {
    const { geoJson, skipped } = routeGeoJson(SECTION, STOPS);
    expect(skipped).toBe(1);
    expect(geoJson.type).toBe('FeatureCollection');
    expect(geoJson.features.map((f) => f.geometry.type)).toEqual(['Point', 'Point', 'Point', 'LineString']);
    expect(geoJson.features[0]).toEqual({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [23.38, 42.65] },
      properties: { kind: 'base', section: '234600001', address: 'ул. Обиколна 1' },
    });
    expect(geoJson.features.slice(1, 3).map((f) => f.properties)).toEqual([
      { order: 1, address: 'ж.к. Младост 1, бл. 12' },
      { order: 3, address: 'ж.к. Младост 2, бл. 4' },
    ]);
    expect(geoJson.features[3]!.geometry.coordinates).toEqual([
      [23.38, 42.65],
      [23.381, 42.651],
      [23.383, 42.652],
      [23.38, 42.65],
    ]);
    expect(JSON.parse(JSON.stringify(geoJson))).toEqual(geoJson);
  });

  it('draws no base and no line that could not be drawn', () => {
    const { geoJson, skipped } = routeGeoJson({ number: '1', address: 'x' }, [STOPS[0]!, STOPS[1]!]);
    expect(skipped).toBe(1);
    expect(geoJson.features.map((f) => f.geometry.type)).toEqual(['Point']);
    expect(routeGeoJson(SECTION, []).geoJson.features.map((f) => f.geometry.type)).toEqual(['Point', 'LineString']);
  });
});

describe('route GPX', () => {
  it('is GPX 1.1 with one route: base, the located stops, base', () => {
    const { gpx, skipped } = routeGpx(SECTION, STOPS);
    expect(skipped).toBe(1);
    expect(gpx.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" ')).toBe(true);
    expect(gpx).toContain('xmlns="http://www.topografix.com/GPX/1/1"');
    expect(gpx.match(/<rte>/g)).toHaveLength(1);
    const points = [...gpx.matchAll(/<rtept lat="([^"]+)" lon="([^"]+)"><name>([^<]*)<\/name>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(points).toEqual([
      ['42.6500000', '23.3800000', 'ул. Обиколна 1'],
      ['42.6510000', '23.3810000', '1'],
      ['42.6520000', '23.3830000', '3'],
      ['42.6500000', '23.3800000', 'ул. Обиколна 1'],
    ]);
    expect(gpx).toContain('<desc>ж.к. Младост 1, бл. 12</desc>');
  });

  it('escapes text and drops characters XML cannot hold', () => {
    const { gpx } = routeGpx({ ...SECTION, number: '1 & 2', address: '<base> "A" \'B\'' }, [{ address: 'a < b & c > d\u0007', lat: 1, lon: 2 }]);
    expect(gpx).toContain('<name>1 &amp; 2</name>');
    expect(gpx).toContain('<name>&lt;base&gt; &quot;A&quot; &apos;B&apos;</name>');
    expect(gpx).toContain('<desc>a &lt; b &amp; c &gt; d</desc>');
    expect(gpx).not.toContain('\u0007');
    expect(gpx).not.toContain('<base>');
  });

  it('writes coordinates as plain decimals', () => {
    const { gpx } = routeGpx({ number: '1', address: 'x' }, [{ address: 'y', lat: 0.0000001, lon: -1e-7 }]);
    expect(gpx).toContain('<rtept lat="0.0000001" lon="-0.0000001">');
  });
});
