import type { z } from 'zod';

/**
 * Parses one content file with its schema; a bad file stops the build (or the tool) with the
 * file and every field that is wrong: `content/elections/x.json: mobileBox.ballots.0.id: …`.
 */
export function parseContentFile<S extends z.ZodType>(folder: string, file: string, schema: S, data: unknown): z.output<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(the file)'}: ${issue.message}`);
    throw new Error(`content/${folder}/${file}: ${problems.join('; ')}`);
  }
  const id = (parsed.data as { id?: unknown }).id;
  if (`${String(id)}.json` !== file) throw new Error(`content/${folder}/${file}: id: must match the file name (${String(id)})`);
  return parsed.data;
}

/** A problem across files (an election naming an area that does not exist…), said the same way. */
export function contentProblem(folder: string, file: string, path: string, message: string): never {
  throw new Error(`content/${folder}/${file}: ${path}: ${message}`);
}
