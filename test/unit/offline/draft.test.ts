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

describe('the draft never holds a personal number', () => {
  it('leaves out the voter’s and the representative’s personal numbers when it is written, and when an older draft is read', () => {
    const fields: DraftFields = [
      ['idNumber', '7501020018'],
      ['fullName', 'Мария Петрова'],
      ['representative.idNumber', '8001010002'],
      ['representative.fullName', 'Иван Петров'],
    ];
    const stored = writeDraft(fields, 0);
    expect(stored).not.toContain('7501020018');
    expect(stored).not.toContain('8001010002');
    expect(readDraft(stored, 1)?.fields).toEqual([
      ['fullName', 'Мария Петрова'],
      ['representative.fullName', 'Иван Петров'],
    ]);
    // A draft written before this rule (as a page open across an update would have it).
    const older = JSON.stringify({ savedAt: 0, fields });
    expect(readDraft(older, 1)?.fields.map(([name]) => name)).toEqual(['fullName', 'representative.fullName']);
  });
});
