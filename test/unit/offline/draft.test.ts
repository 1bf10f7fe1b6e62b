import { describe, expect, it } from 'vitest';
import { DRAFT_HOURS, draftTimeLeft, readDraft, writeDraft, type DraftFields } from '#site/offline/draft';

const HOUR = 60 * 60 * 1000;
const fields: DraftFields = [
  ['ballots', 'ep'],
  ['ballots', 'ns'],
  ['fullName', 'Мария Иванова Петрова'],
];
const savedAt = Date.UTC(2024, 4, 20, 7, 0);

describe('the mobile-box draft', () => {
  it('reads back what was written, until 12 hours after the last change', () => {
    expect(DRAFT_HOURS).toBe(12);
    const stored = writeDraft(fields, savedAt);
    expect(readDraft(stored, savedAt)).toEqual({ savedAt, fields });
    expect(readDraft(stored, savedAt + 12 * HOUR - 1)).toEqual({ savedAt, fields });
    expect(readDraft(stored, savedAt + 12 * HOUR)).toBeUndefined();
    expect(readDraft(stored, savedAt + 30 * 24 * HOUR)).toBeUndefined();
  });

  it('counts the time left down to zero', () => {
    expect(draftTimeLeft(savedAt, savedAt)).toBe(12 * HOUR);
    expect(draftTimeLeft(savedAt, savedAt + 11 * HOUR)).toBe(HOUR);
    expect(draftTimeLeft(savedAt, savedAt + 13 * HOUR)).toBe(0);
  });

  it('refuses a missing, malformed, older-format or future-dated draft', () => {
    for (const stored of [
      null,
      '',
      'not json',
      'null',
      '[["fullName","Мария"]]',
      '{"fields":[["a","b"]]}',
      '{"savedAt":"1","fields":[]}',
      `{"savedAt":${savedAt},"fields":[["a"]]}`,
      `{"savedAt":${savedAt},"fields":[["a",1]]}`,
    ]) {
      expect(readDraft(stored, savedAt), String(stored)).toBeUndefined();
    }
    expect(readDraft(writeDraft(fields, savedAt + HOUR), savedAt)).toBeUndefined();
  });
});
