export { diffReleases, tagOf } from './diff-releases.js';
export type {
  ExtensionChange,
  ExtensionVersion,
  InstallerChange,
  ReleaseDiff,
  ValueChange,
} from './diff-releases.js';
export { loadReleasePair, readChannel, readManifest } from './load-pair.js';
export type { PairRequest, ReleasePair } from './load-pair.js';
export { skippedMinors } from './minor-skip.js';
export type { ArtifactView, InstallerView } from './release-view.js';
export type { MetaChange, SchematicChanges } from './schematic-changes.js';
export { changesSince } from './changes-since.js';
export type { PlannedRelease } from './changes-since.js';
export * from './line-diff.js';
