// Writes the demo data as one SQL file of idempotent upserts, for `npm start`.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

/** The demo dataset's version: bump it when the generator changes. */
export const DEMO_VERSION = '1';

export function demoStatements(now = new Date().toISOString()) {
  return [
    `INSERT INTO app_meta (key, value, updated_at) VALUES ('demo_version', '${DEMO_VERSION}', '${now}')
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;`,
  ];
}

export async function writeDemoSql() {
  const dir = join(tmpdir(), 'voter-desk');
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'demo.sql');
  await writeFile(file, demoStatements().join('\n') + '\n');
  return file;
}
