import { areaFiles } from '#functions/elections/content-files';
import { type Area, areaSchema } from '#core/areas/schema';
import { parseContentFile } from './parse-content';

/** The mobile-box areas (content/areas/*.json), validated once when the module loads. */
export const AREAS: readonly Area[] = Object.entries(areaFiles).map(([file, data]) => parseContentFile('areas', file, areaSchema, data));

export function getArea(id: string): Area | undefined {
  return AREAS.find((area) => area.id === id);
}
