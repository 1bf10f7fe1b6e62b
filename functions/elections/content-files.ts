/**
 * Every JSON file of content/elections/ and content/areas/, found when the bundle is built (Vite's
 * import.meta.glob): a new file there is picked up by the next build, with no code to change. The
 * Node tools (run by tsx, which has no import.meta.glob) read the same folders from disk instead.
 */
type Files = Record<string, unknown>;

const byFileName = (files: Files): Files => Object.fromEntries(Object.entries(files).map(([path, data]) => [path.split('/').pop()!, data]));

/** The folder's JSON files read from disk, for Node (never reached in a Vite bundle). */
function fromDisk(folder: string): Files {
  const fs = process.getBuiltinModule('node:fs') as typeof import('node:fs');
  const url = process.getBuiltinModule('node:url') as typeof import('node:url');
  // CONTENT_DIR: another content folder, for `npm run check:content` on files not yet in place.
  const root = process.env.CONTENT_DIR ? `${process.env.CONTENT_DIR.replace(/\/$/, '')}/` : url.fileURLToPath(new URL('../../content/', import.meta.url));
  const dir = `${root}${folder}/`;
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => [name, JSON.parse(fs.readFileSync(`${dir}${name}`, 'utf8')) as unknown]),
  );
}

/** Vite replaces each import.meta.glob(…) with the files it found; elsewhere the call throws and the disk is read. */
function found(glob: () => Files, folder: string): Files {
  try {
    return byFileName(glob());
  } catch {
    return fromDisk(folder);
  }
}

export const electionFiles: Files = found(() => import.meta.glob('/content/elections/*.json', { eager: true, import: 'default' }), 'elections');
export const areaFiles: Files = found(() => import.meta.glob('/content/areas/*.json', { eager: true, import: 'default' }), 'areas');
