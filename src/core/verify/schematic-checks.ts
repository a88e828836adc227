// The schematic behind a release, checked two ways: the recorded canonical text must hash to the
// recorded ID, and the schematic file in the repository must still produce that ID, either in
// the tool's normal form (sorted extensions, what a release submits) or exactly as written.
import { readFile } from 'node:fs/promises';
import { errnoCode, ExitCode, messageOf, ReleaseError } from '../errors.js';
import type { ReleaseManifest } from '../manifest/index.js';
import {
  decodeSchematic,
  encodeCanonical,
  normalizeSchematic,
  schematicId,
} from '../schematic/index.js';
import { failed, passed } from './checklist.js';
import type { CheckResult } from './checklist.js';
import { resolveInRoot } from './paths.js';

export function checkRecordedSchematic(manifest: ReleaseManifest): CheckResult {
  const title = 'talos.schematic hashes to talos.schematicId';
  const id = schematicId(manifest.talos.schematic);
  if (id === manifest.talos.schematicId) return passed('schematic-recorded', title, id);
  return failed('schematic-recorded', title, {
    detail: 'the recorded schematic text is not the one the ID was computed from',
    expected: manifest.talos.schematicId,
    actual: `${id} (SHA-256 of talos.schematic)`,
    fix: 'Restore the manifest from version control, or cut the release again.',
    exitCode: ExitCode.integrity,
  });
}

export async function checkSchematicFile(
  manifest: ReleaseManifest,
  root: string,
): Promise<CheckResult> {
  const relative = manifest.talos.schematicPath;
  const title = `${relative} produces talos.schematicId`;
  const path = resolveInRoot(root, relative);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return failed('schematic-file', title, {
      detail: `cannot read ${path}: ${errnoCode(error) ?? messageOf(error)}`,
      fix: 'Run verify from the repository root (or pass --root), or restore the schematic file.',
      exitCode: ExitCode.integrity,
    });
  }
  let asWritten: string;
  let normalForm: string;
  try {
    const decoded = decodeSchematic(text, path);
    asWritten = schematicId(encodeCanonical(decoded));
    normalForm = schematicId(encodeCanonical(normalizeSchematic(decoded).schematic));
  } catch (error) {
    if (!(error instanceof ReleaseError)) throw error;
    return failed('schematic-file', title, {
      detail: error.message,
      fix: error.hint ?? 'Fix the schematic file, or restore it from version control.',
      exitCode: ExitCode.integrity,
    });
  }
  const expected = manifest.talos.schematicId;
  if (normalForm === expected) return passed('schematic-file', title, `${expected} (normal form)`);
  if (asWritten === expected) return passed('schematic-file', title, `${expected} (as written)`);
  return failed('schematic-file', title, {
    detail: 'the schematic file changed since this release was cut',
    expected,
    actual:
      asWritten === normalForm
        ? normalForm
        : `${normalForm} (normal form), ${asWritten} (as written)`,
    fix: `Restore ${relative} as it was at this release (git log -- ${relative}), or cut a new release.`,
    exitCode: ExitCode.integrity,
  });
}
