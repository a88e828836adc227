// `npm run schema`: regenerates releases/schema.json from the zod manifest schema. The test in
// test/core/manifest fails while the checked-in file is stale.
import { writeFile } from 'node:fs/promises';
import { manifestJsonSchemaText } from '../core/manifest/index.js';

// dist/scripts/ and src/scripts/ are both two levels below the repository root.
const target = new URL('../../releases/schema.json', import.meta.url);

await writeFile(target, manifestJsonSchemaText(), 'utf8');
process.stdout.write(`wrote ${target.pathname}\n`);
