// Saves the targets chosen in the wizard back into talos-release.yaml: only the `targets` list is
// replaced, so every comment and every other field stays as the operator wrote it.
import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { writeFileAtomically } from '../fs/index.js';
import { projectFilePath } from './load.js';
import type { ProjectTarget } from './schema.js';

export async function saveTargets(
  root: string,
  targets: readonly ProjectTarget[],
): Promise<string> {
  const path = projectFilePath(root);
  const before = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  let document = parseDocument(before);
  // Empty or comments only: give it a map to hold the list, keeping the comments above it.
  if (document.contents === null) {
    const separator = before === '' || before.endsWith('\n') ? '' : '\n';
    document = parseDocument(`${before}${separator}targets: []\n`);
  }
  document.set('targets', document.createNode([...targets]));
  await writeFileAtomically(path, document.toString());
  return path;
}
