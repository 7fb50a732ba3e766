// The web app's API types come from the contract: docs/openapi.yaml -> src/lib/api.gen.ts with
// openapi-typescript. `node scripts/api-types.mjs` writes the file; `--check` (part of
// `npm run build`) fails when the committed file differs from what the document generates, so
// the app cannot drift from the contract unnoticed.
import { readFileSync, writeFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';

const document = new URL('../../docs/openapi.yaml', import.meta.url);
const target = new URL('../src/lib/api.gen.ts', import.meta.url);
const kHeader =
  '// Generated from docs/openapi.yaml by openapi-typescript (web/scripts/api-types.mjs).\n' +
  '// Do not edit: change the document, then run `npm run api-types` in web/.\n\n';

const generated = kHeader + astToString(await openapiTS(document, { alphabetize: false }));

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // a missing file is drift too
  }
  if (committed !== generated) {
    console.error('src/lib/api.gen.ts is out of date with docs/openapi.yaml: run `npm run api-types` in web/ and commit it');
    process.exit(1);
  }
} else {
  writeFileSync(target, generated);
  console.log('wrote src/lib/api.gen.ts');
}
