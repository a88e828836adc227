// The schematic files that targets name besides the release's own (an SBC image needs one with
// an overlay), each read and decoded once with the same loader as the release's.
import { loadSchematicFile } from '../schematic/index.js';
import type { Schematic } from '../schematic/index.js';
import { resolvePath } from './project.js';
import type { TargetRequest } from './targets-plan.js';

export async function loadTargetSchematics(
  root: string,
  targets: readonly TargetRequest[] | undefined,
): Promise<ReadonlyMap<string, Schematic>> {
  const loaded = new Map<string, Schematic>();
  for (const path of new Set((targets ?? []).flatMap((t) => t.schematic ?? []))) {
    loaded.set(path, (await loadSchematicFile(resolvePath(root, path))).schematic);
  }
  return loaded;
}
