import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildOpenApiDocument,
  generatedFiles,
  renderDocument,
  renderSchemaTypes,
} from '../scripts/openapi.js';

// The SDK's types come from checked-in files, so that users need no running server. These tests
// fail when the routes change without `npm run generate -w @portcullis/sdk`.
describe('generated SDK files', () => {
  it('openapi.json matches the routes', async () => {
    const checkedIn = fs.readFileSync(generatedFiles.document, 'utf8');

    const current = await renderDocument(await buildOpenApiDocument());

    expect(JSON.parse(checkedIn)).toEqual(JSON.parse(current));
    expect(checkedIn).toBe(current);
  });

  it('schema.d.ts matches openapi.json', async () => {
    const documentText = fs.readFileSync(generatedFiles.document, 'utf8');

    const current = await renderSchemaTypes(documentText);

    expect(fs.readFileSync(generatedFiles.schema, 'utf8')).toBe(current);
  });
});
