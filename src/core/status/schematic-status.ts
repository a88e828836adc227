// Has the schematic file changed since the release? The file as it would be submitted (the
// tool's normal form) and as written are both accepted, like `verify` accepts them.
import {
  encodeCanonical,
  loadSchematicFile,
  normalizeSchematic,
  schematicId,
} from '../schematic/index.js';
import type { ReleaseManifest } from '../manifest/index.js';
import { resolvePath } from '../pipeline/index.js';
import type { StatusFinding } from './types.js';

export async function schematicFinding(
  manifest: ReleaseManifest,
  root: string,
): Promise<StatusFinding | undefined> {
  const file = manifest.talos.schematicPath;
  const loaded = await loadSchematicFile(resolvePath(root, file), { displayName: file });
  const normalForm = schematicId(encodeCanonical(normalizeSchematic(loaded.schematic).schematic));
  const asWritten = schematicId(encodeCanonical(loaded.schematic));
  const recorded = manifest.talos.schematicId;
  if (normalForm === recorded || asWritten === recorded) return undefined;
  return {
    kind: 'schematic',
    due: true,
    subject: file,
    from: recorded,
    to: normalForm,
    message: `${file} changed since release ${manifest.releaseVersion} (schematic ID ${recorded} → ${normalForm})`,
  };
}
