// `npm run schema`: regenerates releases/schema.json from the zod manifest schema and
// talos-release.schema.json from the project file's. Tests fail while either file is stale.
import { writeFile } from 'node:fs/promises';
import { manifestJsonSchemaText } from '../core/manifest/index.js';
import { PROJECT_SCHEMA_FILE_NAME, projectJsonSchemaText } from '../core/project-file/index.js';

// dist/scripts/ and src/scripts/ are both two levels below the repository root.
const generated = [
  {
    target: new URL('../../releases/schema.json', import.meta.url),
    text: manifestJsonSchemaText(),
  },
  {
    target: new URL(`../../${PROJECT_SCHEMA_FILE_NAME}`, import.meta.url),
    text: projectJsonSchemaText(),
  },
];

for (const { target, text } of generated) {
  await writeFile(target, text, 'utf8');
  process.stdout.write(`wrote ${target.pathname}\n`);
}
