// Saves the targets chosen in the wizard back into talos-release.yaml: only the `targets` list is
// replaced, so every comment and every other field stays as the operator wrote it.
import { editProjectFile } from './edit-document.js';
import type { ProjectTarget } from './schema.js';

export async function saveTargets(
  root: string,
  targets: readonly ProjectTarget[],
): Promise<string> {
  return editProjectFile(root, 'targets: []', (document) => {
    document.set('targets', document.createNode([...targets]));
  });
}
