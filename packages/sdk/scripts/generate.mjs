// Regenerates openapi.json and src/schema.d.ts from the server's routes. The generator is
// TypeScript because it builds the server in-process, so tsx is registered to load it.
import { register } from 'tsx/esm/api';

register();
const { generatedFiles, writeGeneratedFiles } = await import('./openapi.ts');

await writeGeneratedFiles();
console.info(`Wrote ${generatedFiles.document} and ${generatedFiles.schema}`);
