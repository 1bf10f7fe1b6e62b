import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

describe('the migrated database', () => {
  it('keeps the register WITHOUT ROWID (the custom part of migrations 0001 and 0003)', async () => {
    const row = await env.DB.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'register_entries'").first<{ sql: string }>();
    expect(row?.sql).toMatch(/WITHOUT ROWID$/);
  });

  it('has the index near-me queries use, from migration 0002', async () => {
    const row = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'stations_election_position'").first<{ name: string }>();
    expect(row?.name).toBe('stations_election_position');
  });
});
