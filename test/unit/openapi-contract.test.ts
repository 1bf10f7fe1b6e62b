import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '#functions/app';

// The OpenAPI document as it was served before a change: a refactoring must serve the same
// document, byte for byte. A deliberate change of the contract updates the file in the same
// commit (`UPDATE_OPENAPI=1 npm run test:unit -- openapi-contract`), so the diff shows it.
const FILE = 'test/unit/fixtures/openapi.json';

describe('the published contract', () => {
  it('is the OpenAPI document recorded in test/unit/fixtures/openapi.json, byte for byte', () => {
    const served = JSON.stringify(openApiDocument(), null, 1);
    if (process.env.UPDATE_OPENAPI === '1') writeFileSync(FILE, served);
    expect(served).toBe(readFileSync(FILE, 'utf8'));
  });
});
