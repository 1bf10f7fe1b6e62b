import { describe, expect, it } from 'vitest';
import { routeSketchSvg } from '#core/sections/route-sketch';

const BASE = { lat: 42.65, lon: 23.38 };
const STOPS = [{ lat: 42.651, lon: 23.381 }, {}, { lat: 42.64, lon: 23.39 }, { lat: 42.66, lon: 23.37 }];
const OPTIONS = { width: 600, height: 400, label: 'Маршрут на СИК 234600001 & "Младост"' };
const ESCAPED_LABEL = 'Маршрут на СИК 234600001 &amp; &quot;Младост&quot;';

const numbers = (svg: string, pattern: RegExp) => [...svg.matchAll(pattern)].flatMap((m) => m.slice(1).map(Number));

describe('route sketch', () => {
  it('is an accessible inline image that makes no outside request', () => {
    const svg = routeSketchSvg(BASE, STOPS, OPTIONS);
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain(`aria-label="${ESCAPED_LABEL}"`);
    expect(svg).toContain(`<title>${ESCAPED_LABEL}</title>`);
    expect(svg).not.toMatch(/https?:/i);
    expect(svg).not.toMatch(/<(image|use|script|foreignObject)\b/);
  });

  it('draws the route base → stops → base, a marker for the base and numbered circles for the located stops', () => {
    const svg = routeSketchSvg(BASE, STOPS, OPTIONS);
    const line = svg.match(/<polyline points="([^"]+)"/)![1]!.split(' ');
    expect(line).toHaveLength(5);
    expect(line[0]).toBe(line[4]);
    expect(svg.match(/<rect class="route-base"/g)).toHaveLength(1);
    expect(svg.match(/<circle /g)).toHaveLength(3);
    expect([...svg.matchAll(/<text [^>]*>(\d+)<\/text>/g)].map((m) => m[1])).toEqual(['1', '3', '4']);
  });

  it('fits every point inside the padding, north up', () => {
    const svg = routeSketchSvg(BASE, STOPS, { ...OPTIONS, padding: 20 });
    const xs = numbers(svg, /cx="([^"]+)"/g),
      ys = numbers(svg, /cy="([^"]+)"/g);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(19.95);
    expect(Math.max(...xs)).toBeLessThanOrEqual(580.05);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(19.95);
    expect(Math.max(...ys)).toBeLessThanOrEqual(380.05);
    // Stop 4 is the northernmost: the smallest y. Stop 3 the southernmost.
    expect(ys[2]).toBeLessThan(ys[0]!);
    expect(ys[1]).toBeGreaterThan(ys[0]!);
  });

  it('copes with a single point or nothing to draw', () => {
    const one = routeSketchSvg(BASE, [], OPTIONS);
    expect(one).not.toContain('NaN');
    expect(one).toContain('<rect class="route-base" x="293" y="193"');
    const none = routeSketchSvg({}, [{}], OPTIONS);
    expect(none).toBe(
      `<svg class="route-sketch" width="600" height="400" viewBox="0 0 600 400" role="img" aria-label="${ESCAPED_LABEL}"><title>${ESCAPED_LABEL}</title></svg>`,
    );
  });
});
