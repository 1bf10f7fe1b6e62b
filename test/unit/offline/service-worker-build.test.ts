import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { serviceWorkerSource } from '#scripts/service-worker';

describe('the service worker build', () => {
  it('gives one classic script: the rules, then the worker, with no import or export left', async () => {
    const source: string = await serviceWorkerSource();
    expect(() => new Script(source)).not.toThrow();
    expect(source).not.toMatch(/^\s*(?:import|export)\b/m);
    expect(source.indexOf('function strategyFor(')).toBeGreaterThan(0);
    expect(source.indexOf('function strategyFor(')).toBeLessThan(source.indexOf('addEventListener("fetch"'));
    expect(source).toContain('"__BUILD_VERSION__"');
  });
});
