// Where artifacts live. The name carries version, platform, architecture and a schematic ID prefix
// so two releases never overwrite each other's files.
import { join } from 'node:path';

export const DEFAULT_ARTIFACTS_DIR = 'artifacts';

/** Enough of the ID to tell schematics apart in a directory listing without a 64-char name. */
const SCHEMATIC_PREFIX_LENGTH = 12;

export interface ArtifactName {
  readonly version: string;
  readonly platform: string;
  readonly arch: string;
  readonly schematicId: string;
  /** Including the dot, e.g. `.iso` or `.raw.zst`. */
  readonly extension: string;
  readonly secureBoot?: boolean | undefined;
  readonly artifactsDir?: string | undefined;
}

export function artifactPathFor(name: ArtifactName): string {
  const version = name.version.startsWith('v') ? name.version : `v${name.version}`;
  const flavour = name.secureBoot ? '-secureboot' : '';
  const prefix = name.schematicId.slice(0, SCHEMATIC_PREFIX_LENGTH);
  const file = `talos-${version}-${name.platform}-${name.arch}${flavour}-${prefix}${name.extension}`;
  return join(name.artifactsDir ?? DEFAULT_ARTIFACTS_DIR, file);
}

/** The in-progress file: never mistaken for a finished one, and kept for resuming. */
export function partPathFor(dest: string): string {
  return `${dest}.part`;
}

/**
 * Beside the .part: the ETag of the body it holds, so a later run can resume with If-Range. It
 * ends in .part too, being partial-download state: ignored by git and by anything that already
 * tolerates a leftover .part.
 */
export function validatorPathFor(dest: string): string {
  return `${dest}.etag.part`;
}
