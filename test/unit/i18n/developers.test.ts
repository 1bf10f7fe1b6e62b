import { describe, expect, it } from 'vitest';
import { LOCALES, textIfKnown } from '#core/i18n';
import { openApiDocument } from '#functions/app';
import { isStaffOperation, operations, type OpenApiDocument } from '#site/developers/reference';

// The API reference (/<locale>/developers/) may keep the OpenAPI document's own descriptions in
// English (marked lang="en" on the page), but its own text is translated: every operation has a
// summary in every language, so no English id stands in a Cyrillic page.
describe('the API reference in every language', () => {
  const document: OpenApiDocument = JSON.parse(JSON.stringify(openApiDocument()));
  const ids = operations(document).map((op) => op.id);

  it('lists operations', () => expect(ids.length).toBeGreaterThan(20));

  it.each(LOCALES)('%s has a summary for every operation', (locale) => {
    expect(ids.filter((id) => !textIfKnown(locale, `developers.op.${id}`))).toEqual([]);
  });

  it('splits into the public reference and the staff area’s, each operation on exactly one page', () => {
    const all = operations(document);
    const staff = all.filter(isStaffOperation);
    expect(staff.map((op) => op.path)).toContain('/api/admin/requests');
    expect(all.filter((op) => !isStaffOperation(op)).map((op) => op.path)).toEqual(
      expect.arrayContaining(['/api/lookup', '/api/sms/inbound', '/api/openapi.json']),
    );
    expect(staff.every((op) => op.path.startsWith('/api/admin/'))).toBe(true);
  });
});
